"""A whole web page as text (a browser's copy, or a page converted to markdown): the article on
it, and the headline, byline and date stamp around the article.

The article is the page's main run of prose (`region`). Its headline is a heading-like line
close above the lead, the more so when a byline or date stamp stands beside it or the page
repeats it (breadcrumbs, print headers, share texts), not the first short line of the page,
which is a menu. Date stamps and bylines are read close to the headline and the lead, then
in the first and last blocks of the article, then in an author box after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from presseschau.clean.blocks import Block
from presseschau.clean.boilerplate import heads_related_content, is_interface_text, is_paywall_text
from presseschau.clean.byline import (
    Byline,
    has_byline_marker,
    initials_signature,
    is_role,
    parse_byline,
    parse_translators,
)
from presseschau.clean.captions import credit_of
from presseschau.clean.dates import Stamp, find_stamp, names_month, opening_stamp, states_time
from presseschau.clean.frame import Frame
from presseschau.clean.language import marker_words
from presseschau.clean.names import first_name_weight
from presseschau.clean.outlets import known_outlet, split_outlet_suffix
from presseschau.clean.prose import measure_text, word_tokens
from presseschau.clean.region import article_region, cut_short
from presseschau.clean.resources import word_set
from presseschau.clean.shape import HEADING_MAX_WORDS, fold_case, matching_key, more_words_than
from presseschau.clean.slugs import spelled_opening, written_addresses

# Blocks above the article searched for its head, and after it for an author box.
_HEAD_WINDOW = 20
_EDGE_BLOCKS = 6
_TAIL_WINDOW = 30
_PAYWALL_WINDOW = 3
# A byline or stamp this close to a headline candidate speaks for it.
_META_NEAR = 2
_TITLE_MIN_WORDS = 3
# What a line a browser's copy sets off by blank lines adds to a headline candidate's evidence:
# the copy does so for paragraphs and headings only, and a line short enough for a headline is
# a heading; menus, labels, kickers and bylines stand in other elements, a line each.
_SET_OFF = 4.0
# What being the page's only top-level heading adds to a headline candidate's evidence.
_TOP_HEADING = 2.0
# What a level-1 heading ending a markdown breadcrumb trail adds to its evidence: the page names
# the article as the trail's current step and marks it as its heading, two statements; a heading
# the layout sets over the byline may word it otherwise. The trail has at least this many steps.
_TRAIL_END = 2.0
_TRAIL_MIN_STEPS = 2
_NUMBERED = re.compile(r"^\d+\.\s")
# A list of other articles' titles has at least this many entries.
_LIST_MIN_ENTRIES = 3
# What each headline candidate nearer the lead costs the ones above it.
_RANK_COST = 0.1
_STAMP_FREE_WORDS = 5
_KICKER_MAX_WORDS = 6
# How common (1 … 13, data of gender-guesser) a first name is at least to open a name alone on a line.
_COMMON_FIRST_NAME = 3
# A headline candidate this long is more likely the teaser below the headline (the "dek").
_DEK_WORDS = 12
# Two headlines name one story when they share a word's opening this long (German inflects and
# compounds: "Gladbach" in "Gladbacher").
_STEM_CHARS = 5
# A line of names alone ("Anna Berger und Lukas Wendt") has at most this many characters.
_NAMES_MAX_CHARS = 60
# A line naming the author's role after the site or desk ("Fördeblatt.de Redakteur") is this short.
_ROLE_LINE_WORDS = 3
# A teaser's summary closing with its authors: a sentence's end, "Von" and the names (at most
# `_TEASER_BYLINE_CHARS` characters); above it its headline and kicker, and markdown's bracket.
_CLOSING_BYLINE = re.compile(r"[.!?…“\"]\s+(Von\s[^.!?]{3,100})$")
_TEASER_BYLINE_CHARS = 110
_TEASER_HEAD_LINES = 3
_NAME_JOINERS = frozenset({"und", "and", "&", "|", "/", ","})
# What heads an author box with the author's name ("Über Lars Sobiraj").
_ABOUT = ("Über ", "About ")
# A call to action is short; a service article addressing its reader runs in long paragraphs.
_SITE_TALK_CHARS = 160
_URL = re.compile(r"https?://|www\.|\w\.(?:de|com|at|ch|net|org)\b")
# A byline or date label alone on its line; the value stands on the next one.
_LABEL_ONLY = re.compile(
    r"^\W*(?:von|by|autor(?:in|en)?(?:\s*/\s*-?\s*(?:in|innen|autor(?:in)?))?|text|stand|datum|veröffentlicht"
    r"(?: am)?|erschienen(?: am)?|aktualisiert(?: am)?)\W*$",
    re.I,
)
# A byline's marker closing a line ("10.12.2022 18:27 von", "Kommentar von"): the names follow
# on the next one.
_LABEL_LAST = (" von", " by")
# The byline marker that opens sentences as well ("Von der Leyen will …").
_OPENING_VON = ("Von ", "By ")
# A list of names that goes on on the next line; at most this many lines are joined to one.
_LIST_GOES_ON = (",", " und", " and", " &")
_MAX_JOINED = 3
# A bullet before a byline or stamp in a list of facts ("- Autorin/Autor Roman Kowalenko");
# a number is not one: "7. März 2025" is a date.
_BULLET = re.compile(r"^\s*[-–•*·▪►]\s+")
_PART_SEPARATOR = re.compile(r"\s+[|/·•]\s+")
_MARKUP = "-*#> "
# A kicker and headline a page sets as two parts of one heading come out of its copy with a space
# before the colon ("Kiel kann's : Stadt der Segler"), as German never writes it.
_SPACED_COLON = re.compile(r"(?<=\w)\s+:(?=\s)")
# A quotation in a line: German, French and plain quotation marks.
_QUOTED = re.compile(r'„[^“”"]*[“”"]|»[^«]*«|«[^»]*»|"[^"]*"')
# A kicker the layout ran into a quoted headline with no space ("Das Ende der Fähre„Wir …“"):
# an opening quotation mark glued to a lower-case letter before it, the quotation closing the line.
_GLUED_QUOTE = re.compile(r'^([^"„“”»«]*[a-zäöüß])(„[^“”"]+[“”"]|»[^«]+«|«[^»]+»|"[^"]+")$')
# What joins the parts of a breadcrumb or a share text ("Kiel / Headline", "Headline - Kicker").
_PARTS = (" - ", " – ", " | ", " / ", " · ")
_PARTED = re.compile("|".join(re.escape(part) for part in _PARTS))
# What only a breadcrumb trail sets between its steps ("Home > Pressemitteilung: …"): an arrow, which
# no kicker uses ("»" is a German quotation mark; "/" and "|" join a kicker to its headline).
_TRAIL_ARROWS = (">", "›")
_TRAIL_STEP = re.compile(rf"\s[{''.join(_TRAIL_ARROWS)}](?:\s|$)")


@dataclass(frozen=True)
class Page:
    frame: Frame
    body: list[Block]
    furniture: tuple[str, ...]
    """The page's texts outside the article (menus, footers): where a site names itself."""
    footer: tuple[str, ...]
    """The texts after the article, where a copyright line names the site."""
    paywalled: bool
    """A paywall prompt follows the article right away: what the page shows is its opening."""


