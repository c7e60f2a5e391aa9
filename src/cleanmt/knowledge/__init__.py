"""Reference data from PyPI packages, loaded lazily, one module per resource."""
