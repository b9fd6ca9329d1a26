"""Yardsticks measured on the same files as the flow, each in this one process.

- floor: read, sha256 and insert the raw bytes into DuckDB: no pipeline can beat it
  (wall-clock seconds: it is mostly I/O).
- trafilatura: `trafilatura.extract` with metadata on each file as HTML, the usual tool.
- ours: `decode_bytes` + `clean_document` (cleaning and metadata alone, what trafilatura
  does), and `extract` on the cleaned body.
The last three are timed in CPU seconds of this process, file by file in turn.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import duckdb
import pandas as pd

_FLOOR_BATCH = 1_000
_WARM_UP = 20


@dataclass(frozen=True)
class PerDocument:
    """CPU seconds summed over the files; `failures` counts files our code raised on."""

    trafilatura: float
    clean: float
    extract: float
    failures: int


def corpus_files(directory: str | Path) -> list[Path]:
    return sorted(p for p in Path(directory).iterdir() if p.is_file() and not p.name.startswith("."))


def floor_seconds(files: list[Path], db_path: str | Path) -> float:
    """Read + sha256 + bulk insert of the raw bytes into a fresh DuckDB file."""
    Path(db_path).unlink(missing_ok=True)
    started = time.perf_counter()
    with duckdb.connect(str(db_path)) as con:
        con.execute("CREATE TABLE raw (doc_id VARCHAR, content_sha256 VARCHAR, content BLOB)")
        iterator = iter(files)
        while batch := list(islice(iterator, _FLOOR_BATCH)):
            contents = [path.read_bytes() for path in batch]
            frame = pd.DataFrame(
                {
                    "doc_id": [path.name for path in batch],
                    "content_sha256": [hashlib.sha256(c).hexdigest() for c in contents],
                    "content": contents,
                }
            )
            con.register("batch", frame)
            con.execute("INSERT INTO raw SELECT * FROM batch")
            con.unregister("batch")
        con.execute("CHECKPOINT")
    return time.perf_counter() - started


def per_document_seconds(files: list[Path]) -> PerDocument:
    """CPU seconds of trafilatura, our cleaning and our extraction, each timed on every file in turn.

    Timing the three on the same file one after another, in CPU time of this process, keeps
    their ratio fair on a machine that other work shares.
    """
    import py3langid
    import trafilatura

    from presseschau.clean import clean_document
    from presseschau.extract import extract
    from presseschau.ingest import RejectedInput, decode_bytes

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    def timed(paths: list[Path]) -> PerDocument:
        spent = {"trafilatura": 0.0, "clean": 0.0, "extract": 0.0}
        failures = 0
        for path in paths:
            data = path.read_bytes()
            started = time.process_time()
            # A crash on a broken file is trafilatura's result for it: the baseline moves on.
            with contextlib.suppress(Exception):
                trafilatura.extract(data, with_metadata=True)
            spent["trafilatura"] += time.process_time() - started
            started = time.process_time()
            try:
                decoded = decode_bytes(data)
                doc = clean_document(decoded.text, decoded.format)
            except RejectedInput:
                continue
            except Exception:  # counted, not debugged here: the flow quarantines such files
                failures += 1
                continue
            finally:
                spent["clean"] += time.process_time() - started
            started = time.process_time()
            try:
                extract(doc.body, published=doc.published, language=doc.language)
            except Exception:
                failures += 1
            spent["extract"] += time.process_time() - started
        return PerDocument(**spent, failures=failures)

    # Both sides load word lists and models on first use: a few files first, untimed, so that
    # a small N compares steady states rather than start-up costs. The language model is loaded
    # only for a text no function-word count decides, which the first files may not hold.
    timed(files[:_WARM_UP])
    py3langid.classify("Lorem ipsum dolor sit amet, consectetur adipiscing elit.")
    return timed(files)