@dataclass(frozen=True)
class _Meta:
    """What one block states: a date stamp, a byline, or both."""

    stamp: Stamp | None
    byline: Byline | None
    lines: int = 1
    """The blocks it spans: a label and its value, a list of names over several lines."""


def read_page(blocks: Sequence[Block], *, now: datetime | None = None) -> Page | None:
    """The frame (headline, authors, dates) and body blocks of the article on a page, or None
    when the page holds no prose at all."""
    start, end = article_region(blocks)
    if end <= start:
        return None
    end = _before_author_box(blocks, start, end)
    metas: dict[int, _Meta] = {}
    opening = range(start, _opening_end(blocks, start, end))
    for index in _meta_range(blocks, start, end, opening):
        if index not in metas and (meta := _meta(blocks, index, now)):
            metas[index] = meta
            for following in range(index + 1, index + meta.lines):  # the name under "AUTOR/IN"
                metas[following] = meta
    opened = _headline_opens(blocks, start, end, metas)
    if opened:
        start += 1
    low = max(0, start - _HEAD_WINDOW)
    keys = [matching_key(block.text) for block in blocks]
    article = range(start, end)
    found = None if opened else _title_index(blocks, keys, low, start, metas, article)
    if found is None and not opened:
        # Rows of share buttons may fill the window: the headline stands above them.
        found = _title_index(blocks, keys, _window_past_interface(blocks, start), start, metas, article)
    title_index = start - 1 if opened else (found[1] if found else None)
    # The headline may stand further up, over a list of other articles filling the window; the
    # search for the lead and the stamp's anchor stay with the window's best line, over the text.
    headline = None if opened else _top_above_window(blocks, keys, low, metas, found, article)
    stamped = None
    if not opened:
        stamped = _headline_under_stamp(blocks, start, opening.stop, metas)
        if stamped is None:
            stamped = _headline_over_stamp(blocks, start, opening.stop, metas)
    # A subheading under the byline and stamp is shorter than the headline above them; a longer
    # one is the headline, and what the run found above it a slogan or a label.
    if stamped is not None and (
        title_index is None or more_words_than(blocks[stamped].text, _words(blocks[title_index].text))
    ):
        start = stamped + 1
        low = max(0, start - _HEAD_WINDOW)
        title_index = stamped
        headline = None
    if title_index is not None:
        for below in _under(blocks, title_index, start):
            if below not in metas and (meta := _meta(blocks, below, now, expected=True)):
                metas[below] = meta
    near = range(low, start)
    closing = range(max(start, end - _EDGE_BLOCKS), end)
    tail = range(end, min(len(blocks), end + _TAIL_WINDOW))
    areas = [near, opening, closing, tail]
    # A stamp run into the article's opening (its lead under the headline, or its first
    # paragraph) dates it before a bare date after its end (which may be a teaser's).
    first = start if title_index is None or title_index >= start else title_index + 1
    run_in = next((iso for i in range(first, start + 1) if (iso := opening_stamp(blocks[i].text))), None)
    foot = None if run_in else _foot_stamp(blocks, keys, metas, end)
    published, updated = _dates(metas, areas, start if title_index is None else title_index, foot)
    if published is None and updated is None:
        half = (start + end) // 2
        published = run_in or _bylined_stamp(blocks, opening.stop, half, now)
    byline = _byline(metas, areas)
    title = masthead = None
    headline = title_index if headline is None else headline
    if headline is not None:
        unkicked = _without_kicker(blocks[headline].text, keys)
        if unkicked is not None:
            title = unkicked
        else:
            title, masthead = split_outlet_suffix(_with_kicker(blocks, headline, min(low, headline)))
            title = _SPACED_COLON.sub(":", _punctuated(blocks, title, headline))
            title = _without_run_in_kicker(title)
        title = _without_dek(title, blocks)
    masthead = masthead or next((o for b in blocks[low:start] if (o := known_outlet(b.text))), None)
    lead = _lead_above(blocks, title_index, start, metas)
    notes = _author_notes(blocks, start, end, metas) | _bylined_teasers(blocks, start, end)
    body = [
        block
        for index, block in enumerate(blocks[start:end], start)
        if index not in metas
        and index not in notes
        # Most blocks are paragraphs longer than a call to action: one length test each.
        and (len(block.text) > _SITE_TALK_CHARS or not _site_line(block.text, keys[index]))
    ]
    if lead is not None:
        body.insert(0, blocks[lead])
    frame = Frame(
        title=title,
        authors=byline.authors or byline.agencies if byline else (),
        agencies=byline.agencies if byline and byline.authors else (),
        byline_place=byline.place if byline else None,
        published=published,
        updated=updated,
        masthead=masthead,
    )
    furniture = tuple(block.text for index, block in enumerate(blocks) if not start <= index < end)
    after = blocks[end : end + _PAYWALL_WINDOW]
    footer = tuple(block.text for block in blocks[end:])
    return Page(frame, body, furniture, footer, any(is_paywall_text(block.text) for block in after))


