"""Bylines on a flattened page: "Von A B und C" runs, and names or an agency beside a stamp.

Without line breaks, a byline ends where its names do: at a lower-case word that joins no
names, a capitalised function word opening the lead, or an interface label. Names right
before or after a date stamp are a byline too ("Tobias Kröning 14 26 Uhr"), unless a picture
credit's label or the end of a sentence says otherwise.
"""

from __future__ import annotations

import re
from functools import cache

from presseschau.clean.boilerplate import is_interface_text
from presseschau.clean.byline import Byline, agency, has_byline_marker, initials_signature, parse_byline
from presseschau.clean.dates import FlatStamp
from presseschau.clean.flat_credit import CREDIT_LABELS
from presseschau.clean.flat_tokens import Vocabulary, single_word_labels
from presseschau.clean.resources import data_table, function_words, phrase_set

_BYLINE_WORDS = frozenset({"Von", "By", "Autor", "Autorin", "Text"})
# "von" opens a byline after a word that says what follows is by someone ("Kommentar von").
BYLINE_OPENERS = _BYLINE_WORDS | {"von"}
_NAME_JOINERS = frozenset({"und", "and", "von", "van", "de", "der", "zu"})
_BYLINE_MAX_TOKENS = 40
# Tokens before a stamp searched for a byline (an agency, "dpa 25 10 2025", or two people's
# names, "Julia Kessin Clare Dunn"); the most tokens of one name.
_STAMP_BYLINE_TOKENS, _LONGEST_NAME = 6, 3
# The most tokens of a stamp's label ("Zuletzt aktualisiert am").
_STAMP_LABEL_TOKENS = 3
# The longest interface label looked for between a stamp and the names after it.
_INTERFACE_TOKENS = 5
# How far from the article's end its authors' initials are looked for ("… widmet ssi dan Foto
# M Shutterstock"), and the most initials signing one text.
_SIGNATURE_REACH, _MOST_INITIALS = 8, 4
_INITIALS = re.compile(r"[a-zäöü]{2,4}")


def find_bylines(
    tokens: list[str], vocabulary: Vocabulary, stamps: list[FlatStamp], relative: list[tuple[int, int]]
) -> list[tuple[int, int, Byline]]:
    """(start, end, byline) of every "Von A B und C" run ("Kommentar von A B" too), and of the
    names or agency right before or after a date stamp ("14 26 Uhr Tobias Kröning", "dpa
    25 10 2025", "Nathan Ellwood 06 01 2026") or a relative time (`relative`: "Julia Kessin
    Clare Dunn vor 3 Stunden"), dated or not. `vocabulary`: of `tokens`."""
    found: list[tuple[int, int, Byline]] = []
    # Only tokens that may open a byline are visited (found once per distinct token).
    for start in vocabulary.positions(BYLINE_OPENERS):
        token = tokens[start]
        # "Autorin Autor Roman Kowalenko" (a label for either gender): the last label opens it.
        opens = token in _BYLINE_WORDS and not _labels_byline(tokens, start + 1)
        if opens or (token == "von" and start > 0 and has_byline_marker(f"{tokens[start - 1]} von _")):
            end = _name_run_end(tokens, start + 1)
            byline = _shortest_full_byline(tokens, start, end, marked=True)
            if byline is not None:
                found.append(byline)
    dated = {stamp.start for stamp in stamps}
    anchors = [(s.start, s.end, s.labelled) for s in stamps]
    anchors += [(start, end, False) for start, end in relative if start not in dated]
    for stamp_start, stamp_end, labelled in anchors:
        # An interface label may stand between stamp and names ("Lesedauer 7 Minuten"): the
        # byline then spans it, so that it still stands beside the stamp.
        names = interface_run_end(tokens, stamp_end)
        after = (
            None
            if _labels_byline(tokens, names)
            else _source_agency(tokens, names)
            or _shortest_full_byline(tokens, names, _name_run_end(tokens, names), marked=False)
        )
        if after is not None:
            after = (stamp_end, after[1], after[2])
        before = _byline_before(tokens, stamp_start, stamp_end, labelled)
        before = (
            _von_opened(tokens, before)
            if before
            else _von_byline_before(tokens, stamp_start)
            if labelled
            else None
        )
        found += [b for b in (after, before) if b is not None]
    return sorted(found, key=lambda byline: byline[0])


