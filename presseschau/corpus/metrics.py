"""Checks of one page's reading against its gold in one shape, and their aggregation.

Fields, as issue 22's table has them:
- `title`: the title equals one of the gold's `title_any_of` (compared by
  `presseschau.evaluate.normalise`), among those the shape shows;
- `published`: the day (`YYYY-MM-DD`) equals the gold's day;
- `authors`: the set of names equals the gold's names the shape shows;
- `keep` / `drop`: each `must_keep` snippet in the body, each `must_drop` snippet not in it
  (as `presseschau evaluate` scores the samples); one check per snippet;
- `body_precision` / `body_recall`: casefolded word tokens of the body against the page's
  article region and main text (see `presseschau.corpus.gold`), compared as bags (a token
  counts as often as it occurs in both); an empty body scores 0 on both.

A field the gold does not annotate, or whose gold the shape does not show, is not checked.
Fields and the body are averaged over the pages checked, snippets over the snippets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from presseschau.corpus.gold import tokens
from presseschau.evaluate import dropped, kept, same_names, title_matches

FIELDS = ("title", "published", "authors", "keep", "drop", "body_precision", "body_recall")


@dataclass(frozen=True)
class Reading:
    """What a system read from one page: its body and the metadata fields scored."""

    body: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    detected: str = ""
    """The format the system took the page for (ours: html/text/flattened/markdown, or `rejected: …`)."""


@dataclass(frozen=True)
class Check:
    """One check: its score (1/0, or a share for the body), which snippet it is about (its
    place in the gold's list, for `keep` and `drop`: the same in every shape) and, below 1,
    what was missed."""

    field: str
    score: float
    miss: str = ""
    item: str = ""


def check_page(reading: Reading, gold: Mapping[str, Any]) -> list[Check]:
    """Every check of `reading` against the gold of its page in its shape."""
    hidden = gold.get("not_shown", {})
    checks: list[Check] = []

    def add(key: str, ok: bool, miss: str, item: str = "") -> None:
        checks.append(Check(key, 1.0 if ok else 0.0, "" if ok else miss, item))

    titles = [title for title in gold.get("title_any_of", []) if title not in hidden.get("title_any_of", [])]
    if titles:
        add("title", title_matches(reading.title, titles), f"got {reading.title!r}, expected {titles[0]!r}")
    if gold.get("published") and "published" not in hidden:
        day = gold["published"][:10]
        add("published", (reading.published or "")[:10] == day, f"got {reading.published!r}, expected {day}")
    authors = [name for name in gold.get("authors") or [] if name not in hidden.get("authors", [])]
    if "authors" in gold and (authors or not gold["authors"]):
        miss = f"got {list(reading.authors)}, expected {authors}"
        add("authors", same_names(reading.authors, authors), miss)
    for number, snippet in enumerate(gold.get("must_keep", [])):
        if snippet not in hidden.get("must_keep", []):
            add("keep", kept(snippet, reading.body), snippet, str(number))
    for number, snippet in enumerate(gold.get("must_drop", [])):
        add("drop", dropped(snippet, reading.body), snippet, str(number))
    if gold.get("main_text"):
        checks += _body_checks(reading.body, gold["article_region"], gold["main_text"])
    return checks


def _body_checks(body: str, region: str, main_text: str) -> list[Check]:
    got, article, main = Counter(tokens(body)), Counter(tokens(region)), Counter(tokens(main_text))
    return [
        Check("body_precision", _share(got, article), _missed_words(got, article, "outside the article")),
        Check("body_recall", _share(main, got), _missed_words(main, got, "missing")),
    ]


def _share(part: Counter[str], whole: Counter[str]) -> float:
    """The share of the tokens of `part` that `whole` holds too (as bags); 0 for no tokens."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def _missed_words(part: Counter[str], whole: Counter[str], what: str) -> str:
    extra = part - whole
    if not extra:
        return ""
    common = ", ".join(word for word, _ in extra.most_common(8))
    return f"{sum(extra.values())} of {sum(part.values())} words {what}, most often: {common}"


@dataclass
class Tally:
    """Scores of one field over many checks: their mean, and the misses (score, page: what)."""

    scores: list[float] = field(default_factory=list)
    misses: list[tuple[float, str]] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None


def tally(checks: Iterable[tuple[str, Check]]) -> dict[str, Tally]:
    """The checks (each with its page's name) gathered by field."""
    tallies = {key: Tally() for key in FIELDS}
    for page, check in checks:
        tallies[check.field].scores.append(check.score)
        if check.miss:
            tallies[check.field].misses.append((check.score, f"{page}: {check.miss}"))
    return tallies