def _before_author_box(blocks: Sequence[Block], start: int, end: int) -> int:
    """The article's end before an author box closing it: a heading "Über" and a name ("Über
    Lars Henning") anywhere in its run, or a name alone on its line over a paragraph that opens
    with that name ("Markus Feldt" / "Markus Feldt beschäftigt sich mit …") among its last
    blocks, as no article's own text does."""
    for index in range(start + 1, end):
        text = blocks[index].text
        if text.startswith(_ABOUT) and _names_alone(text.partition(" ")[2]):
            return index
    for index in range(max(start + 1, end - _EDGE_BLOCKS), end - 1):
        name = blocks[index].text.strip()
        if blocks[index + 1].text.startswith(name + " ") and _names_alone(name):
            return index
    return end


def _site_line(text: str, key: str) -> bool:
    """A short line the site put into the article: the title of another article it cut short
    ("Bürgermeister lädt trotz Sturm zur...": a teaser's, as a link to the next article) or the
    site talking to its reader."""
    return cut_short(text) or _site_talk(text, key)


def _site_talk(text: str, key: str) -> bool:
    """A short line of the site talking to its reader inside the article ("Besuchen Sie unseren
    Fan-Shop!", "Newsletter abonnieren"): a call to action or a form's label, not the article's.
    A question to someone ("Wie sehen Sie das?") is an interviewer's; words in quotation marks
    are someone else's; a related-content heading or a paywall prompt is left for the
    boilerplate step, which cuts what follows it."""
    prose = measure_text(text)
    return (
        prose.is_site
        and not text.rstrip().endswith("?")
        and measure_text(_QUOTED.sub(" ", text)).is_site
        and not heads_related_content(key)
        and not is_paywall_text(text)
    )


def _author_notes(blocks: Sequence[Block], start: int, end: int, metas: dict[int, _Meta]) -> set[int]:
    """The notes on an author in blocks[start:end] and the names above them (a byline, or a
    name alone on its line): their role ("Redakteur in der Wirtschaft.") or a sentence their
    name opens ("Dr. Thomas Weiland" / "ist Gründungspartner der Kanzlei …")."""
    notes: set[int] = set()
    for index in range(max(start, 1), end):
        name = blocks[index - 1].text
        # Names alone are a few capitalised words: the cheap tests first, on every block.
        if len(name) > _NAMES_MAX_CHARS and index - 1 not in metas:
            continue
        above = metas.get(index - 1)
        named = above is not None and above.byline is not None
        if not named and not _capitalised(name):
            continue
        if _author_note(blocks[index].text) and (named or _names_alone(name)):
            notes.update((index - 1, index))
    return notes


def _author_note(text: str) -> bool:
    """Whether `text` under a name notes who the person is: it opens with a role ("Redakteur in
    der Wirtschaft.") or a lower-case word (the name opens the sentence), or it is a short line
    closed by a role ("Fördeblatt.de Redakteur")."""
    words = text.split()
    return bool(words) and (
        words[0][0].islower() or is_role(words[0]) or (len(words) <= _ROLE_LINE_WORDS and is_role(words[-1]))
    )


def _bylined_teasers(blocks: Sequence[Block], start: int, end: int) -> set[int]:
    """The teasers in blocks[start:end] whose summary closes with its authors ("… fordert er.
    Von Anna Berger und Lukas Wendt"), as no paragraph of an article does: the summary and the
    headline and kicker right above it."""
    teasers: set[int] = set()
    for index in range(start + 1, end):
        text = blocks[index].text.rstrip()
        # Most paragraphs hold no "Von" near their end: one substring test each.
        if " Von " not in text[-_TEASER_BYLINE_CHARS:]:
            continue
        closing = _CLOSING_BYLINE.search(text)
        byline = parse_byline(closing[1]) if closing else None
        if byline is None or not byline.authors:
            continue
        heads: list[int] = []
        for above in range(index - 1, max(start, index - _TEASER_HEAD_LINES) - 1, -1):
            prose = measure_text(blocks[above].text)
            if prose.words and not prose.heading:
                break
            heads.append(above)
        if any(measure_text(blocks[head].text).words for head in heads):
            teasers.update((index, *heads))
    return teasers


def _capitalised(text: str) -> bool:
    """Whether every word of `text` but "und" (and separators) opens with a capital, as names do."""
    return all(word[:1].isupper() or word in _NAME_JOINERS for word in text.split())


def _bylined_stamp(blocks: Sequence[Block], low: int, high: int, now: datetime | None) -> str | None:
    """The date of a line stating author and date together in blocks[low:high], the article's
    first half past its opening (whose lines were read for stamps already): a podcast's or
    video's box between the introduction and the text. Comments and teasers, which carry such
    lines too, follow the article."""
    for index in range(low, high):
        meta = _meta(blocks, index, now)
        if meta is not None and meta.stamp is not None and meta.byline is not None:
            return meta.stamp.iso
    return None


def _meta_range(blocks: Sequence[Block], start: int, end: int, opening: range) -> list[int]:
    head = range(max(0, start - _HEAD_WINDOW), opening.stop)
    return sorted({*head, *range(max(start, end - _EDGE_BLOCKS), min(len(blocks), end + _TAIL_WINDOW))})


def _opening_end(blocks: Sequence[Block], start: int, end: int) -> int:
    """Where the article's opening ends, whose lines are read for a stamp or byline: after its
    first `_EDGE_BLOCKS` blocks, or at its second paragraph of prose when pictures, ads and
    labels between the lead and the text push the byline further (at most twice as far)."""
    limit = min(end, start + 2 * _EDGE_BLOCKS)
    second = next((i for i in range(start + 1, limit) if measure_text(blocks[i].text).is_prose), limit)
    return min(end, max(start + _EDGE_BLOCKS, second + 1))


