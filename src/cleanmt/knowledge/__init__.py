"""Reference data from installed packages (wordfreq, CLDR, ...) and the indexes derived
from it, one module per resource, each loaded lazily once."""
