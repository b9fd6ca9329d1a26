"""The README's example queries run against the sample warehouse and each returns rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from warehouse.store import reader

README = Path(__file__).resolve().parents[2] / "README.md"


def example_queries() -> list[str]:
    section = README.read_text(encoding="utf-8").split("\n## Example queries\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)


def test_the_readme_documents_ten_queries() -> None:
    assert len(example_queries()) == 10


@pytest.mark.parametrize("query", example_queries(), ids=lambda q: q.split("FROM")[1].split()[0])
def test_each_example_query_returns_rows(sample_warehouse: Path, query: str) -> None:
    with reader(sample_warehouse) as con:
        rows = con.execute(query).fetchall()
    assert rows, f"no rows on the samples:\n{query}"
