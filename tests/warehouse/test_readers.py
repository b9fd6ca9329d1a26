"""Readers and the writer never block each other: another process holds the published
warehouse open, and keeps opening it anew, during a full run; both succeed.

The run builds into a working file and swaps it in at the end (warehouse/store.py), so a
reader keeps the snapshot it opened and the next reader sees the new one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from flows.pipeline import run_pipeline
from warehouse.store import reader

REPO = Path(__file__).resolve().parents[2]
XSS_ARTICLE = REPO / "tests" / "fixtures" / "report" / "xss_article.txt"

# The reader process: one connection held for the whole run, and a fresh one opened every
# round, each querying a mart view; it stops when the stop file appears and reports.
READER = """
import json, sys, time
from pathlib import Path
from warehouse.store import reader

db, ready, stop, report = sys.argv[1:5]
held = reader(db)
counts, reopened = [], 0
Path(ready).touch()
while not Path(stop).exists():
    counts.append(held.execute("SELECT count(*) FROM marts.documents").fetchone()[0])
    with reader(db) as fresh:
        fresh.execute("SELECT count(*) FROM marts.top_entities").fetchone()
        reopened += 1
    time.sleep(0.05)
held.close()
Path(report).write_text(json.dumps({"counts": counts, "reopened": reopened}))
"""


def test_a_reader_holding_the_warehouse_open_does_not_block_a_full_run(
    sample_warehouse: Path, samples: Path, tmp_path: Path
) -> None:
    db = tmp_path / "presseschau.duckdb"
    shutil.copyfile(sample_warehouse, db)
    with reader(db) as con:
        (before,) = con.execute("SELECT count(*) FROM marts.documents").fetchone() or (0,)
    shutil.copy(XSS_ARTICLE, samples / "new_article.txt")  # the run has real work to do
    ready, stop, report = tmp_path / "ready", tmp_path / "stop", tmp_path / "report.json"

    process = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(ready), str(stop), str(report)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the reader did not start"
            time.sleep(0.05)
        summary = run_pipeline([str(samples)], str(db))
        assert process.poll() is None, f"the reader died during the run: {process.communicate()[1]}"
    finally:
        stop.touch()
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors

    seen = json.loads(report.read_text())
    assert seen["reopened"] > 0 and seen["counts"], "the reader queried during the run"
    assert set(seen["counts"]) == {before}, "the held connection kept the snapshot it opened"
    assert summary.counts["docs_loaded"] == 1
    with reader(db) as con:
        assert con.execute("SELECT count(*) FROM marts.documents").fetchone() == (before + 1,)
