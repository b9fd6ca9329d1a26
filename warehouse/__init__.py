"""The DuckDB warehouse: SQL files per layer (raw → clean → core → ops → marts) and the
thin code that runs them, loads DataFrames and publishes the file atomically."""
