"""The benchmark: for each N, the real flow end to end next to the floor and trafilatura.

For each N it generates (or reuses) the seeded corpus, then
1. runs the flow in a child process on a fresh warehouse, sampling the peak RSS of the
   child's whole process tree (flow and workers; the Prefect server that all runs share is
   not counted), with seconds per step;
2. reruns it on the unchanged corpus, then with 1% new documents added;
3. measures the floor, trafilatura and our cleaning and extraction alone, one process each.

    python -m benchmarks.run --n 1000 --n 10000 --output benchmarks/results.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import psutil

from benchmarks import baselines
from benchmarks.corpus import write_corpus

REPO = Path(__file__).resolve().parent.parent
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "presseschau-bench"
NEW_SHARE = 0.01
_MB = 1_000_000


def run_benchmarks(
    sizes: Sequence[int],
    output: str | Path,
    workdir: str | Path = DEFAULT_WORKDIR,
    seed: int = 0,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Measure every size, print a summary per size and write all results as JSON to `output`."""
    work = Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    with _prefect_api(work):
        say("warming up (imports, warehouse DDL) on an empty input ...")
        idle = _flow_child([empty], work / "idle.duckdb", fresh=True)
        report: dict[str, Any] = {"environment": _environment(), "idle_run_seconds": idle["process_seconds"]}
        report["results"] = []
        for n in sizes:
            say(f"N={n:,}: generating corpus ...")
            result = measure(n, work, seed, say)
            report["results"].append(result)
            say(summary_line(result))
            Path(output).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


