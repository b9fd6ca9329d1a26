"""Prefect flows: orchestration only; the text logic lives in `presseschau`."""
