"""Helpers for tests that run the pipeline as real processes and compare warehouses."""

from __future__ import annotations

import fcntl
import random
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SAMPLES
from warehouse.export import export_records
from warehouse.store import LOCK_SUFFIX, reader

REPO = Path(__file__).resolve().parents[2]

# Compared between warehouses: everything a run produces except run ids and times.
SNAPSHOT_QUERIES = [
    "SELECT doc_id, content_sha256, version, size_bytes, reject_reason FROM raw.documents ORDER BY ALL",
    "SELECT * EXCLUDE (run_id) FROM clean.documents ORDER BY doc_id",
    "SELECT * EXCLUDE (run_id) FROM core.sentences ORDER BY ALL",
    "SELECT * EXCLUDE (run_id) FROM core.mentions ORDER BY ALL",
    "SELECT * EXCLUDE (run_id) FROM core.quotes ORDER BY ALL",
    "SELECT * EXCLUDE (run_id) FROM core.dates ORDER BY ALL",
    "SELECT * EXCLUDE (run_id) FROM core.amounts ORDER BY ALL",
    "SELECT * FROM core.entities ORDER BY ALL",
]


def snapshot(db: Path) -> list[object]:
    """The query results above and the whole export, as the user sees the warehouse."""
    with reader(db) as con:
        return [con.execute(query).fetchall() for query in SNAPSHOT_QUERIES] + [list(export_records(con))]


def sample_paragraphs() -> list[str]:
    """The samples' paragraphs of running text (not navigation, captions or tables)."""
    return [
        block.strip()
        for sample in sorted(SAMPLES.iterdir())
        for block in sample.read_text(encoding="utf-8").split("\n\n")
        if len(block.strip()) > 200 and block.count(". ") >= 2
    ]


def write_corpus(root: Path, size: int, seed: int) -> Path:
    """`size` distinct German articles built from the samples' paragraphs.

    Each document mixes paragraphs of different samples and a sentence of its own, so no
    two bodies are equal and a run takes seconds, not milliseconds.
    """
    paragraphs = sample_paragraphs()
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for no in range(size):
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(3, 6)))
        own = f"Die Redaktion ergänzte am {rng.randint(1, 28)}. März 2025 die Meldung Nummer {no}."
        title = f"Bericht {no}: " + chosen[0].split(".")[0][:60]
        text = "\n\n".join([title, *chosen, own]) + "\n"
        (root / f"artikel_{no:04d}.txt").write_text(text, encoding="utf-8")
    return root


def start_run(
    inputs: Path, db: Path, env: dict[str, str], log: Path, **settings: str
) -> subprocess.Popen[bytes]:
    """Start `presseschau run` in its own process group (a kill reaches all of it); output to `log`."""
    overrides = {f"PRESSESCHAU_{key.upper()}": value for key, value in settings.items()}
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "presseschau.cli", "run", "--input", str(inputs), "--db", str(db)],
            cwd=REPO,
            env={**env, **overrides},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until_locked(db: Path, process: subprocess.Popen[bytes], timeout_s: float = 60) -> None:
    """Return once the run holds the warehouse lock, or has already ended."""
    deadline = time.monotonic() + timeout_s
    with open(f"{db}{LOCK_SUFFIX}", "a+") as handle:
        while process.poll() is None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            fcntl.flock(handle, fcntl.LOCK_UN)
            assert time.monotonic() < deadline, "the run never took the warehouse"
            time.sleep(0.05)
