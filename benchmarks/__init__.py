"""Benchmarks of the Presseschau pipeline: a synthetic corpus and the measuring harness."""
