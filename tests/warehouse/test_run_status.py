"""The run summary's and `dq`'s queries on the warehouse the flow builds from the samples."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLES
from warehouse.run_status import run_checks, run_summary
from warehouse.store import reader


def test_a_first_run_reads_every_sample_as_new_and_validates_every_step(sample_warehouse: Path) -> None:
    samples = len(list(SAMPLES.iterdir()))
    with reader(sample_warehouse) as con:
        latest = run_checks(con)
        assert latest is not None
        summary = run_summary(con, latest.run_id)
        (documents,) = con.execute("SELECT count(*) FROM clean.documents WHERE status = 'ok'").fetchone() or (
            0,
        )
    assert latest.status == "completed"
    assert dict(summary.inputs) == {
        "new": samples,
        "changed": 0,
        "cleaned again": 0,
        "unchanged": 0,
        "rejected": 0,
        "duplicates": 0,
    }
    assert dict(summary.holds)["documents"] == documents > 0
    assert {step for step, *_ in summary.validations} == {step for step, *_ in latest.validations}
    assert all(rows_in > 0 for _step, _contract, rows_in, _bad in summary.validations)


def test_an_unknown_run_has_no_checks(sample_warehouse: Path) -> None:
    with reader(sample_warehouse) as con:
        assert run_checks(con, "no-such-run") is None
