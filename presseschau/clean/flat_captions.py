"""Picture captions inside the text of a flattened page: a short run closed by its credit
("Ein Wendepunkt in Sturm Der singende Chor … | Bild Yannick Perrot Theater St Gallen").

Without punctuation the credit is the part a caption shows itself by: a credit label
(`flat_credit.CREDIT_LABELS`) or a picture agency, after a word that closes a sentence (not
after an article: "ein Bild", "die Bild Zeitung") and before names. Where the caption opens
is told by what stands before it: the end of a cut (a stamp, a byline, an interface phrase
set between the text and the picture), or a person placed in the picture ("Marcell Jansen l
und Piotr Trochowski …", the "(l.)" of a caption).
"""

from __future__ import annotations

from itertools import compress
from operator import and_

from presseschau.clean.flat_credit import CREDIT_LABELS, agency_end
from presseschau.clean.flat_page import FlatPage
from presseschau.clean.flat_tokens import Span, phrase_index
from presseschau.clean.flat_units import in_sentence
from presseschau.clean.resources import function_words, word_set

# A caption runs at most this many tokens before its credit (a sentence or two); a credit names
# at most this many tokens after its label or agency (photographer, agency, licence).
_CAPTION_MAX, _CREDIT_MAX = 25, 8
# Where a person stands in a picture: "(l.)", "(r.)", "(li.)", "(re.)"; the caption opens at the
# name before it (first name and surname).
_POSITIONS, _NAME_TOKENS = frozenset({"l", "r", "li", "re"}), 2
# A credit passes a picture on from another agency after at most this many words of a name
# (photographer and their agency: "Jana Olsen Ipon via …").
_VIA_NAMES = 3
# A caption after a picture button is told by its copy: this many tokens printed again.
_REPEATED_CAPTION = 8
# A gallery numbers its pictures ("2 5": the second of five) before each caption; the next
# number stands at most a caption and its credit on.
_COUNTER_REACH = _CAPTION_MAX + _CREDIT_MAX + 2


def captions(page: FlatPage, cuts: list[Span], start: int, end: int) -> list[tuple[int, int]]:
    """The picture captions and credits inside tokens[start:end], as (start, end): each credit,
    and the caption before it where a cut's end or a person's position shows where it opens."""
    found: list[tuple[int, int]] = []
    ends = sorted(
        [cut.end for cut in cuts if start <= cut.end < end and not in_sentence(page, cut)]
        + gallery_counters(page.tokens, start, end)
    )
    for position in _credit_openings(page, start + 1, end):
        if found and position < found[-1][1]:
            continue
        credit = _credit_end(page, position, end)
        if credit is None:
            continue
        credit_end, alone = credit
        low = max(start, position - _CAPTION_MAX)
        opening = max((at for at in ends if low <= at <= position), default=None)
        placed = _placed_name(page, low, position)
        if alone and opening is None and placed is None:
            continue  # an agency named in a sentence ("sagte er gegenüber AFP Außerhalb …")
        caption_start = min((at for at in (opening, placed) if at is not None), default=position)
        if found and caption_start < found[-1][1]:
            caption_start = found[-1][1]
        found.append((caption_start, credit_end))
    return found


def _credit_openings(page: FlatPage, start: int, end: int) -> list[int]:
    """Where in tokens[start:end] a credit may open, in order: a credit label or the first word of
    a picture agency. Most tokens are neither: only the page's listed words are tested."""
    tokens, folded, agencies = page.tokens, page.folded, phrase_index("photo_agencies.txt")
    return [at for at in page.listed(start, end) if tokens[at] in CREDIT_LABELS or folded[at] in agencies]


def _credit_end(page: FlatPage, position: int, end: int) -> tuple[int, bool] | None:
    """Where the credit that opens at `position` ends, else None, and whether it is an agency
    alone: a label or an agency after a word that is no article or preposition, before a
    capital; a label is followed by a name (a capital, no function word), an agency may be
    followed by the text ("stock adobe com Was ist …")."""
    tokens, folded = page.tokens, page.folded
    if folded[position - 1] in function_words() or not tokens[position - 1][:1].isalpha():
        return None
    label = tokens[position] in CREDIT_LABELS
    after = position + 1 if label else agency_end(tokens, position)
    if after is None or (after < end and not tokens[after][:1].isupper()):
        return None
    names, limit, named = after, min(end, after + _CREDIT_MAX), not label
    while after < limit:
        agency = agency_end(tokens, after)
        if agency is not None:
            after, named = agency, True
        elif tokens[after].isupper() and tokens[after].isalpha():
            after, named = after + 1, True  # a photographer's name in capitals ("AFP MARCO BERTORELLO")
        elif (passed := _passed_on_end(page, after, end)) is not None:
            after, named = passed, True
        elif not named and _names(page, after) and (after + 1 == end or _opens_word(tokens[after + 1])):
            after += 1  # a name's word: the text's first word is followed by a lower-case one
        else:
            break
    if label and after == names:
        return None
    return after, after == names


