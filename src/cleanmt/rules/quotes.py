"""quotes rules (to be written)."""
