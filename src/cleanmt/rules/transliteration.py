"""transliteration rules (to be written)."""
