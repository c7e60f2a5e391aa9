"""One module per artifact category; importing them registers their rules."""
from . import (  # noqa: F401
    boilerplate,
    calque,
    casing,
    encoding,
    punctuation,
    quotes,
    spinner,
    transliteration,
    typography,
    conventions,
    numbers,
    english_notation,
    compounds,
    english_openers,
    organisations,
    untranslated,
)
