"""Quality gates on the gold file: the whole pipeline's output must meet these floors."""

from __future__ import annotations

from typing import Any

import pytest

from presseschau.evaluate import FLOORS, score


@pytest.mark.parametrize(("field", "floor"), sorted(FLOORS.items()))
def test_gold_floor(
    field: str, floor: float, sample_records: list[dict[str, Any]], gold: dict[str, Any]
) -> None:
    scores = score(sample_records, gold)
    value = scores.values[field]
    assert value >= floor, f"{field}: {value:.3f} < {floor}; misses: {scores.misses.get(field)}"