def interface_run_end(tokens: list[str], start: int) -> int:
    """The end of the longest interface label of two to `_INTERFACE_TOKENS` tokens at `start`:
    a phrase of data/boilerplate_lines.txt, or one of its patterns where the run holds a number
    ("Lesedauer 7 Minuten"; the patterns for words before a verb, "… teilen", would take names
    in); `start` if none stands there."""
    longest = min(len(tokens), start + _INTERFACE_TOKENS)
    # A run holds a number from the first token with a digit on: each token is read once.
    numbered = next((at for at in range(start, longest) if any(map(str.isdigit, tokens[at]))), longest)
    phrases = phrase_set("boilerplate_lines.txt")
    for end in range(longest, start + 1, -1):
        run = " ".join(tokens[start:end])
        if (end > numbered or run.casefold() in phrases) and is_interface_text(run):
            return end
    return start


def initials_signed(tokens: list[str], end: int) -> Byline | None:
    """The initials of the authors that sign the text ending near `end`, before the picture
    credit's label ("… widmet rbe tom Foto M Shutterstock", where the page of lines reads "rbe,
    tom; Foto: …"). Flattened, the comma between is lost, so two initials or more are needed,
    and a credit's label must end them: one lower-case word before it may be a sentence's."""
    for label in range(max(0, end - _SIGNATURE_REACH), min(len(tokens), end + _SIGNATURE_REACH)):
        if tokens[label] not in CREDIT_LABELS:
            continue
        first = label
        while first > max(0, label - _MOST_INITIALS) and _INITIALS.fullmatch(tokens[first - 1]):
            first -= 1
        if label - first >= 2 and (signed := initials_signature(", ".join(tokens[first:label]))) is not None:
            return signed
    return None


def _source_agency(tokens: list[str], label: int) -> tuple[int, int, Byline] | None:
    """A source label and an agency right after the stamp ("Quelle dpa Sport"): the agency the
    article comes from. Elsewhere the label's colon makes it a byline marker; flattened, the
    same word credits pictures, so it is read only here."""
    if label >= len(tokens) or tokens[label] not in CREDIT_LABELS:
        return None
    for end in range(min(len(tokens), label + 3), label + 1, -1):
        byline = parse_byline(" ".join(tokens[label + 1 : end]), flattened=True, expected=True)
        if byline is not None and byline.agencies and not byline.authors:
            return label, end, byline
    return None


def _labels_byline(tokens: list[str], index: int) -> bool:
    return index < len(tokens) and tokens[index] in _BYLINE_WORDS


def _byline_before(
    tokens: list[str], stamp_start: int, stamp_end: int, labelled: bool
) -> tuple[int, int, Byline] | None:
    """The agency or names right before a stamp (or before the weekday it opens with: "Julia
    Kessin Di 31 03 2020"), the longest run that reads as a byline. People's names only where
    nothing says the run is part of a sentence (not after a lower-case function word: "Update
    mit Helga Brandner 18 03 2020" names a guest in a headline) and no label stands between
    (a labelled stamp's label ends the run before it: "Aktualisiert am")."""
    end = (
        stamp_start - 1
        if stamp_start > 0 and tokens[stamp_start - 1].casefold() in weekday_names()
        else stamp_start
    )
    if end == 0 or not (tokens[end - 1][:1].isupper() or agency(tokens[end - 1])):
        return None  # a byline ends with a name or an agency; most stamps follow other words
    words, labels = function_words(), single_word_labels()
    window = range(max(0, end - _STAMP_BYLINE_TOKENS), end)
    if any(tokens[i] in CREDIT_LABELS for i in window):
        return None  # whom a picture credit names ("Foto Karl Meier") took the picture
    # A menu label ("Meistgelesen") is no one's name: the run starts after the last one.
    blocked = [i for i in window if tokens[i].casefold() in labels]
    for low in range(blocked[-1] + 1 if blocked else window.start, end):
        byline = parse_byline(" ".join(tokens[low:end]), flattened=True, expected=True)
        if byline is None:
            continue
        after_word = low > 0 and tokens[low - 1].islower() and tokens[low - 1] in words
        # A job title the names leave over ("Daniel Sommer Redakteur") says it is a byline, and
        # so do the same names printed again right after the stamp (byline and author box).
        titled = sum(len(name.split()) for name in byline.authors) < end - low
        repeated = tokens[stamp_end : stamp_end + end - low] == tokens[low:end]
        # Two people's names in a row, with no "und" between, are a list that no sentence holds
        # ("Was wissen wir Julia Kessin Clare Dunn vor 3 Stunden"), though one after a
        # function word may be a guest a headline names.
        listed = len(byline.authors) > 1
        if not byline.authors or not ((after_word and not (titled or repeated or listed)) or labelled):
            return low, end, byline
    return None