@contextlib.contextmanager
def _prefect_api(work: Path) -> Iterator[None]:
    """One Prefect server for every run and all its worker processes, as a deployment has.

    Without an API address each process that runs a Prefect task starts its own temporary
    server (the flow's process and every worker), which costs seconds per run and, on a
    loaded machine, fails when one misses its start-up timeout. An address already set in
    PREFECT_API_URL is used as it is.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    os.environ.setdefault("PREFECT_HOME", str(work / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=300)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        del os.environ["PREFECT_API_URL"]
        server.stop()


def measure(n: int, work: Path, seed: int, say: Callable[[str], None] = print) -> dict[str, Any]:
    corpus = _corpus(work, n, seed)
    files = baselines.corpus_files(corpus)
    megabytes = sum(p.stat().st_size for p in files) / _MB
    db = work / f"warehouse-{n}.duckdb"
    say(f"N={n:,}: full run of the flow ...")
    full = _flow_child([corpus], db, fresh=True)
    say(f"N={n:,}: rerun on the unchanged corpus ...")
    rerun = _flow_child([corpus], db)
    extra = work / f"new-{seed}-{n}"
    shutil.rmtree(extra, ignore_errors=True)
    new_docs = max(1, round(n * NEW_SHARE))
    write_corpus(extra, new_docs, seed, start=n)
    say(f"N={n:,}: run with 1% new documents ({new_docs}) ...")
    incremental = _flow_child([corpus, extra], db)
    say(f"N={n:,}: baselines (floor, trafilatura, ours alone) ...")
    floor = baselines.floor_seconds(files, work / "floor.duckdb")
    per_document = baselines.per_document_seconds(files)
    seconds = full["seconds"]
    return {
        "n": n,
        "megabytes": round(megabytes, 1),
        "seconds": round(seconds, 2),
        "docs_per_s": round(n / seconds, 2),
        "mb_per_s": round(megabytes / seconds, 3),
        "peak_rss_mb": round(full["peak_rss_mb"], 1),
        "floor_docs_per_s": round(n / floor, 1),
        "trafilatura_docs_per_s": round(n / per_document.trafilatura, 2),
        "clean_docs_per_s": round(n / per_document.clean, 2),
        "extract_docs_per_s": round(n / per_document.extract, 2),
        "steps": full["steps"],
        "cpu_seconds": round(full["cpu_seconds"], 2),
        "peak_rss_mb_by_process": full["peak_rss_mb_by_process"],
        "rss_mb_at_peak": full["rss_mb_at_peak"],
        "peak_pss_mb": round(full["peak_pss_mb"], 1),
        "task_seconds": full["task_seconds"],
        "process_seconds": round(full["process_seconds"], 2),
        "counts": full["counts"],
        "rerun_seconds": round(rerun["process_seconds"], 2),
        "new_docs": new_docs,
        "new_docs_seconds": round(incremental["process_seconds"], 2),
        "rerun": _brief(rerun),
        "new_docs_run": _brief(incremental),
        "per_document_cpu_seconds": asdict(per_document),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def summary_line(result: dict[str, Any]) -> str:
    docs_per_s = result["docs_per_s"]
    floor, trafilatura = result["floor_docs_per_s"], result["trafilatura_docs_per_s"]
    steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in result["steps"].items())
    tasks = result["task_seconds"]
    memory = ", ".join(f"{role} {mb:.0f}" for role, mb in result["peak_rss_mb_by_process"].items())
    at_peak = ", ".join(f"{role} {mb:.0f}" for role, mb in result["rss_mb_at_peak"].items())
    return (
        f"N={result['n']:,}: {result['seconds']:.1f} s, {docs_per_s:.1f} docs/s, "
        f"{result['mb_per_s']:.2f} MB/s, {result['cpu_seconds']:.0f} CPU s\n"
        f"  peak RSS {result['peak_rss_mb']:.0f} MB (peaks by process, MB: {memory}; "
        f"at the peak: {at_peak}), peak PSS {result['peak_pss_mb']:.0f} MB\n"
        f"  steps (wall s in the flow process): {steps}\n"
        f"  batches (s summed over workers): cleaning {tasks.get('cleaned batch', 0):.1f}, "
        f"extraction {tasks.get('extracted batch', 0):.1f}\n"
        f"  floor {floor:.0f} docs/s (ours/floor {docs_per_s / floor:.3f}), "
        f"trafilatura {trafilatura:.1f} docs/s (ours/trafilatura {docs_per_s / trafilatura:.2f})\n"
        f"  one process, per CPU second: cleaning {result['clean_docs_per_s']:.1f} docs "
        f"(clean/trafilatura {result['clean_docs_per_s'] / trafilatura:.2f}), "
        f"extraction {result['extract_docs_per_s']:.1f} docs\n"
        f"  rerun unchanged {result['rerun_seconds']:.1f} s, "
        f"{result['new_docs']} new docs {result['new_docs_seconds']:.1f} s "
        f"(full run as a process {result['process_seconds']:.1f} s)"
    )


def _brief(run: dict[str, Any]) -> dict[str, Any]:
    return {key: run[key] for key in ("seconds", "process_seconds", "cpu_seconds", "steps", "counts")}


def _corpus(work: Path, n: int, seed: int) -> Path:
    """The corpus directory, generated once per (seed, n) and reused while its stamp exists."""
    corpus = work / f"corpus-{seed}-{n}"
    stamp = work / f"corpus-{seed}-{n}.json"
    if not stamp.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        counts = write_corpus(corpus, n, seed)
        stamp.write_text(json.dumps(counts), encoding="utf-8")
    return corpus


def _flow_child(inputs: list[Path], db: Path, fresh: bool = False) -> dict[str, Any]:
    """Run benchmarks.flow_run in a child process; its timings plus peak RSS and wall seconds."""
    if fresh:
        for leftover in db.parent.glob(f"{db.name}*"):
            leftover.unlink()
    result_path = db.with_suffix(".result.json")
    log_path = db.with_suffix(".log")
    result_path.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "benchmarks.flow_run", str(db), str(result_path), *map(str, inputs)]
    cpu_before = children_cpu_seconds()
    started = time.perf_counter()
    # Output goes to a file, not a pipe: Prefect's server, a grandchild, may outlive the child.
    with open(log_path, "wb") as log:
        child = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        peak = _PeakRss(child.pid)
        child.wait()
    seconds = time.perf_counter() - started
    peak.stop()
    peak.end_leftovers()
    if child.returncode != 0 or not result_path.exists():
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"the flow run failed (exit {child.returncode}, log {log_path}):\n{tail}")
    result: dict[str, Any] = json.loads(result_path.read_text(encoding="utf-8"))
    return {
        **result,
        "process_seconds": seconds,
        "cpu_seconds": children_cpu_seconds() - cpu_before,
        "peak_rss_mb": peak.megabytes,
        "peak_rss_mb_by_process": {role: round(mb, 1) for role, mb in peak.by_role.items()},
        "rss_mb_at_peak": peak.at_peak,
        "peak_pss_mb": peak.pss_megabytes,
    }


def children_cpu_seconds() -> float:
    """CPU seconds of every finished child and its reaped descendants (workers, Prefect server)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class _PeakRss:
    """Samples the summed RSS of a process and all its descendants until stopped.

    RSS counts the pages that processes share (the Python runtime, libraries) in each of them,
    so the summed PSS, which splits shared pages among their processes, is kept beside it: the
    tree's real footprint. RSS is a counter the kernel keeps; PSS walks every page of a process
    (smaps_rollup), which at every sample took a third of a core from the run being measured, so
    it is read every `pss_every`-th sample and its peak may miss spikes shorter than that.
    """

    def __init__(self, pid: int, interval_s: float = 0.2, pss_every: int = 10) -> None:
        self.megabytes = 0.0
        self.pss_megabytes = 0.0
        self.by_role: dict[str, float] = {}
        self.at_peak: dict[str, float] = {}
        """RSS by role in the sample with the largest sum."""
        self._root = psutil.Process(pid)
        self._seen: dict[int, tuple[psutil.Process, str]] = {}
        self._interval = interval_s
        self._pss_every = pss_every
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def end_leftovers(self) -> None:
        """End descendants that outlived the root (a crashed run's Prefect server), by process id."""
        for process, _ in self._seen.values():
            with contextlib.suppress(psutil.Error):
                if process.is_running():
                    process.terminate()

    def _sample(self) -> None:
        samples = 0
        while not self._done.is_set():
            with_pss = samples % self._pss_every == 0
            samples += 1
            roles: dict[str, float] = {}
            pss = 0.0
            try:
                tree = [self._root, *self._root.children(recursive=True)]
            except psutil.Error:
                return
            for process in tree:
                try:
                    if process.pid not in self._seen:
                        self._seen[process.pid] = (process, _role(process, self._root))
                    role = self._seen[process.pid][1]
                    roles[role] = roles.get(role, 0.0) + process.memory_info().rss / _MB
                    if with_pss:
                        pss += process.memory_full_info().pss / _MB
                except psutil.Error:
                    continue
            self.pss_megabytes = max(self.pss_megabytes, pss)
            if (total := sum(roles.values())) > self.megabytes:
                self.megabytes = total
                self.at_peak = {role: round(mb, 1) for role, mb in roles.items()}
            for role, megabytes in roles.items():
                self.by_role[role] = max(self.by_role.get(role, 0.0), megabytes)
            self._done.wait(self._interval)


