"""untranslated rules (to be written)."""