def _von_opened(tokens: list[str], byline: tuple[int, int, Byline]) -> tuple[int, int, Byline]:
    """`byline` (names right before a stamp) with the name before it, back to a lower-case
    "von" that opens them all: a third author past the few tokens searched before a stamp
    ("von Marcus Feldt Justus von Lerchenau Ulrich Sager 14 May 2019")."""
    low, end, read = byline
    for von in range(low - 2, max(-1, low - _LONGEST_NAME - 2), -1):
        if tokens[von] == "von":
            wider = parse_byline(" ".join(tokens[von:end]), flattened=True)
            if wider is not None and len(wider.authors) > len(read.authors):
                return von, end, wider
            break
    return byline


def _von_byline_before(tokens: list[str], stamp_start: int) -> tuple[int, int, Byline] | None:
    """Names opened by a lower-case "von" before a labelled stamp's label ("Hauptinhalt von
    David Lorenzen HAFENRADIO KIEL Stand 28 April 2023"): "von" says they are a byline where names
    before a label are otherwise the end of a headline or teaser (see `_byline_before`)."""
    for von in range(max(0, stamp_start - _STAMP_BYLINE_TOKENS - _STAMP_LABEL_TOKENS), stamp_start - 3):
        if tokens[von] != "von":
            continue
        for end in range(stamp_start - 1, max(von + 2, stamp_start - 1 - _STAMP_LABEL_TOKENS), -1):
            byline = parse_byline(" ".join(tokens[von:end]), flattened=True)
            if byline is not None and byline.authors:
                return von, end, byline
    return None


@cache
def weekday_names() -> frozenset[str]:
    """Weekday names and their abbreviations ("Di"), case folded."""
    return frozenset(
        word.casefold() for word, kind, _ in data_table("extract_calendar_de.tsv") if kind == "weekday"
    )


def _name_run_end(tokens: list[str], start: int) -> int:
    """Where a run of name tokens from `start` ends: at a lower-case word that joins no names,
    a capitalised function word opening a sentence ("Die"), an interface label ("Anhören"),
    a picture credit's label ("Foto"), or the byline's length limit."""
    end = start
    labels = single_word_labels()
    words = function_words()
    while (
        end < len(tokens)
        and end - start < _BYLINE_MAX_TOKENS
        and (
            tokens[end] in _NAME_JOINERS
            or (tokens[end][:1].isupper() and tokens[end].casefold() not in words)
        )
        and tokens[end].casefold() not in labels
        and tokens[end] not in CREDIT_LABELS
        and not is_interface_text(tokens[end])
    ):
        end += 1
    return end


def _shortest_full_byline(
    tokens: list[str], start: int, end: int, *, marked: bool
) -> tuple[int, int, Byline] | None:
    """The byline in tokens[start:end]: after its last "und" one name only ("Von A und B C D"
    ends after B's surname, C D opens the lead); without "und", the longest run that reads as one."""
    joiners = [i for i in range(start, end) if tokens[i] in ("und", "and")]
    stops = range(end, start + 1, -1)
    if joiners:
        last = joiners[-1]
        stops = range(min(end, last + 3), min(end, last + _LONGEST_NAME + 1) + 1)
    for stop in stops:
        if stop < len(tokens) and tokens[stop][:1].islower():
            continue  # the name is the subject of a sentence running on, not a byline
        byline = parse_byline(" ".join(tokens[start:stop]), flattened=True, expected=not marked)
        if byline is not None:
            return start, stop, byline
    return None
