"""Reference data and the indexes derived from it, one module per resource, each loaded once."""
