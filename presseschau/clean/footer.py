"""Aggregator footers: a "Details" fact box (Ort, Quellen with an HTML list) and a
"Besuchen Sie uns auf: site" sign-off, moved from the text into metadata."""

from __future__ import annotations

import html
import re
from functools import cache
from urllib.parse import urlsplit

from presseschau.clean.dates import parse_date_line
from presseschau.clean.resources import data_lines, data_table
from presseschau.clean.stated import Stated

_TAG = re.compile(r"<[^>]*>")
_LIST_ITEM_OPEN = re.compile(r"<li\b[^>]*>", re.I)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)|(?<=\S)(\*\*|__|\*|_)")
_ITEM_SPLIT = re.compile(r"\s*[•·;|]\s*|\s{2,}")
_URL = re.compile(r"^(?:https?://|www\.)", re.I)
_HEADER_KEYS = frozenset({"details", "fakten", "info", "informationen"})
# Lines looked at from the end of the text; footers are short.
_MAX_FOOTER_LINES = 15


@cache
def _fields() -> dict[str, str]:
    return {row[0].casefold(): row[1] for row in data_table("footer_fields.tsv")}


def plain_line(line: str) -> str:
    """A footer line without HTML tags, markdown links and emphasis."""
    # Most lines hold neither a link's "](" nor an emphasis mark: a substring test spares the
    # regex, whose `sub` tries the pattern at every position of the line (a template with a
    # group, for the link, is also read in Python on every call).
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    line = html.unescape(_TAG.sub(" ", line))
    if "*" in line or "_" in line:
        line = _MD_EMPHASIS.sub("", line)
    return " ".join(line.split())


def split_footer(text: str) -> tuple[str, Stated]:
    """The text without its trailing aggregator footer, and what the footer stated."""
    lines = text.split("\n")
    found: dict[str, object] = {}
    cut = len(lines)
    seen = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        seen += 1
        if seen > _MAX_FOOTER_LINES or not _read_footer_line(line, found):
            break
        cut = index
        if found.pop("header", None):
            break
    if cut == len(lines):
        return text, Stated()
    return "\n".join(lines[:cut]).rstrip(), Stated(
        outlet=found.get("outlet"),  # type: ignore[arg-type]
        dateline=found.get("dateline"),  # type: ignore[arg-type]
        published=found.get("published"),  # type: ignore[arg-type]
        cited_sources=tuple(found.get("cited_sources", ())),  # type: ignore[arg-type]
    )


def _read_footer_line(line: str, found: dict[str, object]) -> bool:
    """Record what a footer line states; False when the line is not part of a footer."""
    plain = plain_line(line)
    folded = plain.casefold()
    for prefix in data_lines("visit_us_prefixes.txt"):
        if folded.startswith(prefix):
            site = plain[len(prefix) :].strip(" :").split()
            if site:
                found.setdefault("outlet", site[0].rstrip("."))
                return True
    key, tab, value = line.partition("\t")
    # Without a tab the key is the whole line, read plain and folded above already: folding
    # makes no colon and drops no character, so the colons are stripped after it as before it.
    key_plain = plain_line(key).rstrip(":").casefold() if tab else folded.rstrip(":")
    if key_plain in _HEADER_KEYS and not value.strip():
        found["header"] = True
        return True
    field = _fields().get(key_plain) if tab else None
    if field is None:
        return False
    if field == "cited_sources":
        found.setdefault("cited_sources", _source_items(value))
    elif field == "published":
        parsed = parse_date_line(plain_line(value))
        if parsed:
            found.setdefault("published", parsed[0])
    elif field == "dateline" and plain_line(value):
        found.setdefault("dateline", plain_line(value))
    return True


def _source_items(value: str) -> list[str]:
    """Source names or domains from a list value (HTML `<ul>`, bullets or separators)."""
    flat = html.unescape(_TAG.sub(" ", _LIST_ITEM_OPEN.sub(" • ", value)))
    items: list[str] = []
    for raw in _ITEM_SPLIT.split(flat):
        item = raw.strip(" ,")
        if not item:
            continue
        if _URL.match(item):
            host = urlsplit(item if "://" in item else f"http://{item}").hostname
            item = host or item
        if item not in items:
            items.append(item)
    return items
