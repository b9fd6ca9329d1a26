"""Gold per shape: what a shape still shows of a page's gold, and the page's main text.

A shape shows a gold value when the value's words stand in its text in sequence (casefolded
word tokens, so punctuation, case and line breaks do not matter and the flattened shape is
tested like the others): a title or author name as written in the gold; a publication day in
any common German, English or ISO form ("4. März 2025", "04.03.2025", "4.3.25", "2025-03-04",
"March 4, 2025", "4 Mar 2025"), the flattened shape's "4 März 2025" included. A date given
only as "vor 3 Stunden", without its year, or only in the page's meta tags or JSON-LD is not
shown; a byline only in the meta tags neither. Markdown link targets and image sources are
not what a reader sees and are left out of the test.

Body tokens are scored against two references taken from the page's visible text (as a
browser copies it), the same for every shape:
- the main text (recall): the lines from the one holding the first `must_keep` snippet to
  the one holding the last (the occurrences that span the fewest lines). The Fundus pages'
  snippets open the first, a middle and the last paragraph of the article body, so this is
  the body as Fundus reads it, plus what stands between its paragraphs on the page
  (captions, "Lesen Sie auch" teasers, ad labels, embedded posts), which Fundus leaves out: a
  cleaner that drops those loses recall it should not lose. The trafilatura set's snippets
  ("with" snippets) stand anywhere in the article, often within a few paragraphs, so there
  the main text is a sample of the article: recall on it estimates recall on the whole.
- the article region (precision): the main text widened up to the nearest line before it
  that shows the gold headline or a `must_drop` snippet, and down to the nearest line after
  it that shows a `must_drop` snippet (those lines themselves excluded); a side with no such
  line is not widened. Where both sides are widened, body tokens outside the region are
  certainly not article text; tokens inside it may be (the lead, byline and date lines, captions, and for the
  trafilatura set the article's opening and end outside the snippets). Precision against
  the region is therefore an upper bound where the region holds more than the article, and
  a lower bound on a page where a side could not be widened but the article goes on.
Tokens are compared as bags (`presseschau.corpus.metrics`). Both references are the same
for every shape and every system scored, so comparisons between them stay fair. A page whose
text shows none of its `must_keep` snippets has no reference, and its body is not scored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any

# Letters and digits apart: "Karrasch3.11.2023", where a page sets a name and a date side by
# side without a space, shows the name and the date.
_WORD = re.compile(r"[^\W\d_]+|\d+")
_MARKDOWN_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")

_MONTHS_DE = (
    "januar", "februar", "märz", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "dezember",
)  # fmt: skip
_MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
# Abbreviations in use in German and English datelines ("4. Mär. 2025", "Sept. 4, 2025").
_MONTH_ABBREVIATIONS = (
    ("jan", "jän"), ("feb",), ("mär", "mrz", "mar"), ("apr",), ("mai", "may"), ("jun",),
    ("jul",), ("aug",), ("sep", "sept"), ("okt", "oct"), ("nov",), ("dez", "dec"),
)  # fmt: skip


def tokens(text: str) -> list[str]:
    """Casefolded word tokens: runs of letters or of digits; no punctuation, no underscores."""
    return _WORD.findall(text.casefold())


def shown_words(text: str, shape: str) -> str:
    """The shape's words as one space-separated string with a space at each end, so that a
    phrase is shown when `f" {phrase} "` is in it."""
    if shape == "markdown":
        text = _MARKDOWN_TARGET.sub("]", text)
    return f" {' '.join(tokens(text))} "


def phrase_shown(phrase: str, words: str) -> bool:
    """Whether the words of `phrase` stand in `words` (see `shown_words`) in sequence."""
    wanted = tokens(phrase)
    return bool(wanted) and f" {' '.join(wanted)} " in words


def snippet_shown(snippet: str, words: str) -> bool:
    """Like `phrase_shown`, but the snippet may start or end inside a word, as the
    trafilatura set's snippets, cut at a character count, do."""
    wanted = tokens(snippet)
    return bool(wanted) and " ".join(wanted) in words


