"""Small runs as a user starts them: `presseschau run` on the sample articles, timed end to end.

Each case is a fresh `presseschau run` process with its own temporary Prefect server (no
PREFECT_API_URL), as `make run` starts it, on a copy of the samples in a temporary folder:
1. fresh: no warehouse yet, the five samples (the targets: at most 10 s);
2. unchanged: the same again, nothing new (at most 3 s);
3. five new: five more documents of the benchmark corpus into that warehouse.
Wall seconds, with the 1-minute load average before each run (the machine may be shared), and
the CPU seconds of the run's processes (the flow's, the server's), which a busy machine does not
change much: on an idle one with two cores the wall time is near the larger of the two.

    python -m benchmarks.small_runs [--repeat 3] [--output FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from benchmarks.run import children_cpu_seconds

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
CASES = ("fresh", "unchanged", "five_new")


def measure(repeat: int = 1, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Wall seconds of each case, `repeat` times, with the load average before each run."""
    runs: dict[str, list[dict[str, float]]] = {case: [] for case in CASES}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="presseschau-small-") as tmp:
            work = Path(tmp)
            samples, extra, db = work / "samples", work / "extra", work / "w.duckdb"
            shutil.copytree(SAMPLES, samples)
            write_corpus(extra, 5, seed=0)
            for case, inputs in (
                ("fresh", [samples]),
                ("unchanged", [samples]),
                ("five_new", [samples, extra]),
            ):
                runs[case].append(_timed_run(inputs, db))
                run = runs[case][-1]
                cpu, load = run["cpu_seconds"], run["load_1min"]
                say(f"{case:>9}: {run['seconds']:.1f} s, {cpu:.1f} CPU-s (load {load:.2f})")
    return {
        "runs": runs,
        "best_seconds": {case: min(run["seconds"] for run in runs[case]) for case in CASES},
    }


def _timed_run(inputs: list[Path], db: Path) -> dict[str, float]:
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    command = [sys.executable, "-m", "presseschau.cli", "run", "--db", str(db)]
    for path in inputs:
        command += ["--input", str(path)]
    load = os.getloadavg()[0]
    cpu_before = children_cpu_seconds()
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if finished.returncode != 0:
        raise RuntimeError(f"presseschau run failed ({finished.returncode}):\n{finished.stderr[-3000:]}")
    cpu = children_cpu_seconds() - cpu_before
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "load_1min": round(load, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--output", help="JSON file for the results")
    args = parser.parse_args()
    results = measure(args.repeat)
    if args.output:
        Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