def _passed_on_end(page: FlatPage, position: int, end: int) -> int | None:
    """Where the part of a credit opening at `position` that names the agency a picture came
    through ends, else None: a photographer's name, "via" and the agency ("Jana Olsen Ipon via
    imago"), or the agency alone; the agency may be written as its web address ("via www imago
    images de"). A name counts only before "via"."""
    tokens, folded = page.tokens, page.folded
    via = position
    while via < min(end - 1, position + _VIA_NAMES) and _names(page, via):
        via += 1
    if via > position and folded[via] != "via":
        return None
    agency = via + (folded[via] == "via")
    agency += agency < end and folded[agency] == "www"
    named = agency_end(tokens, agency) if agency < end else None
    if named is None or named > end:
        return None
    return named + 1 if named < end and folded[named] in word_set("top_level_domains.txt") else named


def _opens_word(token: str) -> bool:
    """Whether `token` may follow a credit's last name: a capital, or a number (the next
    picture's in a gallery, see `gallery_counters`)."""
    return token[:1].isupper() or token.isdigit()


def gallery_counters(tokens: list[str], start: int, end: int) -> list[int]:
    """Where a gallery's pictures are numbered in tokens[start:end]: each "k n" (k at most n)
    that another "j n" follows or precedes within `_COUNTER_REACH` tokens. A caption opens
    there, with its number."""
    # Only pairs of numbers are read (flags taken in one pass), and only decimal ones: int()
    # reads no superscript ("10²" is a digit for str.isdigit).
    number = list(map(str.isdecimal, tokens[start:end]))
    numbered = [
        (at, tokens[at + 1])
        for at in compress(range(start, end - 1), map(and_, number, number[1:]))
        if 0 < int(tokens[at]) <= int(tokens[at + 1])
    ]
    return [
        at
        for at, total in numbered
        if any(other != at and abs(other - at) <= _COUNTER_REACH and n == total for other, n in numbered)
    ]


def _names(page: FlatPage, position: int) -> bool:
    """Whether the token at `position` may be a word of a name: a capital, no function word."""
    return page.tokens[position][:1].isupper() and page.folded[position] not in function_words()


def _placed_name(page: FlatPage, low: int, high: int) -> int | None:
    """Where a caption that places a person in the picture opens: the name right before the
    first position mark ("Marcell Jansen l und …") in tokens[low:high], else None."""
    tokens = page.tokens
    for position in range(low + _NAME_TOKENS, high - 1):
        name = position - _NAME_TOKENS
        if tokens[position] in _POSITIONS and all(_names(page, at) for at in range(name, position)):
            return name
    return None


def repeated_captions(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """The picture buttons in tokens[start:end] with the caption after each that the text
    prints again, as (start, end): a gallery sets the same caption under the picture and
    under its enlarged copy ("… versteckt | Vergrößern Eine runde Aussparung für die Kamera
    Renders by Rian | Aktuell …"). Without a credit label it is the repetition that shows
    where the caption ends: the run the two copies share."""
    tokens, folded, buttons = page.tokens, page.folded, phrase_index("picture_buttons.txt")
    openings = [
        (position, position + len(words))
        for position in page.listed(start, end)
        if folded[position] in buttons
        for words in buttons[folded[position]][:1]
        if tuple(folded[position : position + len(words)]) == words
    ]
    if not openings:
        return []
    found: list[tuple[int, int]] = []
    for button, opening in openings:
        # The page's repeats are looked up (`FlatPage.occurrences`), then held to the same case.
        shown = tokens[opening : opening + _REPEATED_CAPTION]
        copies = [
            at
            for at in page.occurrences(opening, _REPEATED_CAPTION)
            if at != opening
            and start <= at <= end - _REPEATED_CAPTION
            and tokens[at : at + _REPEATED_CAPTION] == shown
        ]
        if not copies or (found and button < found[-1][1]):
            continue
        shared = max(_shared_run(tokens, opening, copy, end) for copy in copies)
        found.append((button, opening + shared))
    return found


def _shared_run(tokens: list[str], first: int, second: int, end: int) -> int:
    """How many tokens the runs at `first` and `second` share before `end`."""
    length = 0
    while max(first, second) + length < end and tokens[first + length] == tokens[second + length]:
        length += 1
    return length
