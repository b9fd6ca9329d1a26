"""The report's queries on the warehouse the flow builds from the samples."""

from __future__ import annotations

from pathlib import Path

from presseschau.report.data import ReportData
from warehouse.report_data import load_report_data
from warehouse.store import reader


def sample_data(sample_warehouse: Path) -> tuple[ReportData, dict[str, list[str]]]:
    """The report's data, and the types the registry gives each name."""
    with reader(sample_warehouse) as con:
        types = dict(
            con.execute("SELECT canonical_name, list(type) FROM core.entities GROUP BY ALL").fetchall()
        )
        return load_report_data(con), types


def test_outlets_are_counted_one_way_everywhere(sample_warehouse: Path) -> None:
    """A sample without an outlet is the outlet "(unknown)", in the heatmap, the totals and the entities."""
    data, _ = sample_data(sample_warehouse)
    heatmap_rows = {day.outlet for day in data.outlet_days}
    assert "(unknown)" in heatmap_rows
    assert dict(data.totals)["outlets"] == len(heatmap_rows)
    assert [e.name for e in data.top_entities if e.outlets < 1] == [], "every entity is named by some outlet"


def test_pairs_carry_each_entitys_own_type(sample_warehouse: Path) -> None:
    data, types = sample_data(sample_warehouse)
    assert data.pairs
    for pair in data.pairs:
        assert pair.type_a in types[pair.a] and pair.type_b in types[pair.b], pair


def test_timeline_dates_carry_the_period_they_name(sample_warehouse: Path) -> None:
    data, _ = sample_data(sample_warehouse)
    lengths = {
        t.precision: t.period_end >= t.period_start for t in data.timeline if t.period_start and t.period_end
    }
    assert lengths == {"day": True, "month": True, "year": True}
    assert all(t.period_start == t.period_end for t in data.timeline if t.precision == "day")
