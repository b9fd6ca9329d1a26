"""Where cleaning and extraction spend their time, on the benchmark corpus, in one process.

    python -m benchmarks.hotspots --n 500 --stage clean --top 25

Documents are decoded (and, for extraction, cleaned) before the profiler starts, and the
stage runs once on a few documents first (loading word lists and models), so the profile
holds the steady state of that stage alone. Prints the functions with the most own time,
then the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
from collections.abc import Callable

from benchmarks.corpus import documents

_WARM_UP = 20


def stage_work(n: int, stage: str, seed: int = 0) -> Callable[[list | None], None]:
    """The work of one stage on the first `n` documents, inputs prepared outside the profile.

    Called with a list of indices it does only those documents (the warm-up)."""
    from presseschau.clean import clean_document
    from presseschau.extract import extract
    from presseschau.ingest import decode_bytes

    raw = [doc.data for doc in documents(n, seed) if doc.kind != "broken"]
    if stage == "decode":
        return _each(raw, decode_bytes)
    decoded = [decode_bytes(data) for data in raw]
    if stage == "clean":
        return _each(decoded, lambda d: clean_document(d.text, d.format))
    cleaned = [clean_document(d.text, d.format) for d in decoded]
    return _each(cleaned, lambda c: extract(c.body, published=c.published, language=c.language))


def _each(items: list, work: Callable) -> Callable[[list | None], None]:
    def run(indices: list | None = None) -> None:
        for i in range(len(items)) if indices is None else indices:
            work(items[i])

    return run


def profile(n: int, stage: str, top: int, seed: int = 0) -> str:
    work = stage_work(n, stage, seed)
    work(list(range(min(_WARM_UP, n))))
    profiler = cProfile.Profile()
    profiler.runcall(work, None)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--stage", choices=("decode", "clean", "extract"), default="clean")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(profile(args.n, args.stage, args.top, args.seed))


if __name__ == "__main__":
    main()
