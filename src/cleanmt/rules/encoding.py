"""encoding rules (to be written)."""
