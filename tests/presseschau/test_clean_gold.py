"""Quality gate: cleaning meets the gold annotations of the five seed articles (floor 1.00)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presseschau.clean import clean_document
from presseschau.ingest import decode_bytes
from presseschau.models import CleanDocument

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "gold" / "seeds.json").read_text(encoding="utf-8"))["documents"]
SAMPLES = ROOT / "data" / "samples"
FLOOR = 1.0


@pytest.fixture(scope="module")
def cleaned() -> dict[str, CleanDocument]:
    documents = {}
    for name in GOLD:
        decoded = decode_bytes((SAMPLES / name).read_bytes())
        documents[name] = clean_document(decoded.text, decoded.format)
    return documents


def _share(checks: list[bool]) -> float:
    return sum(checks) / len(checks) if checks else 1.0


def _field_checks(field: str, cleaned: dict[str, CleanDocument]) -> dict[str, bool]:
    results = {}
    for name, gold in GOLD.items():
        doc = cleaned[name]
        if field == "must_keep":
            results.update({f"{name}: keep {s!r}": s in doc.body for s in gold["must_keep"]})
        elif field == "must_drop":
            results.update(
                {f"{name}: drop {s!r}": s.casefold() not in doc.body.casefold() for s in gold["must_drop"]}
            )
        elif field == "title":
            derived_ok = doc.title_derived == ("title_note" in gold)
            results[name] = doc.title in gold["title_any_of"] and derived_ok
        elif field in ("authors", "translators", "cited_sources", "image_credits"):
            if field in gold:
                results[name] = sorted(getattr(doc, field)) == sorted(gold[field])
        elif field == "lead":
            results[name] = " ".join((doc.lead or "").split()) == gold["lead"]
        else:
            results[name] = getattr(doc, field) == gold[field]
    return results


FIELDS = (
    "must_keep", "must_drop", "title", "lead", "published", "authors", "translators", "outlet",
    "dateline", "paywalled", "cited_sources", "image_credits", "language",
)  # fmt: skip


@pytest.mark.parametrize("field", FIELDS)
def test_field_meets_floor(field: str, cleaned: dict[str, CleanDocument]) -> None:
    checks = _field_checks(field, cleaned)
    failed = [key for key, ok in checks.items() if not ok]
    assert _share(list(checks.values())) >= FLOOR, f"{field} failed on: {failed}"


def test_bodies_are_not_empty(cleaned: dict[str, CleanDocument]) -> None:
    assert all(doc.body.strip() for doc in cleaned.values())
