"""The contracts' value and cross-column checks catch what they promise to catch."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import pandera.pandas as pa
import pytest

from schemas import core, ops, raw, values
from schemas.clean import CleanDocuments
from schemas.contract import check


def failed_checks(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> dict[str, set[str]]:
    """doc_id (or row label) → names of the checks its row failed."""
    failures = check(model, frame).failures
    found: dict[str, set[str]] = {}
    for doc_id, name in zip(failures["doc_id"], failures["check_name"], strict=True):
        found.setdefault(str(doc_id), set()).add(name)
    return found


@pytest.mark.parametrize(
    ("value", "real"),
    [
        ("2024-02-29", True),
        ("2023-02-29", False),
        ("2025-13-01", False),
        ("2025-04-31", False),
        ("2025-02-28T23:59", True),
        ("2025-02-28T24:00", False),
        ("2025", True),
        ("2025-12", True),
        ("2025-00", False),
        (None, True),
    ],
)
def test_real_calendar_dates(value: str | None, real: bool) -> None:
    assert values.real_calendar_dates(pd.Series([value], dtype="string")).tolist() == [real]


def clean_row(doc_id: str, **changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "doc_id": doc_id,
        "content_sha256": "a" * 64,
        "version": 1,
        "clean_version": 1,
        "format": "text",
        "encoding": "utf-8",
        "language": "de",
        "status": "ok",
        "reject_reason": None,
        "duplicate_of": None,
        "title": "Titel",
        "title_derived": False,
        "published": "2025-02-13",
        "authors": ["Anna Beispiel"],
        "paywalled": False,
        "body": "Berlin. Ein Satz.",
        "body_sha256": "b" * 64,
        "chars_in": 40,
    }
    return {**row, **changes}


def test_clean_documents_checks() -> None:
    tomorrow_but_one = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    frame = pd.DataFrame(
        [
            clean_row("good"),
            clean_row("future", published=tomorrow_but_one),
            clean_row("old", published="1989-12-31T10:00"),
            clean_row("no such day", published="2025-02-30"),
            clean_row("iso 639-2", language="deu"),
            clean_row("bell", body="Berlin.\x07 Ein Satz."),
            clean_row("ok with reason", reject_reason="empty"),
            clean_row("lost duplicate", status="duplicate", reject_reason="exact_duplicate"),
            clean_row("empty author", authors=["Anna Beispiel", " "]),
            clean_row("undecoded", encoding=None),
        ]
    )
    found = failed_checks(CleanDocuments, frame)
    assert "good" not in found
    assert found["future"] == {"published_between_1990_and_today"}
    assert found["old"] == {"published_between_1990_and_today"}
    assert found["no such day"] == {"published_is_a_real_date"}
    assert found["iso 639-2"] == {"str_matches('^[a-z]{2}$')"}
    assert found["bell"] == {"body_free_of_control_characters"}
    assert found["ok with reason"] == {"only_unusable_documents_have_a_reason"}
    assert found["lost duplicate"] == {"duplicates_point_at_another_document"}
    assert found["empty author"] == {"authors_are_names"}
    assert found["undecoded"] == {"ok_documents_have_format_and_encoding"}


def test_raw_bytes_must_match_their_hash_and_size() -> None:
    content = b"Berlin. Ein Satz."
    good_sha = hashlib.sha256(content).hexdigest()
    base = {"version": 1, "source_path": "/in/x", "encoding": "utf-8", "format": "text", "run_id": "r"}
    frame = pd.DataFrame(
        [
            {
                **base,
                "doc_id": "good",
                "content": content,
                "content_sha256": good_sha,
                "size_bytes": len(content),
            },
            {
                **base,
                "doc_id": "tampered",
                "content": content + b"!",
                "content_sha256": good_sha,
                "size_bytes": 18,
            },
            {**base, "doc_id": "too large", "content": None, "content_sha256": "c" * 64, "size_bytes": 10**9}
            | {"encoding": None, "format": None, "reject_reason": "too_large"},
            {
                **base,
                "doc_id": "reason in words",
                "content": None,
                "content_sha256": "d" * 64,
                "size_bytes": 0,
            }
            | {"reject_reason": "Too Large!"},
        ]
    )
    found = failed_checks(raw.RawDocuments, frame)
    assert found == {
        "tampered": {"content_matches_its_hash_and_size"},
        "reason in words": {"str_matches('^[a-z][a-z0-9_]*$')"},
    }


BODY = "Am 13. Februar 2025 sagte Olaf Scholz in Berlin: „Wir handeln.“"


def test_core_rows_must_point_at_their_text() -> None:
    def date_row(
        doc_id: str, date: str, precision: str, text: str, sentence: str = BODY
    ) -> dict[str, object]:
        start = BODY.find(text)
        return {
            "doc_id": doc_id,
            "date_no": 0,
            "date": date,
            "precision": precision,
            "text": text,
            "sentence": sentence,
            "start_char": start,
            "end_char": start + len(text),
            "run_id": "r",
            "body": BODY,
        }

    frame = pd.DataFrame(
        [
            date_row("good", "2025-02-13", "day", "13. Februar 2025"),
            date_row("no such day", "2025-02-30", "day", "13. Februar 2025"),
            date_row("wrong precision", "2025-02", "day", "13. Februar 2025"),
            date_row("other sentence", "2025-02-13", "day", "13. Februar 2025", sentence="Ein anderer Satz."),
            {**date_row("off by one", "2025-02-13", "day", "13. Februar 2025"), "end_char": 20},
            {**date_row("past the end", "2025-02-13", "day", "13. Februar 2025"), "end_char": len(BODY) + 5},
        ]
    )
    found = failed_checks(core.Dates, frame)
    assert "good" not in found
    assert found["no such day"] == {"date_is_a_real_date"}
    assert found["wrong precision"] == {"date_form_matches_precision"}
    assert found["other sentence"] == {"sentence_contains_text"}
    assert found["off by one"] == {"text_equals_body_span"}
    assert found["past the end"] == {"span_inside_body", "text_equals_body_span"}


def test_quote_speakers_need_an_id_and_a_registry_entry() -> None:
    text = "„Wir handeln.“"
    start = BODY.find(text)
    phrase = BODY.find("Olaf Scholz")
    quote = {"quote_no": 0, "text": text, "start_char": start, "end_char": start + len(text)}
    quote |= {"run_id": "r", "body": BODY, "kind": "direct", "cue": "sagte", "speaker_role": None}
    named = {"speaker": "Olaf Scholz", "speaker_id": "0123456789abcdef", "speaker_type": "PER"}
    named |= {"speaker_kind": "person", "speaker_text": "Olaf Scholz"}
    named |= {"speaker_start": phrase, "speaker_end": phrase + len("Olaf Scholz")}
    nobody = {"speaker": None, "speaker_id": None, "speaker_type": None, "speaker_kind": None}
    nobody |= {"speaker_text": None, "speaker_start": None, "speaker_end": None}
    frame = pd.DataFrame(
        [
            {**quote, **named, "doc_id": "named"},
            {**quote, **nobody, "doc_id": "anonymous"},
            {**quote, **named, "doc_id": "no id", "speaker_id": None},
            {**quote, **named, "doc_id": "no type", "speaker_type": None},
            {**quote, **named, "doc_id": "phrase elsewhere", "speaker_start": phrase + 1},
            {**quote, **named, "doc_id": "term with speaker", "kind": "term"},
            {**quote, **nobody, "doc_id": "unknown kind", "kind": "hearsay"},
        ]
    ).astype({"speaker_start": "Int64", "speaker_end": "Int64"})
    assert failed_checks(core.Quotes, frame) == {
        "no id": {"speaker_and_speaker_id_together"},
        "no type": {"speaker_and_speaker_id_together"},
        "phrase elsewhere": {"speaker_text_equals_body_span"},
        "term with speaker": {"term_has_no_speaker"},
        "unknown kind": {"isin(['direct', 'indirect', 'reported', 'term'])"},
    }
    registry = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "quote_no": [0, 0, 0],
            "speaker": ["Olaf Scholz", None, "Niemand Bekannt"],
            "speaker_registered": [True, False, False],
        }
    )
    assert failed_checks(core.QuoteSpeakers, registry) == {"c": {"speaker_in_entity_registry"}}


def test_ops_contracts() -> None:
    start = pd.Timestamp("2025-03-01 10:00")
    run = {"flow_run_id": None, "inputs_seen": 5, "inputs_new": 5, "docs_loaded": 4, "docs_rejected": 1}
    run |= {"code_version": "abc", "message": None, "started_at": start}
    runs = pd.DataFrame(
        [
            {**run, "run_id": "20250301T100000-0000000a", "status": "completed", "finished_at": start},
            {**run, "run_id": "20250301T100000-0000000b", "status": "running", "finished_at": None},
            {**run, "run_id": "20250301T100000-0000000c", "status": "failed", "finished_at": start},
            {**run, "run_id": "20250301T100000-0000000d", "status": "completed"}
            | {"finished_at": start - pd.Timedelta(seconds=1)},
            {**run, "run_id": "20250301T100000-0000000e", "status": "completed", "finished_at": start}
            | {"inputs_new": 9},
        ]
    )
    found = failed_checks(ops.Runs, runs.assign(doc_id=runs["run_id"]))
    assert found == {
        "20250301T100000-0000000c": {"failed_runs_say_why"},
        "20250301T100000-0000000d": {"finished_runs_have_an_end_after_their_start"},
        "20250301T100000-0000000e": {"new_inputs_within_seen_inputs"},
    }
    validations = pd.DataFrame(
        {
            "run_id": ["20250301T100000-0000000a"] * 2,
            "step": ["clean", "extract"],
            "schema_name": ["CleanDocuments", "Mentions"],
            "rows_in": [5, 10],
            "rows_out": [4, 10],
            "rows_quarantined": [1, 1],
        }
    )
    failures = check(ops.StepValidations, validations).failures
    assert failures["check_name"].tolist() == ["rows_in_equal_out_plus_quarantined"]
