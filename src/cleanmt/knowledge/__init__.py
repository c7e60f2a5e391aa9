"""Reference data loaded from PyPI packages, one module per resource, each loaded lazily once."""
