"""Applying a contract splits passing rows from quarantined ones, with the failed check."""

from __future__ import annotations

import pandas as pd

from schemas.contract import check
from schemas.core import Amounts, Mentions


def test_failing_rows_are_quarantined_and_the_rest_kept() -> None:
    body = "Olaf Scholz reiste nach Paris."
    mentions = pd.DataFrame(
        {
            "doc_id": ["d", "d", "d"],
            "entity_id": ["e1", "e2", "e3"],
            "name": ["Olaf Scholz", "Paris", "Paris"],
            "type": ["PER", "LOC", "LOC"],
            "surface": ["Olaf Scholz", "Paris", "Berlin"],
            "start_char": [0, 24, 24],
            "end_char": [11, 29, 29],
            "run_id": ["r", "r", "r"],
            "body": [body] * 3,
        }
    )
    checked = check(Mentions, mentions)
    assert checked.valid["surface"].tolist() == ["Olaf Scholz", "Paris"]
    assert checked.failures["check_name"].tolist() == ["surface_equals_body_span"]
    assert checked.rejected_doc_ids == {"d"}


def test_units_outside_the_closed_set_and_infinite_values_fail() -> None:
    amounts = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "value": [5.0, float("inf"), 3.0],
            "unit": ["percent", "USD", "parsecs"],
            "text": ["5%", "∞", "3 Parsec"],
            "sentence": ["s", "s", "s"],
            "start_char": [0, 0, 0],
            "end_char": [2, 1, 8],
            "run_id": ["r", "r", "r"],
        }
    )
    checked = check(Amounts, amounts)
    assert checked.valid["doc_id"].tolist() == ["a"]
    assert set(checked.failures["doc_id"]) == {"b", "c"}
