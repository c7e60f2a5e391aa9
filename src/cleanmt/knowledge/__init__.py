"""Reference data from PyPI packages and the indexes derived from it: one module per resource, each loaded lazily once."""