def day_renderings(day: str) -> list[str]:
    """The day `YYYY-MM-DD` in the common German, English and ISO forms, as word tokens."""
    year, month, date = day[:4], int(day[5:7]), int(day[8:10])
    days = {str(date), f"{date:02d}"}
    months_numeric = {str(month), f"{month:02d}"}
    month_names = {_MONTHS_DE[month - 1], _MONTHS_EN[month - 1], *_MONTH_ABBREVIATIONS[month - 1]}
    forms = [f"{d} {m} {y}" for d, m, y in product(days, months_numeric, (year, year[2:]))]
    forms += [f"{d} {name} {year}" for d, name in product(days, month_names)]
    forms += [f"{name} {d} {year}" for d, name in product(days, month_names)]
    forms.append(f"{year} {month:02d} {date:02d}")
    return forms


def day_shown(day: str, words: str) -> bool:
    return any(f" {form} " in words for form in day_renderings(day))


def not_shown(gold: Mapping[str, Any], text: str, shape: str) -> dict[str, Any]:
    """The gold values `text` (a page in `shape`) does not show, by field; empty when it shows all."""
    words = shown_words(text, shape)
    hidden: dict[str, Any] = {}
    titles = [title for title in gold.get("title_any_of", []) if not phrase_shown(title, words)]
    if titles:
        hidden["title_any_of"] = titles
    published = gold.get("published")
    if published and not day_shown(published[:10], words):
        hidden["published"] = published
    authors = [name for name in gold.get("authors") or [] if not phrase_shown(name, words)]
    if authors:
        hidden["authors"] = authors
    snippets = [snippet for snippet in gold.get("must_keep", []) if not snippet_shown(snippet, words)]
    if snippets:
        hidden["must_keep"] = snippets
    return hidden


@dataclass(frozen=True)
class Reference:
    """A page's main text (for recall) and article region (for precision)."""

    main_text: str
    article_region: str


def reference(text: str, gold: Mapping[str, Any]) -> Reference | None:
    """The reference for body token precision and recall (see the module docstring); None
    when `text` shows none of the page's `must_keep` snippets."""
    lines = text.splitlines()
    words, line_of = _words_with_lines(lines)
    places = [found for snippet in gold.get("must_keep", []) if (found := _places(words, tokens(snippet)))]
    if not places:
        return None
    first, last = min(
        (
            (min(line_of[start] for start, _ in chosen), max(line_of[end - 1] for _, end in chosen))
            for chosen in product(*places)
        ),
        key=lambda span: span[1] - span[0],
    )
    line_words = [f" {' '.join(tokens(line))} " for line in lines]
    dropped = [
        number
        for number, shown in enumerate(line_words)
        if any(snippet_shown(snippet, shown) for snippet in gold.get("must_drop", []))
    ]
    headlines = [
        number
        for number, shown in enumerate(line_words[:first])
        if any(phrase_shown(title, shown) for title in gold.get("title_any_of", []))
    ]
    start = max((number + 1 for number in dropped + headlines if number < first), default=first)
    end = min((number - 1 for number in dropped if number > last), default=last)
    return Reference("\n".join(lines[first : last + 1]), "\n".join(lines[start : end + 1]).strip("\n"))


def _words_with_lines(lines: Iterable[str]) -> tuple[list[str], list[int]]:
    words: list[str] = []
    line_of: list[int] = []
    for number, line in enumerate(lines):
        found = tokens(line)
        words += found
        line_of += [number] * len(found)
    return words, line_of


def _places(words: list[str], snippet: list[str]) -> list[tuple[int, int]]:
    """Where the token sequence `snippet` occurs in `words`, as (start, end) token offsets; its
    first token may end a word and its last begin one (see `snippet_shown`)."""
    if not snippet:
        return []
    n = len(snippet)
    if n == 1:
        return [(at, at + 1) for at, word in enumerate(words) if snippet[0] in word]
    return [
        (start, start + n)
        for start in range(len(words) - n + 1)
        if words[start].endswith(snippet[0])
        and words[start + 1 : start + n - 1] == snippet[1:-1]
        and words[start + n - 1].startswith(snippet[-1])
    ]
