"""punctuation rules (to be written)."""
