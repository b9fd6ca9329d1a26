"""The frame around an article body: headline, byline and date lines at the top,
translator/author credits and "Stand:" lines at the bottom."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from presseschau.clean.blocks import Block
from presseschau.clean.byline import has_byline_marker, parse_byline, parse_translators
from presseschau.clean.dates import parse_date_line
from presseschau.clean.outlets import known_outlet, split_outlet_suffix
from presseschau.clean.region import is_author_note
from presseschau.clean.resources import word_set
from presseschau.clean.shape import is_heading_like, is_prose, letters_key, matching_key, more_words_than

_PART_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# How many blocks may come before the body starts, and how many credit lines may end it.
_HEAD_LIMIT = 8
_TAIL_LIMIT = 4
_KICKER_MAX_WORDS = 4
# A line above a known headline (a kicker, the section's name, a date, "Herausgeber: …") has at
# most this many words; a longer one is a teaser or the article's opening, which the page may
# set above a repeated headline.
_LABEL_MAX_WORDS = 8
# A headline, byline or date line has at most this many words.
_META_MAX_WORDS = 40
# A title shorter than this many letters is too weak a clue to recognise a headline line by.
_TITLE_MIN_LETTERS = 15
# A note on the author at the article's end may name them after their role, capitalised words
# ("Korrespondentin Lena Brandt ist …", "Autorin: Prof. Dr. Lena Brandt ist …"): at most this many.
_NOTE_ROLE_WORDS = 3


@dataclass(frozen=True)
class Frame:
    title: str | None = None
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    translators: tuple[str, ...] = ()
    byline_place: str | None = None
    published: str | None = None
    updated: str | None = None
    masthead: str | None = None
    """A known outlet named by a masthead line or a title suffix ("… | DER SPIEGEL")."""

    def fill(self, other: Frame) -> Frame:
        """Self, with every empty field taken from `other`."""
        missing = {f.name: getattr(other, f.name) for f in fields(self) if not getattr(self, f.name)}
        return replace(self, **missing)


def read_frame(
    blocks: list[Block], known_title: str | None, known_authors: tuple[str, ...] = ()
) -> tuple[Frame, list[Block]]:
    """Read (and remove) headline, byline and date blocks at the top and credits at the bottom,
    and a closing note on the article's authors (`known_authors`, else those of its byline)."""
    head, body = _read_head(blocks, known_title)
    tail, body = _read_tail(body)
    body = without_closing_note(body, known_authors or head.authors or tail.authors)
    return Frame(
        title=head.title,
        authors=head.authors or tail.authors,
        translators=tail.translators,
        byline_place=head.byline_place,
        published=head.published or tail.published,
        updated=head.updated or tail.updated,
        masthead=head.masthead,
    ), body


def _same_title(text: str, title: str | None) -> bool:
    if title is None:
        return False
    return matching_key(text) == matching_key(title) or (is_heading_like(text) and _shows_title(text, title))


def _shows_title(line: str, title: str) -> bool:
    """Whether a headline-like `line` is the headline set otherwise than `title`: with its kicker
    run into it ("Streit um die Hafenbrücke Zwei Rücktritte …" for "Zwei Rücktritte …"), the
    outlet after it, other punctuation ("Nutzerbasierte Abrechnung : …"), or without the kicker
    the title has. Compared by letters and digits alone, as a kicker may be glued to the
    headline ("ZoonosenWie Umweltzerstörung …")."""
    line_key, title_key = letters_key(line), letters_key(title)
    if len(title_key) < _TITLE_MIN_LETTERS:
        return False
    return title_key in line_key or (line_key in title_key and 2 * len(line_key) >= len(title_key))


def _read_meta_parts(
    text: str, *, byline_expected: bool = False
) -> tuple[tuple[str, ...], str | None, str | None, str | None] | None:
    """(authors, place, published, updated) when every part of `text` is a byline or a date."""
    authors: tuple[str, ...] = ()
    place = published = updated = None
    for part in _PART_SEPARATOR.split(text):
        date = parse_date_line(part)
        if date is not None:
            if date[1]:
                updated = updated or date[0]
            else:
                published = published or date[0]
            continue
        byline = parse_byline(part, expected=byline_expected)
        if byline is None:
            return None
        authors, place = authors + byline.authors, place or byline.place
    return authors, place, published, updated


