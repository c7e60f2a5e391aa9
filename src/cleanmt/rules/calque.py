"""calque rules (to be written)."""
