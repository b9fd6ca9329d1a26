"""A deterministic synthetic corpus for benchmarks: N article files in the sample formats.

Document i is a pure function of (seed, i), so a corpus of N is a prefix of a corpus of
10 N, and "1% new documents" is the next 0.01 N indices. About 2% of the files are byte
copies of an earlier file and 0.5% are broken (empty, binary, NUL-ridden); the others are
2–20 KB pages in the four formats.

    python -m benchmarks.corpus --n 1000 --output /tmp/corpus
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.articles import ArticleWriter, Block
from benchmarks.pages import RENDERERS

MIN_BYTES, MAX_BYTES = 2_048, 20_480
DUPLICATE_RATE = 0.02
BROKEN_RATE = 0.005
FORMAT_WEIGHTS = {"text": 0.35, "markdown": 0.2, "html": 0.3, "flattened": 0.15}
LEGACY_ENCODING_RATE = 0.05  # plain-text files saved as Windows-1252, as old archives are
_EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "flattened": "txt"}
_BROKEN_KINDS = ("empty", "png", "nul")


@dataclass(frozen=True)
class Document:
    """A corpus file: `kind` is its format, "duplicate" or "broken"."""

    name: str
    data: bytes
    kind: str
    duplicate_of: str | None = None


def document(index: int, seed: int = 0) -> Document:
    """The corpus file number `index`; the same (index, seed) always gives the same bytes."""
    rng = random.Random(f"presseschau-bench:{seed}:{index}")
    draw = rng.random()
    if draw < BROKEN_RATE:
        return _broken(index, rng)
    if draw < BROKEN_RATE + DUPLICATE_RATE:
        source = _earlier_article(index, seed, rng)
        if source is not None:
            name = f"doc_{index:07d}.{source.name.rsplit('.', 1)[1]}"
            return Document(name, source.data, "duplicate", duplicate_of=source.name)
    fmt = rng.choices(list(FORMAT_WEIGHTS), weights=list(FORMAT_WEIGHTS.values()))[0]
    data = _page(fmt, rng)
    return Document(f"doc_{index:07d}.{_EXTENSIONS[fmt]}", data, fmt)


def documents(n: int, seed: int = 0, start: int = 0) -> Iterator[Document]:
    for index in range(start, start + n):
        yield document(index, seed)


def write_corpus(directory: str | Path, n: int, seed: int = 0, start: int = 0) -> Counter[str]:
    """Write documents start..start+n-1 into `directory`; counts per kind plus "bytes"."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    for doc in documents(n, seed, start):
        (target / doc.name).write_bytes(doc.data)
        counts[doc.kind] += 1
        counts["bytes"] += len(doc.data)
    return counts


def _page(fmt: str, rng: random.Random) -> bytes:
    """Render an article in `fmt`, adding body blocks until the page reaches its target size."""
    writer = ArticleWriter(rng)
    head = writer.head()
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    page_seed = rng.random()
    encoding = "cp1252" if fmt == "text" and rng.random() < LEGACY_ENCODING_RATE else "utf-8"

    def render(blocks: list[Block]) -> bytes:
        return RENDERERS[fmt](head, blocks, random.Random(page_seed)).encode(encoding)

    blocks: list[Block] = [Block(writer.sentence())]
    size = len(render(blocks))
    while size < target:
        block = writer.block()
        blocks.append(block)
        size += len(block.text.encode(encoding)) + 9  # the block's markup: tags or blank lines
    data = render(blocks)
    while len(data) > MAX_BYTES and len(blocks) > 1:
        blocks.pop()
        data = render(blocks)
    return data


def _earlier_article(index: int, seed: int, rng: random.Random) -> Document | None:
    """An earlier article file to copy, or None when there is none yet."""
    if index == 0:
        return None
    candidate = rng.randrange(index)
    while candidate >= 0:
        source = document(candidate, seed)
        if source.kind in FORMAT_WEIGHTS:
            return source
        candidate -= 1
    return None


def _broken(index: int, rng: random.Random) -> Document:
    kind = rng.choice(_BROKEN_KINDS)
    noise = rng.randbytes(rng.randint(2_048, 8_192))
    data = {
        "empty": b"",
        "png": b"\x89PNG\r\n\x1a\n" + noise,
        "nul": bytes(b if i % 3 else 0 for i, b in enumerate(noise)),
    }[kind]
    ext = rng.choice(list(_EXTENSIONS.values()))
    return Document(f"doc_{index:07d}.{ext}", data, "broken")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of documents")
    parser.add_argument("--output", required=True, help="directory to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="first document index (to add new files)")
    args = parser.parse_args()
    counts = write_corpus(args.output, args.n, args.seed, args.start)
    print(dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