def _role(process: psutil.Process, root: psutil.Process) -> str:
    """What a process of the run's tree is, to say where the memory goes."""
    if process.pid == root.pid:
        return "flow"
    command = " ".join(process.cmdline())
    if "uvicorn" in command:
        return "prefect_server"
    if "multiprocessing.spawn" in command:
        return "workers"
    return "other"


def _python_loop_seconds(steps: int = 10_000_000) -> float:
    """CPU seconds of a fixed pure-Python loop, best of three: how fast this machine runs Python.
    The pipeline is mostly Python, so results from two machines compare through it: its CPU time
    per document has differed by 3.4 times between two development machines (docs/scaling.md)."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        total = 0
        for i in range(steps):
            total += i * i
        best = min(best, time.process_time() - started)
    return best


def _environment() -> dict[str, Any]:
    from presseschau.settings import load_settings

    settings = load_settings()
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python_loop_seconds": round(_python_loop_seconds(), 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "workers": settings.workers,
        "batch_size": settings.batch_size,
        "task_runner": settings.task_runner,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", required=True, help="corpus size (repeatable)")
    parser.add_argument("--output", default="benchmarks/results.json")
    parser.add_argument("--workdir", default=str(DEFAULT_WORKDIR), help="corpora and warehouses (reused)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    run_benchmarks(args.n, args.output, args.workdir, args.seed)


if __name__ == "__main__":
    main()
