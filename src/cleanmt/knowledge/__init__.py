"""Reference data and language statistics, each from a PyPI package, loaded lazily once.

One module per resource; rules ask these modules questions and never load data
themselves."""