def _meta(
    blocks: Sequence[Block], index: int, now: datetime | None, *, expected: bool = False
) -> _Meta | None:
    """The stamp or byline block `index` holds, if it is a short line stating one (a label
    alone on its line, "Von" or "Stand:", states it with the next line). Beside a stamp, or
    where the layout puts one (`expected`: under the headline), names alone are a byline."""
    text = _BULLET.sub("", blocks[index].text)
    lines = 1
    while index + lines < len(blocks) and lines <= _MAX_JOINED and _continued(text):
        text = f"{text} {_BULLET.sub('', blocks[index + lines].text)}"
        lines += 1
    if measure_text(text).is_prose:
        return None
    stamp = find_stamp(text, now=now)
    if stamp is not None:
        byline = next((b for part in stamp.parts if (b := parse_byline(part, expected=True))), None)
        free = sum(_words(part) for part in stamp.parts if parse_byline(part, expected=True) is None)
        # A date among many other words dates a caption or a teaser, not the article; numbers
        # (a time the separators split off, a count of comments or minutes) are no such words.
        if free <= _STAMP_FREE_WORDS:
            return _Meta(stamp, byline, lines)
    # Plain tests of the two neighbours, no generator: asked of every line near the article's edges.
    expected = (
        expected
        or (index > 0 and find_stamp(blocks[index - 1].text, now=now) is not None)
        or (index + 1 < len(blocks) and find_stamp(blocks[index + 1].text, now=now) is not None)
    )
    if (signed := initials_signature(text)) is not None:
        return _Meta(None, signed, lines)
    if is_interface_text(text) or credit_of(text) is not None:
        return None  # a photographer's credit names people too
    for part in (text, *_PART_SEPARATOR.split(text)):
        if has_byline_marker(part) or expected:
            byline = parse_byline(part, expected=expected)
            if byline is not None:
                return _Meta(None, byline, lines)
    return None


def _words(text: str) -> int:
    """How many words of `text` hold a letter."""
    return sum(1 for word in text.split() if any(character.isalpha() for character in word))


def _under(blocks: Sequence[Block], title_index: int, start: int) -> list[int]:
    """The lines right under the headline, where a byline or stamp stands: the first
    `_META_NEAR`, past interface text ("| Lesedauer: 7 Minuten") between them."""
    found: list[int] = []
    for index in range(title_index + 1, start):
        if len(found) == _META_NEAR:
            break
        if not is_interface_text(blocks[index].text):
            found.append(index)
    return found


def _continued(text: str) -> bool:
    """Whether a line is a label whose value stands on the next line, or a byline whose list of
    names goes on there ("Von: Bill McCarthy," over "Marisha Goldhamer")."""
    end = text.rstrip()[-5:].casefold()
    return bool(
        _LABEL_ONLY.match(text)
        or end.endswith(_LABEL_LAST)
        or (end.endswith(_LIST_GOES_ON) and has_byline_marker(text))
    )


def _title_index(
    blocks: Sequence[Block],
    keys: Sequence[str],
    low: int,
    start: int,
    metas: dict[int, _Meta],
    article: range,
) -> tuple[float, int] | None:
    """The headline among blocks[low:start], above the article (`keys`: their matching keys;
    `article`: the article's blocks), and its evidence: the heading-like line with the best
    evidence (the page repeats it outside the article's text, a byline or stamp stands beside
    it, the lead follows it), nearer lines first, but for a headline over its dek (`_over_dek`)."""
    best: tuple[float, int] | None = None
    # Each candidate's evidence, and its score: the evidence less what nearer candidates cost it.
    scored: dict[int, tuple[float, float]] = {}
    rank = 0
    # Related-content headings over the candidates, and over the lists they may head.
    headings = {i for i in range(max(0, low - _HEAD_WINDOW), start) if heads_related_content(keys[i])}
    # A month and year alone ("Januar 2022") stamp the line above them as a stamp or byline does,
    # though the reading of dates takes no date from them.
    months = {i for i in range(low, min(start + _META_NEAR, len(blocks))) if names_month(blocks[i].text)}
    stamped = metas.keys() | months
    for index in range(start - 1, low - 1, -1):
        text = blocks[index].text
        if (
            index in metas
            or not _headline_like(blocks[index])
            or _in_trail(blocks, index)
            or _in_related_list(blocks, headings, index, metas)
        ):
            continue
        words = len(word_tokens(text))
        long_enough = words >= _TITLE_MIN_WORDS
        score = (1.0 if long_enough else -2.0) - (1.0 if words >= _DEK_WORDS else 0.0)
        # Byline and stamp follow the headline; one above it speaks for it less, and against
        # it when a longer headline-like line stands above them: theirs, this is a dek, a
        # label or a subheading.
        if any(0 < other - index <= _META_NEAR for other in stamped):
            score += 2
        elif (above := next((other for other in metas if 0 < index - other <= _META_NEAR), None)) is not None:
            score += -1 if _longer_above(blocks, metas, above, words) else 1
        if long_enough and not _among_labels(blocks, index, metas) and _repeated(keys, index, article):
            score += 3
        if _before_lead(blocks, keys, index, metas):
            score += 2
        if blocks[index].kind == "h":
            score += 1
        if blocks[index].set_off:
            score += _SET_OFF
        # The page's only level-1 heading: looked for over all blocks only from one of level 1.
        if blocks[index].level == 1 and index == _top_heading(blocks):
            score += _TOP_HEADING
        if blocks[index].level == 1 and _ends_trail(blocks, index):
            score += _TRAIL_END
        scored[index] = (score, score - _RANK_COST * rank)
        rank += 1
        if best is None or scored[index][1] > best[0]:
            best = (scored[index][1], index)
    if best is not None and (_over_dek(blocks, scored, best[1]) or _over_variant(blocks, scored, best[1])):
        return scored[best[1] - 1][1], best[1] - 1
    return best


def _over_dek(blocks: Sequence[Block], scored: dict[int, tuple[float, float]], index: int) -> bool:
    """Whether the headline candidate right above block `index` is the headline and block
    `index` its dek (`scored`: the candidates' evidence and score): both set off by blank lines
    (headings, in a browser's copy), the upper one shorter and with as much evidence (a stamp,
    byline or lead under the two speaks for both), and nothing in it marking a label or topic
    line (a colon, "Herausgeber: Nordex SE"; parts, "Volleyball | MTV Stuttgart"). A page
    sets its headline over its dek; a kicker over a headline stands in a line of its own, not
    set off, or is short (too short for a candidate's evidence)."""
    upper = index - 1
    text = blocks[upper].text
    return (
        upper in scored
        and scored[upper][0] >= scored[index][0]
        and blocks[index].set_off
        and blocks[upper].set_off
        and len(word_tokens(text)) < len(word_tokens(blocks[index].text))
        and ":" not in text
        and not _PARTED.search(text)
    )


