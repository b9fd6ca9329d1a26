"""The benchmark corpus: deterministic, in the formats the pipeline reads, at the stated rates."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.corpus import (
    BROKEN_RATE,
    DUPLICATE_RATE,
    MAX_BYTES,
    MIN_BYTES,
    Document,
    document,
    documents,
    write_corpus,
)
from presseschau.ingest import RejectedInput, decode_bytes

SAMPLE = 1_500


@pytest.fixture(scope="module")
def corpus() -> list[Document]:
    return list(documents(SAMPLE, seed=7))


def test_same_seed_same_bytes_and_a_corpus_is_a_prefix_of_a_larger_one() -> None:
    first = [document(i, seed=3) for i in range(30)]
    assert [document(i, seed=3) for i in range(30)] == first
    assert list(documents(10, seed=3, start=20)) == first[20:]
    assert [d.data for d in documents(30, seed=4)] != [d.data for d in first]


def test_each_format_is_detected_as_the_format_it_was_written_in(corpus: list[Document]) -> None:
    detected: Counter[tuple[str, str]] = Counter()
    for doc in corpus[:200]:
        if doc.kind in ("text", "markdown", "html", "flattened"):
            detected[(doc.kind, decode_bytes(doc.data).format)] += 1
    assert {kind for kind, _ in detected} == {"text", "markdown", "html", "flattened"}
    assert all(kind == fmt for kind, fmt in detected), detected


def test_duplicate_and_broken_rates_and_sizes(corpus: list[Document]) -> None:
    kinds = Counter(doc.kind for doc in corpus)
    assert DUPLICATE_RATE * 0.6 < kinds["duplicate"] / SAMPLE < DUPLICATE_RATE * 1.4
    assert BROKEN_RATE * 0.3 < kinds["broken"] / SAMPLE < BROKEN_RATE * 2
    by_name = {doc.name: doc for doc in corpus}
    for doc in corpus:
        if doc.kind == "duplicate":
            assert doc.duplicate_of is not None and by_name[doc.duplicate_of].data == doc.data
        elif doc.kind != "broken":
            assert MIN_BYTES <= len(doc.data) <= MAX_BYTES, doc.name
    sizes = [len(d.data) for d in corpus if d.kind not in ("duplicate", "broken")]
    assert 7_000 < sum(sizes) / len(sizes) < 15_000, "about 1 GB per 100k documents"


def test_broken_files_are_rejected_by_the_decoder(corpus: list[Document]) -> None:
    broken = [doc for doc in corpus if doc.kind == "broken"]
    assert broken
    for doc in broken:
        with pytest.raises(RejectedInput):
            decode_bytes(doc.data)


def test_names_dates_quotes_and_amounts_vary(corpus: list[Document]) -> None:
    texts = [
        d.data.decode("utf-8", "replace") for d in corpus[:300] if d.kind in ("text", "markdown", "html")
    ]
    joined = "\n".join(t for t in texts)
    people = set(
        re.findall(r"(?:sagte|betonte|erklärte|warnte) ([A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ][a-zäöüß]+)", joined)
    )
    dates = set(
        re.findall(
            r"\b\d{1,2}\. (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
            r"Oktober|November|Dezember) \d{4}",
            joined,
        )
    )
    amounts = set(re.findall(r"\d[\d.,]* (?:Millionen |Milliarden )?(?:Euro|Dollar)", joined))
    quotes = re.findall(r"„[^“]+“", joined)
    assert len(people) > 100 and len(dates) > 300 and len(amounts) > 1000
    assert len(quotes) > 100 and len(set(quotes)) > 0.5 * len(quotes)


def test_write_corpus_writes_every_file_and_counts_kinds(tmp_path: Path) -> None:
    counts = write_corpus(tmp_path / "c", 40, seed=1)
    files = sorted((tmp_path / "c").iterdir())
    assert len(files) == 40 == sum(v for k, v in counts.items() if k != "bytes")
    assert counts["bytes"] == sum(f.stat().st_size for f in files)
    assert [f.read_bytes() for f in files] == [d.data for d in documents(40, seed=1)]
