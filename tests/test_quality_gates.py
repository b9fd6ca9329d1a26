"""Quality gates on the gold file: the whole pipeline's output must meet these floors."""

from __future__ import annotations

from typing import Any

import pytest

from presseschau.evaluate import score

# Floors from the cleaning issue (#3) and the extraction issue (#4).
FLOORS = {
    "must_keep": 1.0,
    "must_drop": 1.0,
    "title": 1.0,
    "published": 1.0,
    "authors": 1.0,
    "outlet": 1.0,
    "dateline": 1.0,
    "paywalled": 1.0,
    "cited_sources": 1.0,
    "language": 1.0,
}


@pytest.mark.parametrize(("field", "floor"), sorted(FLOORS.items()))
def test_gold_floor(field: str, floor: float, sample_records: list[dict[str, Any]], gold: dict[str, Any]) -> None:
    scores = score(sample_records, gold)
    assert scores.values[field] >= floor, f"{field}: {scores.values[field]:.3f} < {floor}; misses: {scores.misses.get(field)}"