def _over_variant(blocks: Sequence[Block], scored: dict[int, tuple[float, float]], index: int) -> bool:
    """Whether the candidate right above block `index` is the headline and block `index` a
    second one the page sets under it (`scored`: the candidates): both set off by blank lines
    (headings, in a browser's copy) and each a whole headline behind its kicker ("Kicker:
    Headline"). A page may name its article twice: its `<h1>`, the title its metadata and
    address name, and under it a variant for display over the text, which its teasers and
    share texts repeat (so it has the more evidence). The `<h1>` comes first, and html and
    markdown, which see the levels, read it as the headline. A topic line holding parts over a
    headline ("Spezial: Fußball – Bundesliga live") is a label, not a headline; the last title
    of a list of other articles over the headline tells another story."""
    upper = index - 1
    return (
        upper in scored
        and blocks[upper].set_off
        and blocks[index].set_off
        and _kicked(blocks[upper].text)
        and _kicked(blocks[index].text)
        and not _PARTED.search(blocks[upper].text)
        and _same_story(blocks[upper].text, blocks[index].text)
    )


def _kicked(text: str) -> bool:
    """Whether `text` is a headline behind a kicker and its colon: at most `_KICKER_MAX_WORDS`
    words before the colon, at least `_TITLE_MIN_WORDS` after it."""
    kicker, colon, rest = text.partition(":")
    return (
        bool(colon and kicker.strip())
        and not more_words_than(kicker, _KICKER_MAX_WORDS)
        and more_words_than(rest, _TITLE_MIN_WORDS - 1)
    )


def _same_story(text: str, other: str) -> bool:
    """Whether two headlines share a word, inflection and compounding aside: its first
    `_STEM_CHARS` letters ("Gladbach" and "Gladbacher", "Pflaster" and "Pflastersteine")."""
    return not _stems(text).isdisjoint(_stems(other))


def _stems(text: str) -> set[str]:
    return {word[:_STEM_CHARS].casefold() for word in word_tokens(text) if len(word) >= _STEM_CHARS}


def _top_above_window(
    blocks: Sequence[Block],
    keys: Sequence[str],
    low: int,
    metas: dict[int, _Meta],
    found: tuple[float, int] | None,
    article: range,
) -> int | None:
    """The page's only top-level heading (markdown's "#") when it stands at most a window's
    length above the head window (from block `low`) with better evidence than the window's
    best line (`found`; `article`: the article's blocks): a list of other articles' headings
    between it and the article's text filled the window."""
    # Most pages have no level-1 heading there: a look at the blocks above the window first.
    if not any(block.level == 1 for block in blocks[max(0, low - _HEAD_WINDOW) : low]):
        return None
    top = _top_heading(blocks)
    if top is None or not low - _HEAD_WINDOW <= top < low:
        return None
    alone = _title_index(blocks, keys, top, top + 1, metas, article)
    return top if alone is not None and (found is None or alone[0] > found[0]) else None


def _ends_trail(blocks: Sequence[Block], index: int) -> bool:
    """Whether block `index` follows a breadcrumb trail a markdown page set as a numbered list
    of links ("1. [Home](/)" / "2. [Wirtschaft](/wirtschaft/)"), as its current step."""
    return index >= _TRAIL_MIN_STEPS and all(
        blocks[step].kind == "li" and blocks[step].links > 0.5 and _NUMBERED.match(blocks[step].text)
        for step in range(index - _TRAIL_MIN_STEPS, index)
    )


def _window_past_interface(blocks: Sequence[Block], start: int) -> int:
    """Where a head window of `_HEAD_WINDOW` blocks above block `start` opens when interface
    texts (share buttons, "Teilen" / "Twittern" / "Mail") do not count."""
    counted = 0
    low = start
    while low > 0 and counted < _HEAD_WINDOW:
        low -= 1
        counted += not is_interface_text(blocks[low].text)
    return low


def _top_heading(blocks: Sequence[Block]) -> int | None:
    """The page's only heading of level 1, where the input states levels (markdown's "# …"):
    a page converted to markdown marks its headline so, its dek and subheadings a level lower.
    A page with several marks its site's name or its teasers so as well."""
    tops = [index for index, block in enumerate(blocks) if block.level == 1]
    return tops[0] if len(tops) == 1 else None


def _in_trail(blocks: Sequence[Block], index: int) -> bool:
    """Whether block `index` is a step of a breadcrumb trail the copy set one step a line, with
    the arrows between the steps on lines of their own ("Formel 1" / ">" / "Formel 1-News")."""
    return any(
        0 <= other < len(blocks) and blocks[other].text.strip() in _TRAIL_ARROWS
        for other in (index - 1, index + 1)
    )


def _in_related_list(
    blocks: Sequence[Block], headings: set[int], index: int, metas: dict[int, _Meta]
) -> bool:
    """Whether block `index` is one of at least `_LIST_MIN_ENTRIES` teaser titles under a
    related-content heading (`headings`: where they stand; "Mehr zum Thema" over lines of a few
    words each, no byline, stamp or paragraph between): a page may set such a list right above
    the article's text, where the headline would stand; the heading itself is no headline
    either. Topic labels ("Themen" over "Ukraine", "MZ") are no such list: a headline may
    follow them."""
    if index in headings:
        return True
    if not headings:  # most pages: no list above the article
        return False
    heading = next(
        (
            above
            for above in range(index - 1, max(-1, index - _HEAD_WINDOW), -1)
            if above in headings or not _teaser_title(blocks, above, metas)
        ),
        -1,
    )
    if heading not in headings:
        return False
    # The entries run on below block `index` too: the first line that is none ends the list.
    end = min(len(blocks), index + _HEAD_WINDOW)
    last = next((below for below in range(index + 1, end) if not _teaser_title(blocks, below, metas)), end)
    return last - heading > _LIST_MIN_ENTRIES


def _teaser_title(blocks: Sequence[Block], index: int, metas: dict[int, _Meta]) -> bool:
    """Whether block `index` could be an entry of a list of other articles' titles: a line of
    a few words, no byline or stamp."""
    text = blocks[index].text
    return (
        index not in metas
        and more_words_than(text, _TITLE_MIN_WORDS - 1)
        and not more_words_than(text, HEADING_MAX_WORDS)
    )


def _among_labels(blocks: Sequence[Block], index: int, metas: dict[int, _Meta]) -> bool:
    """Whether block `index` stands between two short labels (no byline or stamp): an entry of
    a menu, which the page may well show again in another one; a headline has a kicker above
    it at most, and its byline, stamp, teaser or text below it."""
    return all(
        0 <= other < len(blocks)
        and other not in metas
        and len(word_tokens(blocks[other].text)) < _TITLE_MIN_WORDS
        for other in (index - 1, index + 1)
    )


