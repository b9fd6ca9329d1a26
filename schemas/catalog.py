"""Every contract by the table or view it governs, and the description of every relation as
plain data.

`presseschau schemas` prints `describe_all(relations)` as Markdown or YAML, so a user can read
every table and view of the warehouse, and the contract of those that have one, without reading
Python. The relations (name, kind, comment, columns) come from the warehouse's DDL.
"""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa
import yaml

from schemas import clean as clean_layer
from schemas import core, ops, raw
from schemas import marts as mart_layer

# In the order data flows through the layers.
CONTRACTS: dict[str, type[pa.DataFrameModel]] = {
    "raw.documents": raw.RawDocuments,
    "clean.documents": clean_layer.CleanDocuments,
    "core.sentences": core.Sentences,
    "core.mentions": core.Mentions,
    "core.quotes": core.Quotes,
    "core.quotes + core.entities": core.QuoteSpeakers,
    "core.dates": core.Dates,
    "core.amounts": core.Amounts,
    "core.weekdays": core.Weekdays,
    "core.event_mentions": core.EventMentions,
    "core.terms": core.Terms,
    "core.entities": core.Entities,
    "ops.runs": ops.Runs,
    "ops.step_validations": ops.StepValidations,
    "ops.quarantine": ops.Quarantine,
    "ops.input_files": ops.InputFiles,
    "ops.gone_inputs": ops.GoneInputs,
    **mart_layer.CONTRACTS,
}


def describe(table: str, model: type[pa.DataFrameModel]) -> dict[str, Any]:
    """A contract as data: its columns with type, nullability, uniqueness and checks."""
    schema = model.to_schema()
    columns = [
        {
            "name": name,
            "type": str(column.dtype).replace("string[python]", "string"),
            "nullable": bool(column.nullable),
            "unique": bool(column.unique),
            "checks": [_check_text(check) for check in column.checks],
        }
        for name, column in schema.columns.items()
    ]
    unique = schema.unique
    return {
        "table": table,
        "contract": model.__name__,
        "description": (model.__doc__ or "").strip(),
        "columns": columns,
        "unique_together": list(unique) if isinstance(unique, list | tuple) else [],
        "row_checks": [_check_text(check) for check in schema.checks],
        "other_columns_allowed": not schema.strict,
    }


def describe_all(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every relation, as its contract describes it where it has one, then the contracts of frames
    the flow assembles from several tables. Types are the warehouse's; a column the contract does
    not declare has the warehouse's nullability and no checks."""
    described = []
    for relation in relations:
        model = CONTRACTS.get(relation["name"])
        item = describe(relation["name"], model) if model else _uncontracted(relation)
        declared = {column["name"]: column for column in item["columns"]}
        item["kind"] = relation["kind"]
        item["description"] = item["description"] or relation["comment"]
        item["columns"] = [
            {
                **_plain(column),
                **declared.get(column["name"], {}),
                "type": column["type"],
                "description": column["comment"],
            }
            for column in relation["columns"]
        ]
        described.append(item)
    names = {relation["name"] for relation in relations}
    return described + [
        {**describe(name, model), "kind": "frame"} for name, model in CONTRACTS.items() if name not in names
    ]


def _uncontracted(relation: dict[str, Any]) -> dict[str, Any]:
    return {
        "table": relation["name"],
        "contract": None,
        "description": "",
        "columns": [],
        "unique_together": [],
        "row_checks": [],
        "other_columns_allowed": True,
    }


def _plain(column: dict[str, Any]) -> dict[str, Any]:
    """A column as the warehouse declares it, checked by no contract."""
    return {
        "name": column["name"],
        "type": column["type"],
        "nullable": bool(column["nullable"]),
        "unique": False,
        "checks": [],
    }


def as_yaml(descriptions: list[dict[str, Any]]) -> str:
    return yaml.safe_dump({"contracts": descriptions}, allow_unicode=True, sort_keys=False, width=110)


def as_markdown(descriptions: list[dict[str, Any]]) -> str:
    parts = ["# Presseschau tables, views and data contracts", ""]
    for item in descriptions:
        contract = f"contract {item['contract']}" if item["contract"] else "no contract"
        parts += [f"## `{item['table']}` ({item['kind']}, {contract})", "", item["description"], ""]
        parts += ["| column | type | nullable | unique | checks | meaning |", "|---|---|---|---|---|---|"]
        for column in item["columns"]:
            checks = "; ".join(f"`{c}`" for c in column["checks"]) or ""
            parts.append(
                f"| `{column['name']}` | {column['type']} | {_yes(column['nullable'])} "
                f"| {_yes(column['unique'])} | {_cell(checks)} | {_cell(column.get('description', ''))} |"
            )
        parts.append("")
        if item["unique_together"]:
            parts += [f"Unique together: {', '.join(item['unique_together'])}.", ""]
        if item["row_checks"]:
            parts += ["Row checks: " + ", ".join(f"`{c}`" for c in item["row_checks"]) + ".", ""]
    return "\n".join(parts)


def _check_text(check: pa.Check) -> str:
    """Built-in checks print with their arguments (`isin([...])`); custom ones by their name."""
    return str(check.error or check.name)


def _cell(text: str) -> str:
    return text.replace("|", "&#124;")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
