"""The benchmark's yardsticks run on a small corpus and measure what they say."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from benchmarks.baselines import corpus_files, floor_seconds, per_document_seconds
from benchmarks.corpus import write_corpus


def test_floor_stores_every_file_with_its_hash(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 12, seed=2)
    files = corpus_files(tmp_path / "c")
    assert floor_seconds(files, tmp_path / "floor.duckdb") > 0
    with duckdb.connect(str(tmp_path / "floor.duckdb"), read_only=True) as con:
        stored = dict(con.execute("SELECT doc_id, content_sha256 FROM raw").fetchall())
    assert stored == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def test_per_document_timing_covers_trafilatura_cleaning_and_extraction(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 8, seed=5)
    seconds = per_document_seconds(corpus_files(tmp_path / "c"))
    assert seconds.trafilatura > 0 and seconds.clean > 0 and seconds.extract > 0
    assert seconds.failures == 0, "our cleaning and extraction raise on no generated document"