def _longer_above(blocks: Sequence[Block], metas: dict[int, _Meta], meta: int, words: int) -> bool:
    """Whether a headline-like line of more than `words` words stands above the byline and
    stamp lines that end at block `meta`: right above them, or over the picture's credit and
    the dek a page may set between its headline and its stamp (headline / dek / picture /
    stamp), where a subheading opening the text stands under the stamp."""
    above = meta
    while above in metas or (above >= 0 and credit_of(blocks[above].text) is not None):
        above -= 1
    if above >= 0 and measure_text(blocks[above].text).is_prose:  # the dek, one paragraph
        above -= 1
    return above >= 0 and _headline_like(blocks[above]) and len(word_tokens(blocks[above].text)) > words


def _lead_above(
    blocks: Sequence[Block], title_index: int | None, start: int, metas: dict[int, _Meta]
) -> int | None:
    """The lead when bylines, stamps, share buttons or a picture part it from the article's
    text: the first paragraph of prose after the headline."""
    if title_index is None:
        return None
    return next(
        (
            i
            for i in range(title_index + 1, start)
            if i not in metas and measure_text(blocks[i].text).is_prose
        ),
        None,
    )


def _before_lead(blocks: Sequence[Block], keys: Sequence[str], index: int, metas: dict[int, _Meta]) -> bool:
    """Whether running text follows block `index`, past bylines and stamps, other than the text
    of a box the page shows twice, heading and text ("Zentralkomitee der …" over its portrait
    of the committee): an article's headline and lead stand together once."""
    following = index + 1
    while following in metas:
        following += 1
    return (
        following < len(blocks)
        and measure_text(blocks[following].text).is_prose
        and not _shown_twice_over(keys, index, following)
    )


def _shown_twice_over(keys: Sequence[str], index: int, following: int) -> bool:
    """Whether the page shows line `index` again with line `following` under it (a box shown
    twice). Each other showing is found by `list.index`, a scan in C: pages run to thousands of
    lines."""
    key, under = keys[index], keys[following]
    other = -1
    while True:
        try:
            other = keys.index(key, other + 1)
        except ValueError:
            return False
        if other != index and other + 1 < len(keys) and keys[other + 1] == under:
            return True


def _headline_opens(blocks: Sequence[Block], start: int, end: int, metas: dict[int, _Meta]) -> bool:
    """Whether the article's first block is its headline, which the prose measure took for a
    sentence ("Wir machen dann mal Schluss (und dieser Titel auch bald! Oder?)"): a heading-like
    line with no full stop over the lead, and the byline or stamp under that, as headlines stand.
    A lead closing with a question stands over the article's text, not over its byline."""
    return (
        start + _META_NEAR < end
        and start + 1 not in metas
        and start + _META_NEAR in metas
        and _headline_like(blocks[start], sentence=True)
        and measure_text(blocks[start + 1].text).is_prose
    )


def _headline_under_stamp(
    blocks: Sequence[Block], start: int, stop: int, metas: dict[int, _Meta]
) -> int | None:
    """The headline inside the article's opening (blocks[start:stop]) where a teaser of it, its
    picture and labels stand above: a heading-like line right under the date stamp and over the
    text's first paragraph, with no paragraph of prose between it and the teaser opening the run."""
    for index in range(start + 2, min(stop, len(blocks) - 1)):
        if measure_text(blocks[index - 1].text).is_prose:
            return None
        meta = metas.get(index - 1)
        if (
            meta is not None
            and meta.stamp is not None
            and index not in metas
            and _headline_like(blocks[index])
            and measure_text(blocks[index + 1].text).is_prose
        ):
            return index
    return None


def _headline_over_stamp(
    blocks: Sequence[Block], start: int, stop: int, metas: dict[int, _Meta]
) -> int | None:
    """The headline inside the article's opening (blocks[start:stop]) where the run took in a
    teaser's summary or a picture's caption above it: a heading (set off by blank lines in a
    browser's copy, marked in markdown) of at least `_TITLE_MIN_WORDS` words over its date stamp
    (a month and year alone will do), with at most a topic line between, and the stamp over the
    text's first paragraph, as a headline stands and a subheading in the text does not."""
    for index in range(start, min(stop, len(blocks) - _META_NEAR - 1)):
        block = blocks[index]
        # The cheap tests first: most openings hold no stamp under a heading.
        if not (block.set_off or block.kind == "h") or index in metas:
            continue
        if not any(
            _dated(blocks, metas, stamp) and measure_text(blocks[stamp + 1].text).is_prose
            for stamp in range(index + 1, index + _META_NEAR + 1)
        ):
            continue
        if len(word_tokens(block.text)) >= _TITLE_MIN_WORDS and _headline_like(block):
            return index
    return None


def _dated(blocks: Sequence[Block], metas: dict[int, _Meta], index: int) -> bool:
    """Whether block `index` is a date stamp, or a month and year alone ("Januar 2022")."""
    meta = metas.get(index)
    return (meta is not None and meta.stamp is not None) or names_month(blocks[index].text)


def _headline_like(block: Block, *, sentence: bool = False) -> bool:
    """Short, not closed by a full stop, no link, menu label, credit, byline or address, and
    not prose unless `sentence` or a heading (a headline may read as a sentence). Two sentences
    are allowed ("Diese Kieler! Zwei Siege an einem Tag!"). A heading may be a link: a
    markdown page's headline links to the page itself (a permalink)."""
    text = block.text.strip()
    linked = block.links > 0.5 and block.kind != "h"
    # A bullet opens a list's item, also where a page sets one as a heading ("### - Gemeinsam …").
    listed = block.kind == "li" or _BULLET.match(text) is not None
    if not text or listed or linked or more_words_than(text, HEADING_MAX_WORDS):
        return False
    # Headlines, German or English, capitalise a word at least; menus of codes ("eic kyf") and
    # rows of numbers (a timeline's years "1945 1960 1980") do not.
    if not any(character.isupper() for character in text):
        return False
    if is_interface_text(text) or credit_of(text) is not None or _URL.search(text):
        return False
    # A label ("Autor: …") marks a byline; "Von" may open a headline too ("Von der Leyen will …"),
    # which does not read as a byline.
    if has_byline_marker(text) and (not text.startswith(_OPENING_VON) or parse_byline(text) is not None):
        return False
    # A breadcrumb trail may end in the headline ("Home > Pressemitteilung: Effiziente …").
    if _TRAIL_STEP.search(text):
        return False
    prose = measure_text(text)
    if text.endswith((".", ",", ";")) or (prose.is_prose and not (sentence or block.kind == "h")):
        return False
    # The site talks to its readers ("Jetzt registrieren"); a quote in a headline may too
    # ("„Niemand glaubt Euch“"): words in quotation marks are someone else's.
    if prose.is_site and measure_text(_QUOTED.sub(" ", text)).is_site:
        return False
    # A stamp the meta reading could not date ("Stand: 20:03 Uhr", "vor 3 Stunden" with no
    # fetch time) or a translator's credit stands where the byline does, right above the lead.
    if states_time(text) or parse_translators(text):
        return False
    return not _names_alone(text)


