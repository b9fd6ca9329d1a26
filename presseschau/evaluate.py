"""Scoring export records against a gold file in the format of tests/gold/seeds.json.

Every score is a number in 0..1 (higher is better), so quality floors can be
written as plain comparisons, like trafilatura's evaluation gate.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

_QUOTE_MARKS = re.compile(r"[„“”‚‘’\"'»«›‹]")
_SPACE = re.compile(r"\s+")

# Gold entity lists by export type.
ENTITY_FIELDS = {"persons": "PER", "locations": "LOC", "organizations": "ORG"}

# Quality floors on the gold file: cleaning and metadata (issue 3), extraction (issue 4).
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
    "persons_f1": 0.90,
    "locations_f1": 0.85,
    "organizations_f1": 0.75,
    "quote_recall": 1.0,
    "quote_speaker": 1.0,
    "dates_recall": 0.90,
    "amounts_recall": 1.0,
    "name_variants": 1.0,
}


@dataclass
class Scores:
    """Aggregate scores (field → 0..1) and the misses behind them, per document."""

    values: dict[str, float] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def miss(self, key: str, what: str) -> None:
        self.misses.setdefault(key, []).append(what)


def below_floor(scores: Scores) -> dict[str, float]:
    """The fields whose score is under its floor."""
    return {
        key: scores.values.get(key, 0.0)
        for key, floor in FLOORS.items()
        if scores.values.get(key, 0.0) < floor
    }


def normalise(text: str) -> str:
    """Compare text ignoring quote styles, hyphen/space differences, case and spacing."""
    text = unicodedata.normalize("NFC", _QUOTE_MARKS.sub("", text)).replace("-", " ")
    return _SPACE.sub(" ", text).strip().casefold()


def kept(snippet: str, body: str) -> bool:
    """A `must_keep` snippet is kept when the body holds it, compared by `normalise`."""
    return normalise(snippet) in normalise(body)


def dropped(snippet: str, body: str) -> bool:
    """A `must_drop` snippet is dropped when the body does not hold it, ignoring case only."""
    return snippet.casefold() not in body.casefold()


def title_matches(title: str | None, variants: Iterable[str]) -> bool:
    return title is not None and any(normalise(title) == normalise(variant) for variant in variants)


def same_names(got: Iterable[str], expected: Iterable[str]) -> bool:
    """Two name lists agree when they hold the same names, compared by `normalise`."""
    return sorted(map(normalise, got)) == sorted(map(normalise, expected))


class _Variants:
    """Gold name-variant groups: two names are the same entity when equal or grouped."""

    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        self.group_of: dict[str, int] = {}
        for number, group in enumerate(groups):
            for name in group:
                self.group_of[normalise(name)] = number

    def same(self, a: str, b: str) -> bool:
        na, nb = normalise(a), normalise(b)
        return na == nb or (na in self.group_of and self.group_of.get(na) == self.group_of.get(nb))


def score(records: Iterable[Mapping[str, Any]], gold: Mapping[str, Any]) -> Scores:
    """Score export records (the export contract) against the gold annotation."""
    by_id = {record["doc_id"]: record for record in records}
    variants = _Variants(gold.get("name_variants", []))
    result = Scores()
    tallies: dict[str, list[float]] = {}
    counts = {kind: [0, 0, 0] for kind in ENTITY_FIELDS}  # true positives, predicted, gold
    for doc_id, expected in gold["documents"].items():
        record = by_id.get(doc_id)
        if record is None:
            result.miss("missing", doc_id)
            record = {}
        _score_document(doc_id, record, expected, variants, tallies, counts, result)
    for key, values in tallies.items():
        result.values[key] = sum(values) / len(values) if values else 1.0
    for kind, (tp, predicted, relevant) in counts.items():
        precision = tp / predicted if predicted else 1.0
        recall = tp / relevant if relevant else 1.0
        result.values[f"{kind}_f1"] = 2 * precision * recall / (precision + recall) if tp else 0.0
    result.values["name_variants"] = _variant_groups_resolved(by_id.values(), gold, result)
    return result


def _score_document(
    doc_id: str,
    record: Mapping[str, Any],
    expected: Mapping[str, Any],
    variants: _Variants,
    tallies: dict[str, list[float]],
    counts: dict[str, list[int]],
    result: Scores,
) -> None:
    def tally(key: str, ok: bool, what: str) -> None:
        tallies.setdefault(key, []).append(1.0 if ok else 0.0)
        if not ok:
            result.miss(key, f"{doc_id}: {what}")

    body = record.get("body") or ""
    for snippet in expected.get("must_keep", []):
        tally("must_keep", kept(snippet, body), snippet)
    for snippet in expected.get("must_drop", []):
        tally("must_drop", dropped(snippet, body), snippet)
    for key, ok, got in _metadata_checks(record, expected):
        tally(key, ok, f"got {got!r}")
    _score_entities(record, expected, variants, counts, doc_id, result)
    # Gold quotes are quoted words: indirect speech that contains them is another quote.
    quotes = [q for q in record.get("quotes") or [] if q.get("kind", "direct") in ("direct", "term")]
    for gold_quote in expected.get("quotes", []):
        found = next((q for q in quotes if _same_quote(q["text"], gold_quote["text"])), None)
        tally("quote_recall", found is not None, gold_quote["text"])
        if found is not None:
            speaker_ok = found.get("speaker") is not None and variants.same(
                found["speaker"], gold_quote["speaker"]
            )
            tally("quote_speaker", speaker_ok, f"{gold_quote['text']!r} by {found.get('speaker')!r}")
    stated = {d["date"] for d in record.get("dates") or []}
    published = (record.get("published") or "")[:10]
    for gold_date in expected.get("dates", []):
        is_publication = gold_date.get("what") == "publication" and published == gold_date["date"]
        tally("dates_recall", gold_date["date"] in stated or is_publication, gold_date["date"])
    amounts = record.get("amounts") or []
    for gold_amount in expected.get("amounts", []):
        hit = any(
            a["unit"] == gold_amount["unit"]
            and abs(a["value"] - gold_amount["value"]) <= 0.005 * gold_amount["value"]
            for a in amounts
        )
        tally("amounts_recall", hit, f"{gold_amount['value']} {gold_amount['unit']}")


def _metadata_checks(record: Mapping[str, Any], expected: Mapping[str, Any]) -> list[tuple[str, bool, Any]]:
    title = record.get("title")
    title_ok = title_matches(title, expected["title_any_of"])
    if "title_note" in expected:  # no headline in the file: the lead may stand in only when marked
        title_ok = title_ok and bool(record.get("title_derived"))

    def same_set(key: str) -> bool:
        return same_names(record.get(key) or [], expected.get(key) or [])

    def same_text(key: str) -> bool:
        got, want = record.get(key), expected.get(key)
        return got == want if got is None or want is None else normalise(got) == normalise(want)

    return [
        ("title", title_ok, title),
        ("published", record.get("published") == expected.get("published"), record.get("published")),
        ("authors", same_set("authors"), record.get("authors")),
        ("outlet", same_text("outlet"), record.get("outlet")),
        ("dateline", same_text("dateline"), record.get("dateline")),
        (
            "paywalled",
            bool(record.get("paywalled")) == bool(expected.get("paywalled")),
            record.get("paywalled"),
        ),
        ("cited_sources", same_set("cited_sources"), record.get("cited_sources")),
        ("language", record.get("language") == expected.get("language"), record.get("language")),
    ]


def _score_entities(
    record: Mapping[str, Any],
    expected: Mapping[str, Any],
    variants: _Variants,
    counts: dict[str, list[int]],
    doc_id: str,
    result: Scores,
) -> None:
    optional = expected.get("optional_entities", [])
    entities = record.get("entities") or []
    for gold_key, entity_type in ENTITY_FIELDS.items():
        predicted = [e for e in entities if e["type"] == entity_type]
        wanted = expected.get(gold_key, [])

        def matches(entity: Mapping[str, Any], name: str) -> bool:
            forms = [entity["name"], *entity.get("mentions", [])]
            return any(variants.same(form, name) for form in forms)

        hits = [name for name in wanted if any(matches(e, name) for e in predicted)]
        for name in wanted:
            if name not in hits:
                result.miss(f"{gold_key}_missed", f"{doc_id}: {name}")
        wrong = [
            e["name"]
            for e in predicted
            if not any(matches(e, name) for name in wanted) and not any(matches(e, name) for name in optional)
        ]
        for name in wrong:
            result.miss(f"{gold_key}_spurious", f"{doc_id}: {name}")
        counts[gold_key][0] += len(hits)
        counts[gold_key][1] += len(hits) + len(wrong)
        counts[gold_key][2] += len(wanted)


def _same_quote(predicted: str, gold: str) -> bool:
    """Same quote: equal, or the gold text is part of a longer predicted quote (gold texts are
    often cut at a sentence), or close enough to forgive a dropped word."""
    a, b = normalise(predicted), normalise(gold)
    if not a or not b:
        return False
    if a == b or b in a:
        return True
    return min(len(a), len(b)) >= 0.6 * max(len(a), len(b)) and fuzz.partial_ratio(a, b) >= 90


def _variant_groups_resolved(
    records: Iterable[Mapping[str, Any]], gold: Mapping[str, Any], result: Scores
) -> float:
    """Share of variant groups whose spellings (those the texts contain) all map to one entity.

    A spelling counts as present where it stands on its own, not inside a longer spelling of
    its group ("Rjabkow" inside "Sergei Rjabkow"); a spelling with a role in front
    ("Kremlsprecher Dmitri Peskow") is found through the name it ends with.
    """
    records = list(records)
    canonical_of: dict[str, set[str]] = {}
    for record in records:
        for entity in record.get("entities") or []:
            for form in {entity["name"], *entity.get("mentions", [])}:
                canonical_of.setdefault(form, set()).add(entity["name"])
    groups = gold.get("name_variants", [])
    resolved = 0
    for group in groups:
        text = " ".join(r.get("body") or "" for r in records)
        present = []
        for variant in sorted(group, key=len, reverse=True):
            pattern = re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)")
            if pattern.search(text):
                present.append(variant)
                text = pattern.sub(" ", text)
        names: set[str] = set()
        unfound = []
        for variant in present:
            found = canonical_of.get(variant) or {
                name for form, forms in canonical_of.items() if variant.endswith(" " + form) for name in forms
            }
            names |= found
            if not found:
                unfound.append(variant)
        if len(names) == 1 and not unfound:
            resolved += 1
        else:
            result.miss("name_variants", f"{group[0]}: {sorted(names)} unfound={unfound}")
    return resolved / len(groups) if groups else 1.0
