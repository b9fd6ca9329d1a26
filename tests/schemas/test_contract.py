"""Applying a contract splits passing rows from quarantined ones, with the failed check."""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec

import pandas as pd
import pytest

from schemas.contract import check
from schemas.core import Amounts, Mentions


def test_failing_rows_are_quarantined_and_the_rest_kept() -> None:
    body = "Olaf Scholz reiste nach Paris."
    mentions = pd.DataFrame(
        {
            "doc_id": ["d", "d", "d"],
            "mention_no": [0, 1, 2],
            "entity_id": ["0123456789abcdef", "fedcba9876543210", "fedcba9876543210"],
            "name": ["Olaf Scholz", "Paris", "Paris"],
            "type": ["PER", "LOC", "LOC"],
            "sentence_no": [0, 0, 0],
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
    body = "Es waren 5% mehr, ∞ oder 3 Parsec."
    amounts = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "amount_no": [0, 0, 0],
            "value": [5.0, float("inf"), 3.0],
            "unit": ["percent", "USD", "parsecs"],
            "text": ["5%", "∞", "3 Parsec"],
            "sentence": [body] * 3,
            "start_char": [9, 18, 25],
            "end_char": [11, 19, 33],
            "run_id": ["r", "r", "r"],
            "body": [body] * 3,
        }
    )
    checked = check(Amounts, amounts)
    assert checked.valid["doc_id"].tolist() == ["a"]
    assert set(checked.failures["doc_id"]) == {"b", "c"}
    by_doc = dict(zip(checked.failures["doc_id"], checked.failures["check_name"], strict=True))
    assert by_doc["b"] == "value_is_finite"
    assert by_doc["c"].startswith("isin(")


def test_a_first_check_does_not_load_dask() -> None:
    """pandera looks for dask.dataframe on its first validation; without pyarrow that import can
    only fail, after half a second of loading dask in every run and worker process."""
    if find_spec("pyarrow") is not None:
        pytest.skip("pyarrow is installed: dask.dataframe can load")
    program = (
        "import sys, pandas as pd\n"
        "from schemas.contract import check\n"
        "from schemas.core import Mentions\n"
        "check(Mentions, pd.DataFrame({'doc_id': ['d1']}))\n"
        "print(sorted(m for m, mod in sys.modules.items() if m.split('.')[0] == 'dask' and mod))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