def _names_alone(text: str) -> bool:
    """A line of nothing but people's names ("Julia Kessin | Clare Dunn") is a byline, not a
    headline; rare first names ("Titel der Meldung") do not count."""
    byline = parse_byline(text, expected=True)
    if not byline or not byline.authors:
        return False
    named = sum(len(name.split()) for name in byline.authors)
    words = [word for word in word_tokens(text) if word.casefold() not in ("und", "and")]
    return named == len(words) and all(
        first_name_weight(name.split()[0]) >= _COMMON_FIRST_NAME for name in byline.authors
    )


def _repeated(keys: Sequence[str], index: int, article: range) -> bool:
    """Whether the page shows line `index` elsewhere, alone or as the most of a longer line
    (a breadcrumb, a print header "Headline - Site"), on its own: not inside the article's text
    (`article`: its blocks), where a table of contents above the text shows its subheadings again
    ("Inhalt" over "Woraus besteht Kunstschnee?", a heading further down), not as one line of a block the
    page shows twice (a menu for phones and one for desktops), where a line beside the other
    showing is the line beside this one, nor as the first entry of a list of related content
    ("Ähnliche Themen" over the topic's link the page set above the headline too). A teaser
    list's entry for the article may cut its headline short at a word ("„Pure Leere“: Marita
    Kramer verpasst Olympische Spiele" for "… Spiele in Peking"): by a third at most, it shows it."""
    key = keys[index]
    return any(
        other != index
        and other not in article
        and (
            keys[other] == key
            or (key in keys[other] and 2 * len(key) >= len(keys[other]))
            or (2 * len(key) <= 3 * len(keys[other]) < 3 * len(key) and key.startswith(keys[other] + " "))
        )
        and not _same_neighbour(keys, index, other)
        and not (other > 0 and heads_related_content(keys[other - 1]))
        for other in range(len(keys))
    )


def _same_neighbour(keys: Sequence[str], index: int, other: int) -> bool:
    """Whether the line before or after `index` is the line before or after `other` (one with
    words: lone separators, "›" or "|", stand beside anything)."""
    return any(
        0 <= index + step < len(keys)
        and 0 <= other + step < len(keys)
        and keys[index + step] != ""
        and keys[index + step] == keys[other + step]
        for step in (-1, 1)
    )


def _with_kicker(blocks: Sequence[Block], index: int, low: int) -> str:
    """The headline, joined to a kicker line above it that ends with a colon, or whose colon
    the layout moved to the headline's line ("Kiel kann's" / ": Stadt der …")."""
    text = blocks[index].text.strip()
    above = blocks[index - 1].text.strip() if index - 1 >= low else ""
    colon = above.endswith(":") or text.startswith(":")
    if colon and _headline_like(blocks[index - 1]) and not is_interface_text(above):
        return f"{above} {text}" if above.endswith(":") else f"{above}{text}"
    return text


def _without_kicker(text: str, keys: Sequence[str]) -> str | None:
    """The headline without the kicker the layout ran into its line unpunctuated ("Alte
    Fähre im Hafen Stadt sucht einen Käufer"), where the page shows the rest on its
    own or as one part of a longer line (a breadcrumb "… / Headline", a share text "Headline -
    Kicker"; `keys`: the matching keys of the page's blocks). A kicker set off by a colon is
    part of the headline as the site writes it, unless the colon is spaced off ("Neue Wege :
    Hafenstadt plant …"), as German never writes it: the layout set the two as elements of
    their own. A kicker glued to a quoted headline is cut off by that alone: German sets a
    space before an opening quotation mark."""
    glued = _GLUED_QUOTE.match(text.strip())
    if glued and not more_words_than(glued[1], _KICKER_MAX_WORDS):
        return glued[2]
    words = text.split()
    whole = matching_key(text)
    # Only lines that hold the headline's last word can show its rest: one substring test each.
    last = matching_key(words[-1]) if words else ""
    keys = [key for key in keys if last in key] if last else []
    for cut in range(1, min(_KICKER_MAX_WORDS, len(words) - _TITLE_MIN_WORDS) + 1):
        if words[cut] == ":":  # a colon spaced off: kicker and headline were two elements
            continue
        if (":" in words[cut - 1] and words[cut - 1] != ":") or not words[cut][0].isalnum():
            break
        rest = " ".join(words[cut:])
        key = matching_key(rest)
        ends = tuple(key + part for part in _PARTS), tuple(part + key for part in _PARTS)
        for other in keys:
            if whole not in other and (other == key or other.startswith(ends[0]) or other.endswith(ends[1])):
                return rest
    return _without_kicker_after(words, keys)


def _without_run_in_kicker(title: str) -> str:
    """The headline without a kicker the layout ran into its line with no punctuation, where
    a word capitalised only at a German sentence's start opens the headline
    (data/sentence_openers.txt: "Adblue nachfüllen So wird Adblue richtig angewendet"): at most
    `_KICKER_MAX_WORDS` words before it, at least `_TITLE_MIN_WORDS` from it on, and German
    after it (a function word only German has, data/language_markers.tsv): an English
    headline capitalises its words ("Not So Fast for the Harbour Plans")."""
    words = title.split()
    openers = word_set("sentence_openers.txt")
    for cut in range(1, min(_KICKER_MAX_WORDS, len(words) - _TITLE_MIN_WORDS) + 1):
        word = words[cut]
        if (
            words[cut - 1][-1].isalnum()
            and word[0].isupper()
            and word[1:].islower()
            and word.casefold() in openers
        ):
            rest = " ".join(words[cut:])
            german = marker_words("de")
            return rest if any(fold_case(token) in german for token in word_tokens(rest)[1:]) else title
    return title


