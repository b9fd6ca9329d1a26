"""Presseschau: German news articles → clean text, metadata and extracted facts.

This package holds the text logic only: pure functions, strings in and
dataclasses out. It never imports Prefect or DuckDB.
"""

__version__ = "0.1.0"
