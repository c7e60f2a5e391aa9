"""casing rules (to be written)."""