def _without_dek(title: str, blocks: Sequence[Block]) -> str:
    """The headline without the dek the layout ran into its line unpunctuated ("Neue Wege am
    Hafen Die Stadt plant …"), where the address of a link on the page (its permalink among
    them; a text copy has no links, but may write the page's address out) spells the headline
    alone: the words it spells, when at least `_TITLE_MIN_WORDS` words follow them with no
    punctuation between (a colon or dash after them marks a kicker, not the end of the headline)."""
    words = title.split()
    if len(words) < 2 * _TITLE_MIN_WORDS:  # too short for headline and dek: no address read
        return title
    addresses = (address for block in blocks for address in (*block.targets, *written_addresses(block.text)))
    count = spelled_opening(title, addresses)
    if count < _TITLE_MIN_WORDS or len(words) - count < _TITLE_MIN_WORDS:
        return title
    if not (words[count - 1][-1].isalnum() and words[count][0].isalnum()):
        return title
    return " ".join(words[:count])


def _without_kicker_after(words: list[str], keys: Sequence[str]) -> str | None:
    """The headline without a kicker the layout set after it ("Jana Roth ist neue
    Hafenmeisterin „Mehr Platz schaffen“"), where the page shows the two the other way round as
    two parts of one line ("„Mehr Platz schaffen“ / Jana Roth ist …", a breadcrumb's last step)."""
    # Lines of two parts whose second opens as the headline does, in words; most pages have none.
    opening = matching_key(words[0])
    parted = [
        (word_tokens(parts[0]), word_tokens(parts[1]))
        for key in keys
        if opening in key and len(parts := _PARTED.split(key)) == 2 and parts[1].startswith(opening)
    ]
    if not parted:
        return None
    for cut in range(1, min(_KICKER_MAX_WORDS, len(words) - _TITLE_MIN_WORDS) + 1):
        head, kicker = (word_tokens(matching_key(" ".join(part))) for part in (words[:-cut], words[-cut:]))
        # The breadcrumb's steps may stand before the kicker on its line ("Beginn > Laien > …").
        if kicker and any(first[-len(kicker) :] == kicker and second == head for first, second in parted):
            return " ".join(words[:-cut])
    return None


def _punctuated(blocks: Sequence[Block], title: str, index: int) -> str:
    """The headline (block `index`) as the page writes it in full elsewhere: with the colon
    the layout left out between kicker and headline ("Bei Protesten 2022 Bericht: …" → "Bei
    Protesten 2022: Bericht: …"), or behind a kicker in a page header above it
    ("Landtagswahl in Thüringen: " + headline); below it, a kicked form is a teaser's or a
    share text's, the headline as it stands is the site's own."""
    words = word_tokens(title)
    for number, block in enumerate(blocks):
        # The markers of a markdown list item or heading the reader left on a line ("- ## …").
        text = block.text.strip().lstrip(_MARKUP)
        if ":" not in text or text == title or more_words_than(text, HEADING_MAX_WORDS + _KICKER_MAX_WORDS):
            continue
        if word_tokens(text) == words:
            return text
        kicker, colon, rest = text.partition(":")
        if (
            colon
            and number < index
            and rest.strip() == title
            and not more_words_than(kicker, _KICKER_MAX_WORDS)
            and not is_interface_text(kicker)  # a breadcrumb's label: "Sie sind hier: …"
            and not _TRAIL_STEP.search(kicker)  # a breadcrumb's steps: "Home > Pressemitteilung: …"
        ):
            return text
    return title


def _dates(
    metas: dict[int, _Meta], areas: Sequence[range], anchor: int, foot: int | None
) -> tuple[str | None, str | None]:
    """(published, updated) from the first area holding a stamp: a labelled stamp first
    ("Veröffentlicht am …" over an audio player's date), then the one nearest the headline
    (`anchor`; bylines and stamps between them count as one line: they stand together), of
    two as near the one below it, where stamps stand (the one above dates the site's header).
    After the article (the last area) only a stamp with a label or a byline counts, or the bare
    date at its foot (`foot`, see `_foot_stamp`): teasers there carry dates of their own."""
    for number, area in enumerate(areas):
        found = [
            (not meta.stamp.labelled, _gap(metas, i, anchor), i < anchor, meta.stamp)
            for i in area
            if (meta := metas.get(i))
            and meta.stamp
            and (number < len(areas) - 1 or meta.stamp.labelled or meta.byline or i == foot)
        ]
        if found:
            ranked = [stamp for *_, stamp in sorted(found, key=lambda item: item[:3])]
            published = next((stamp.iso for stamp in ranked if not stamp.updated), None)
            updated = next((stamp.iso for stamp in ranked if stamp.updated), None)
            return published, updated
    return None, None


def _gap(metas: dict[int, _Meta], index: int, anchor: int) -> int:
    """How far block `index` stands from block `anchor`, in lines other than bylines and stamps."""
    low, high = sorted((index, anchor))
    return 1 + sum(1 for between in range(low + 1, high) if between not in metas)


def _foot_stamp(
    blocks: Sequence[Block], keys: Sequence[str], metas: dict[int, _Meta], end: int
) -> int | None:
    """The article's own stamp at its foot: the first stamp after it, a date with no words
    beside it, before any prose or related-content heading (a teaser's date follows those)."""
    for index in range(end, min(len(blocks), end + _EDGE_BLOCKS)):
        stamp = metas[index].stamp if index in metas else None
        if stamp is not None:
            return index if not any(_words(part) for part in stamp.parts) else None
        if heads_related_content(keys[index]) or measure_text(blocks[index].text).is_prose:
            return None
    return None


def _byline(metas: dict[int, _Meta], areas: Sequence[range]) -> Byline | None:
    """The byline of the first area holding one: above the article the one nearest its start,
    after that the first."""
    for number, area in enumerate(areas):
        bylines = [byline for i in area if i in metas and (byline := metas[i].byline)]
        if bylines:
            return bylines[-1] if number == 0 else bylines[0]
    return None