def _read_head(blocks: list[Block], known_title: str | None) -> tuple[Frame, list[Block]]:
    title: str | None = None
    authors: tuple[str, ...] = ()
    place = published = updated = masthead = None
    index = 0
    while index < min(len(blocks), _HEAD_LIMIT):
        block = blocks[index]
        text = block.text
        if _same_title(text, known_title):
            index += 1
            continue
        if (outlet := known_outlet(text)) is not None:
            masthead = masthead or outlet
            index += 1
            continue
        if more_words_than(text, _META_MAX_WORDS):
            break  # running text: bylines and date lines are short
        heading = block.kind == "h" or (block.kind == "p" and is_heading_like(text))
        could_be_title = heading and title is None and not known_title and not has_byline_marker(text)
        before_date = index + 1 < len(blocks) and parse_date_line(blocks[index + 1].text) is not None
        meta = None if could_be_title else _read_meta_parts(text, byline_expected=before_date)
        if meta is not None:
            authors = authors or meta[0]
            place = place or meta[1]
            published = published or meta[2]
            updated = updated or meta[3]
            index += 1
            continue
        if known_title and (below := _head_line_below(blocks, index, known_title)) is not None:
            index = below
            continue
        if not heading or is_prose(text):
            break
        if title is None and not known_title:
            title, suffix_outlet = split_outlet_suffix(text)
            masthead = masthead or suffix_outlet
        elif (
            title is not None
            and not more_words_than(title, _KICKER_MAX_WORDS)
            and not authors
            and not published
        ):
            title = text  # the short line before was a kicker ("Dachzeile")
        else:
            break
        index += 1
    frame = Frame(
        title=title,
        authors=authors,
        byline_place=place,
        published=published,
        updated=updated,
        masthead=masthead,
    )
    return frame, blocks[index:]


def _head_line_below(blocks: list[Block], start: int, title: str) -> int | None:
    """Where the line showing the known `title`, or a date line, stands in the head below
    `start`, when only short lines lead to it: the kicker, the section's name ("- Politik"), a
    date or a press release's "Herausgeber: …" set above the headline are the head too, not the
    article's opening; so is a site's slogan or a kicker above the article's date line where the
    main text left the headline out ("Das Portal der Bahnbranche", "04. Februar 2022"). None when
    a sentence or a longer line comes first."""
    for index in range(start, min(len(blocks), _HEAD_LIMIT)):
        text = blocks[index].text
        if index > start and (_same_title(text, title) or parse_date_line(text) is not None):
            return index
        if more_words_than(text, _LABEL_MAX_WORDS) or is_prose(text, 1):
            return None
    return None


def _read_tail(blocks: list[Block]) -> tuple[Frame, list[Block]]:
    authors: tuple[str, ...] = ()
    translators: tuple[str, ...] = ()
    published = updated = None
    end = len(blocks)
    while end > 0 and len(blocks) - end < _TAIL_LIMIT:
        text = blocks[end - 1].text
        if more_words_than(text, _META_MAX_WORDS):
            break  # running text: credits and date lines are short
        names = parse_translators(text)
        date = parse_date_line(text)
        byline = parse_byline(text) if has_byline_marker(text) else None
        if names:
            translators = names + translators
        elif date:
            if date[1]:
                updated = date[0]
            else:
                published = date[0]
        elif byline:
            authors = byline.authors + authors
        else:
            break
        end -= 1
    frame = Frame(authors=authors, translators=translators, published=published, updated=updated)
    return frame, blocks[:end]


def without_closing_note(blocks: list[Block], authors: tuple[str, ...]) -> list[Block]:
    """`blocks` without their last paragraph when it is a note on one of the article's `authors`
    that names them after their role ("Korrespondentin Lena Brandt ist bei … für … zuständig."):
    the author box under the article, not its end."""
    if not authors:
        return blocks
    openings = tuple(f"{name} " for name in authors)
    last = next((index for index in range(len(blocks) - 1, -1, -1) if is_prose(blocks[index].text)), None)
    if last is None or not _is_titled_note(blocks[last].text, openings):
        return blocks
    return blocks[:last] + blocks[last + 1 :]


def _is_titled_note(text: str, openings: tuple[str, ...]) -> bool:
    """Whether `text` is a note on an author that names them after their role ("Korrespondentin
    Lena Brandt ist …", "Die Kieler Ärztin Lena Brandt ist …"): up to `_NOTE_ROLE_WORDS`
    capitalised words before the name, none a word that opens a sentence about someone else
    ("Laut Lena Brandt ist …", "Auch Lena Brandt ist …"; determiners may stand). Read at the
    article's end only, where the author box stands: inside the article such an opening is too
    often a sentence on a namesake."""
    for opening in openings:
        # The name as whole words: "Marie-Anna Berger" names someone else than "Anna Berger".
        at = text.find(f" {opening}")
        if at < 0:
            continue
        role = text[:at].split()
        if 0 < len(role) <= _NOTE_ROLE_WORDS and all(map(_is_role_word, role)):
            return is_author_note(text[at + 1 :], openings)
    return False


def _is_role_word(word: str) -> bool:
    """A capitalised word that may stand in a role before a name: no word capitalised only at a
    sentence's start (data/extract_sentence_words.txt: prepositions, conjunctions, adverbs)
    but an article or determiner."""
    folded = word.strip(".,:;").casefold()
    return word[:1].isupper() and (
        folded not in word_set("extract_sentence_words.txt") or folded in word_set("noun_determiners.txt")
    )
