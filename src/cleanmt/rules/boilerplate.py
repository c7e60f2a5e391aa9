"""boilerplate rules (to be written)."""
