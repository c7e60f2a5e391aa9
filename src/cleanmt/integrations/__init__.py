"""Adapters for other people's pipelines (install the matching extra)."""
