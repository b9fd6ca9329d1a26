"""The headline of a flattened page: the run near the article's start that the page prints
again (in breadcrumbs, share texts, print headers), and where it opens when the copy starts
inside it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from presseschau.clean.dates import flat_label_start
from presseschau.clean.flat_bylines import BYLINE_OPENERS
from presseschau.clean.flat_page import MIN_TITLE_TOKENS, FlatPage
from presseschau.clean.flat_tokens import Span
from presseschau.clean.resources import function_words, phrase_set, word_set

# The longest headline.
_MAX_TITLE_TOKENS = 20
# The headline is looked for this many tokens before and into what reads as the article's
# first prose (menus, stamps and bylines between cost nothing); a headline's usual length (three
# in four of the corpus' gold titles are no longer: a longer run, a print line or a teaser with
# its lead, weighs no more for its size), and what each token between it and the lead costs.
_TITLE_BEFORE, _TITLE_INTO = 120, 25
_TITLE_TYPICAL, _TITLE_DISTANCE_COST = 10, 0.5
# A repeated run holding this many one-word interface labels is a row of them (a menu: "Sprache
# wählen Suche Kontakt Newsletter"), not a headline; one may be a headline's word ("Video").
_MENU_LABELS = 2
# Two page elements printed without a space between ("WissenschaftGlobal", "HomeNews"): a
# lower-case word's end glued to a capitalised word (shorter runs are brands: "iPhone", "YouTube").
_GLUED = re.compile(r"[a-zäöüß]{3}[A-ZÄÖÜ][a-zäöüß]{2}")
# Breadcrumb ends no headline word is: an article's number (five digits or more: years have
# four, amounts are printed in groups of three), a word shouted in capitals (a credit, a
# menu: "ZURÜCKBLÄTTERN"; acronyms are shorter), a word in another script (a language menu):
# one pattern, one call a token.
_ARTICLE_NUMBER = re.compile(r"\d{5,}")
_BREADCRUMB_END = re.compile(rf"{_ARTICLE_NUMBER.pattern}|[A-ZÄÖÜ]{{5,}}|[^\W\d_a-zA-Z\u00c0-\u024f]+")
# A headline the page prints once is looked for this many tokens before the article's start.
_ONCE_BEFORE = 3 * _MAX_TITLE_TOKENS
# The longest kicker of capitalised words set before a headline printed once ("Thema Corona").
_KICKER_TOKENS = 3
# Past this share of lower-case words a run is prose (a sentence of the text), not a headline,
# whose nouns and names are capitalised (in the corpus' gold titles the share stays below).
_PROSE_SHARE = 0.8
# The most words of a site's name before its domain in the site's address ("uncut news ch").
_ADDRESS_NAME_TOKENS = 2
# The most words of the name a site's rights line gives between its year and its notice
# ("2025 Kieler Hafenblatt Alle Rechte vorbehalten"); a year has four digits.
_RIGHTS_NAME_TOKENS = 3
_YEAR = re.compile(r"\d{4}")
# A menu row: this many capitalised words or more in a row that are no function words
# ("Startseite Politik Wirtschaft Kultur Sport"); running text, teasers and headlines say
# something of what they name, in lower case, and so break such a row sooner.
_MENU_ROW = re.compile(rb"\x01{5,}")
# A repeat scoring below this stands further from the article's start (and its stamp and
# byline) than twice its length plus a longest headline's (each token between costs
# `_TITLE_DISTANCE_COST`): a menu or a teaser, where the page prints a headline once nearer.
_FAR_REPEAT = -_TITLE_TYPICAL
# A stamp or byline this few tokens after (or before) a headline candidate speaks for it.
_META_GAP, _META_BONUS = 3, 4.0


def headline(page: FlatPage, cuts: list[Span], start: int, heads: list[int]) -> tuple[int, int] | None:
    """(start, end) of the headline: a run of tokens around the article's start that the page
    shows again elsewhere (breadcrumbs, share texts, print headers), as long as the two copies
    agree (both ways), holding a lower-case word (a verb, an adjective) as headlines do and
    menus do not, and no menu phrase, stamp or byline; the text after it does not go on in
    lower case (`_runs_on`: a run inside a lead that a teaser repeats does). A stamp or byline
    right after it (or right before, under a kicker) speaks for it, and so does its copy right
    beside it (printed twice in a row); nearer the start, or nearer one of `heads` (where the
    article's stamp and byline start), is better; stamps and bylines between cost nothing.
    Where the copy was cut short, the headline runs on past it (see `_headline_opening`,
    `_cut_short_end`, `_run_on_copy`, `_glued_opening` and `_after_glued_navigation`); where
    it took in the breadcrumb's end, it opens after that (`_after_breadcrumb_end`), and after
    a kicker the page leaves out of another copy (`_after_kicker`); where it is the tail of
    the headline printed once after a breadcrumb, it opens with that run; where it is a topic
    link over a headline of capitalised words printed once, it is that headline
    (`_after_topic`). A page that repeats no such run, or only a row of interface labels,
    may print its headline once (`_printed_once`; so may a page whose repeat stands far from
    the article, where that run ends at the article's stamp or byline: `_FAR_REPEAT`), after
    the breadcrumb links its menu holds (`_after_menu_words`); a page with no headline before
    the article's stamp and byline may set it right under them (repeated, or printed once: see
    there), and a page with none of these may print it twice in a row opening in lower case (a
    forum post's subject)."""
    cut = bytearray(len(page.tokens))  # 1 where a cut covers the token, set span by span in C
    for span in cuts:
        cut[span.start : span.end] = b"\x01" * (span.end - span.start)
    meta = [span for span in cuts if span.kind in ("stamp", "byline")]
    meta_starts, meta_ends = {span.start for span in meta}, {span.end for span in meta}
    meta_bounds = (meta_starts, meta_ends)
    words = function_words()
    folded = page.folded
    # Before a stamp or byline, a headline and its kicker stand within two headlines' length;
    # the stretches between (a gallery, a teaser list) are not searched.
    windows = [
        (start - _TITLE_BEFORE, start + _TITLE_INTO),
        *((head - 2 * _MAX_TITLE_TOKENS, head) for head in heads),
    ]
    best = _best_repeat(page, cut, meta_bounds, start, heads, windows)
    # Where the stamps (with their labels: "Veröffentlicht am") and bylines open.
    head_starts = {_stamp_opening(page.tokens, cut, s.start) if s.kind == "stamp" else s.start for s in meta}
    menu = best is not None and _is_menu(page, best)
    far = best is not None and not menu and best[0] < _FAR_REPEAT
    if best is None or menu or far:
        # A menu the page repeats yields to a headline printed once, where there is one; so
        # does a repeat far from the article, to one that ends where its stamp or byline opens
        # and does not follow a sentence's last word (a dek's second sentence does).
        once = _printed_once(page, cut, words, (head_starts, meta_ends), start)
        if far and once and not _placed_as_headline(page, cut, once, head_starts):
            once = None
        if once is None and best is None:
            # Nothing before the article's stamp and byline is a headline: it may stand
            # right under them, where the page repeats it.
            under = [(head, head + _MAX_TITLE_TOKENS) for head in heads]
            best = _best_repeat(page, cut, meta_bounds, start, heads, under)
            best = None if best and _is_menu(page, best) else best
            # Nor there: it may open in lower case (a forum post's subject, set by its writer;
            # a brand: "iPhone 16 …") where the page prints it twice in a row, as a thread's
            # title and its first post's subject are.
            best = best or _best_repeat(page, cut, meta_bounds, start, heads, windows, lower=True)
        if once or best is None:
            return (_after_menu_words(page, *once), once[1]) if once else None
    _, begin, size, other = best
    run_on = _run_on_copy(page.tokens, page.label_words, cut, head_starts, begin, size, other)
    if run_on:
        return _after_kicker(page, cut, run_on[0], run_on[0], run_on[1])
    opening = _glued_opening(folded, cut, begin, other)
    end = _cut_short_end(page.tokens, folded, cut, words, meta_starts, opening, begin + size)
    opening = _after_breadcrumb_end(page.tokens, _headline_opening(page.tokens, cut, opening, end), end)
    if end in head_starts:
        opening = _after_glued_navigation(page.tokens, page.label_words, cut, opening, end)
        wider = _printed_before_tail(page, cut, (head_starts, meta_ends), start, opening, end)
        if wider < opening:
            return wider, end
    return _after_topic(page, cut, start, *_after_kicker(page, cut, opening, begin, end))


def _placed_as_headline(page: FlatPage, cut: bytearray, once: tuple[int, int], head_starts: set[int]) -> bool:
    """Whether the run printed once, tokens[once[0]:once[1]], ends where a stamp or byline opens
    and follows no sentence's last word (a word in lower case outside cuts): after a menu, a
    cut or the page's start, where headlines stand, not after a text it would go on from."""
    begin = once[0]
    after_text = begin > 0 and not cut[begin - 1] and page.initials[begin - 1].islower()
    return once[1] in head_starts and not after_text


def _stamp_opening(tokens: list[str], cut: bytearray, start: int) -> int:
    """Where the stamp starting at `start` opens with its label (`flat_label_start`: "Stand",
    "Veröffentlicht am"): a label in lower case goes on from the capitalised word before it,
    which names what the stamp dates ("Übersetzung veröffentlicht am", "Beitrag erstellt am"),
    and so opens there; no headline ends in the subject of a label's verb."""
    opening = flat_label_start(tokens, start)
    if 0 < opening < start and tokens[opening][:1].islower() and tokens[opening - 1][:1].isupper():
        return opening if cut[opening - 1] else opening - 1
    return opening


def _after_topic(page: FlatPage, cut: bytearray, start: int, begin: int, end: int) -> tuple[int, int]:
    """Where the headline stands when the repeated run tokens[begin:end] is the topic link
    above it ("Segeln auf der Förde", linked again in a topic list further down): the headline
    is the run printed once right after it, up to where the text opens with a sentence
    (`start` at a capitalised function word), made of capitalised words and numbers only, as
    headlines of nouns and names are ("Kieler Woche 2025 Bilanz Sieger Rekorde"); a dek or the
    lead's first sentence says something in lower case. (begin, end) where no such run
    stands there, or where a cut or an interface label parts it."""
    rest = page.tokens[end:start]
    if (
        MIN_TITLE_TOKENS <= len(rest) <= _MAX_TITLE_TOKENS
        and not cut.count(1, end, start)
        and not page.label_words.count(1, end, start)
        and all(token[:1].isupper() or token.isdigit() for token in rest)
        and page.opens_sentence(start)
    ):
        return end, start
    return begin, end


def _printed_before_tail(
    page: FlatPage, cut: bytearray, meta: tuple[set[int], set[int]], start: int, opening: int, end: int
) -> int:
    """Where the headline ending at `end` (at the article's stamp or byline) opens when its
    repeated part, from `opening`, is only its tail, which the lead copies ("Eric Frenzel und
    …", run on to the byline): where the run printed once that ends there too opens right
    after the breadcrumb's end (`_after_breadcrumb_end`: "Sport Segeln | Segeln Kieler Crew
    …"); `opening` where no such run stands, or where the repeat opens at a capitalised
    function word ("Was bringen …"), as a headline phrased as a sentence does."""
    if page.opens_sentence(opening):
        return opening
    once = _printed_once(page, cut, function_words(), meta, start)
    if once is None or once[1] != end:
        return opening
    wider = _after_breadcrumb_end(page.tokens, once[0], end)
    return wider if once[0] < wider < opening else opening


def _is_menu(page: FlatPage, repeat: tuple[float, int, int, int]) -> bool:
    """Whether the repeated run (score, begin, size, other copy) is a row of interface labels."""
    return page.label_words.count(1, repeat[1], repeat[1] + repeat[2]) >= _MENU_LABELS


def _best_repeat(
    page: FlatPage,
    cut: bytearray,
    meta: tuple[set[int], set[int]],
    start: int,
    heads: list[int],
    windows: list[tuple[int, int]],
    *,
    lower: bool = False,
) -> tuple[float, int, int, int] | None:
    """(score, begin, size, the other copy) of the best run in `windows` that the page prints
    again, as `headline` describes it; None where no run qualifies. `meta`: where stamps and
    bylines start and end. `lower`: only runs opening in lower case, printed twice in a row
    and naming something (a capitalised word), instead of runs opening with a capital or a
    number."""
    meta_starts, meta_ends = meta
    words = function_words()
    folded = page.folded
    best: tuple[float, int, int, int] | None = None  # score, begin, size, the other copy
    # Only where a run of three the page shows twice opens can a repeat start.
    for begin in _window_starts(page.twice, windows):
        if cut[begin] or page.tokens[begin][:1].islower() != lower:
            continue  # a headline opens with a capital or a number (or see `lower`), not in a cut
        if begin > 0 and not cut[begin - 1] and folded[begin - 1] in words:
            continue  # a headline does not start after an article or preposition
        for other in page.occurrences(begin, MIN_TITLE_TOKENS):
            if other == begin or (
                other > 0 and begin > 0 and folded[other - 1] == folded[begin - 1] and not cut[begin - 1]
            ):
                continue  # not where the two copies start to agree
            size = _common_run(folded, begin, other, cut)
            twice_in_a_row = other == begin + size or other + size == begin
            if lower and not twice_in_a_row:
                continue
            run = page.tokens[begin : begin + size]
            if size < MIN_TITLE_TOKENS or not any(token[:1].islower() for token in run):
                continue  # a menu names things; a headline says something of them
            if lower and not any(token[:1].isupper() for token in run):
                continue  # and names something (a site's address, "www kieler hafen de", does not)
            if size == _MAX_TITLE_TOKENS:
                # Copies that agree past a headline's length are a headline with its lead (a
                # teaser of the article, or its head printed again): the headline ends where
                # the lead's first sentence opens, and says something in lower case before its
                # last word (a dateline's agency ends it so: "Hafenstadt Nord dpa | Die …").
                size = _lead_opening(page, begin, begin + size) - begin
                said = page.initials[begin : begin + size - 1]
                if size < MIN_TITLE_TOKENS or not any(initial.islower() for initial in said):
                    continue
            distance = min(_distance(cut, begin, begin + size, point) for point in (start, *heads))
            score = min(size, _TITLE_TYPICAL) - _TITLE_DISTANCE_COST * distance
            if any(begin + size + gap in meta_starts or begin - gap in meta_ends for gap in range(_META_GAP)):
                score += _META_BONUS
            if twice_in_a_row:
                score += _META_BONUS  # printed twice in a row, as a headline and its hidden copy are
            if (best is None or score > best[0]) and not (
                # It goes on in lower case, not to a stamp or byline: part of a sentence (asked
                # last, of a candidate that would win).
                # A run printed twice in a row is no part of a sentence (none repeats itself).
                not twice_in_a_row
                and _runs_on(page.tokens, cut, begin + size)
                and _cut_short_end(page.tokens, folded, cut, words, meta_starts, begin, begin + size)
                == begin + size
            ):
                best = (score, begin, size, other)
    return best


def _lead_opening(page: FlatPage, begin: int, end: int) -> int:
    """Where a sentence first opens in tokens[begin:end] after a headline's shortest length:
    at a capitalised function word (`FlatPage.opens_sentence`) after a word in lower case, a
    headline's last word (after a capitalised one it may go on in the headline: "Kim Jong Un
    | Der …" is a name's end); `begin` where none does."""
    for position in range(begin + MIN_TITLE_TOKENS, end):
        if page.opens_sentence(position) and page.initials[position - 1].islower():
            return position
    return begin


def _after_kicker(page: FlatPage, cut: bytearray, begin: int, copy: int, end: int) -> tuple[int, int]:
    """Where the headline tokens[begin:end] opens when its repeated part (from `copy` on) took
    in a kicker: at the first capitalised word or number after `copy` from which the rest,
    still saying something (a lower-case word), stands elsewhere on the page on its own, as a
    teaser or link without the kicker does ("Kieler Woche | Hafenstadt plant …" beside
    "Kiel Segeln | Hafenstadt plant … | Impressum"); not inside a sentence, nor under another
    kicker (a lower-case word, outside cuts, among the two before that copy or right after
    it: "… die Segler sagen | Hafenstadt plant … | und", "Sturm über der Förde | Hafenstadt
    plant …", which says what a kicker says: which of the two is the headline's own is not
    known); `begin` where no such copy stands. From `copy` on, not before: the part before it
    was found on other grounds, and the repeated part stands elsewhere after another word by
    its nature."""
    initials, folded = page.initials, page.folded
    for opening in range(max(begin, copy) + 1, end - MIN_TITLE_TOKENS + 1):
        if initials[opening].islower() or not any(initial.islower() for initial in initials[opening:end]):
            continue
        for other in page.occurrences(opening, end - opening):
            after = other + end - opening
            if other in (0, opening) or folded[other - 1] == folded[opening - 1]:
                continue  # itself, or a copy with the same word before it (the kicker's copy)
            if after < len(initials) and initials[after].islower():
                continue  # inside a sentence
            if any(initials[i].islower() for i in range(max(0, other - 2), other) if not cut[i]):
                continue  # inside a sentence, or under another kicker
            return opening, end
    return begin, end


def _run_on_copy(
    tokens: list[str],
    labels: bytes,
    cut: bytearray,
    head_starts: set[int],
    begin: int,
    size: int,
    other: int,
) -> tuple[int, int] | None:
    """The headline where the first of the two copies at `begin` and `other` is a shortened
    one (a breadcrumb: "… Verkehr Stadtwerke arbeiten an neuer") printed right before the
    headline it shortens: the second copy runs on, with a word that opens with a capital or a
    digit ("Fährlinie für Pendler"; a lower-case one is an editor's initials or a label),
    to the stamp or byline after it (`head_starts`), within a headline's length, across no cut
    and no interface label (a row of share buttons; `labels`: `FlatPage.label_words`)."""
    first, second = sorted((begin, other))
    run_on = second + size
    if first + size != second or run_on >= len(tokens) or tokens[run_on][:1].islower():
        return None
    after = min((m for m in head_starts if m > run_on), default=None)
    if after is None or after - second > _MAX_TITLE_TOKENS or cut.count(1, second, after):
        return None
    if labels.count(1, run_on, after):
        return None
    return second, after


def _printed_once(
    page: FlatPage, cut: bytearray, words: frozenset[str], meta: tuple[set[int], set[int]], start: int
) -> tuple[int, int] | None:
    """The headline where the page prints it only once: the run nearest the article's start
    that ends where a stamp or byline opens (`head_starts`), else where a sentence does (a
    capitalised function word: the lead's "Die", "Nach", "Wer"), and opens right after clear signs of the
    navigation before it (`_navigation_end`; before a stamp or byline, where there are none, at
    a capitalised function word: `_sentence_opening`), holding a lower-case word as headlines do.
    Right after a stamp or byline (`meta`: where they and their labels open, and where they
    end) the lead or a caption follows, and a kicker: a run there is the headline only where
    it opens at a capitalised function word, and only where no run before them is one. The
    site's address printed between the headline and its stamp ("… kieler hafen de") is left out,
    and so is the site's name as its rights line gives it (`_rights_holder`)."""
    tokens, folded, labels = page.tokens, page.folded, page.label_words
    head_starts, meta_ends = meta
    name = _rights_holder(page)
    # (after a stamp or byline, no stamp or byline after, distance), begin, end
    best: tuple[tuple[bool, bool, int], int, int] | None = None
    for end in range(max(1, start - _ONCE_BEFORE), min(len(tokens), start + _TITLE_INTO)):
        if cut[end - 1] or labels[end - 1]:
            continue
        if end not in head_starts and not (page.opens_sentence(end) and not cut[end]):
            continue
        # The site's address between the headline and its stamp is the site's name, and so
        # is the name its rights line gives.
        address = _site_address_start(tokens, folded, end)
        stop = end if address is None else address
        if name and folded[stop - len(name) : stop] == name:
            stop -= len(name)
        begin = _navigation_end(tokens, folded, cut, labels, stop)
        if begin is None and end in head_starts:
            # No navigation sign before it: a headline phrased as a sentence, under a kicker,
            # opens with its capitalised function word ("Hitzefolgen | So sind …"); a run that
            # holds the text's start past that word is the text's first sentence.
            begin = _sentence_opening(page, cut, stop)
            if begin is not None and begin < start < end:
                continue
        after_meta = begin in meta_ends
        if after_meta:
            # Nothing else said where the headline is: it may stand after its stamp or byline,
            # under a kicker, and open with its capitalised function word ("Hafen in Bewegung |
            # Ein neuer Takt …"); the article's start is placed at the stamp, before it.
            begin = _sentence_opening(page, cut, stop)
        elif (
            begin is not None
            and begin > start
            # A site's address is navigation, though a menu ending in one may read as prose
            # ("Werbung und Sponsoring auf kieler hafen de") and hold the article's start: a
            # run between it and a stamp or byline is the headline all the same.
            and not (end in head_starts and _site_address_start(tokens, folded, begin) is not None)
        ):
            continue
        if begin is None or stop - begin < MIN_TITLE_TOKENS:
            continue
        begin = _after_label_kicker(page, begin, stop)
        run = tokens[begin:stop]
        if not (run[0][:1].isupper() or run[0][:1].isdigit()):
            continue
        # A headline says something (a lower-case word) of what it names (capitalised); a
        # sentence of the text is mostly lower case.
        lower = sum(token[:1].islower() for token in run)
        if not lower or lower > _PROSE_SHARE * len(run):
            continue
        if begin > 0 and not cut[begin - 1] and folded[begin - 1] in words:
            continue  # a headline does not start after an article or preposition
        # A stamp or byline after it speaks for a headline; a sentence opens after a sentence too.
        rank = (after_meta, end not in head_starts, abs(end - start))
        if best is None or rank < best[0]:
            best = (rank, begin, stop)
    return best[1:] if best else None


def _after_label_kicker(page: FlatPage, begin: int, end: int) -> int:
    """Where the headline tokens[begin:end], printed once, opens when its run took in a kicker of
    capitalised words (`FlatPage.labels`: no function word, nothing in lower case) over a
    headline phrased as a sentence ("Thema Corona | Es bricht eine andere Zeit an"): at that
    capitalised function word, within `_KICKER_TOKENS` of `begin` and leaving a headline's
    shortest length; not at a function word in capitals, an acronym ("Studen BE A6 …").
    `begin` where no such word stands there."""
    for opening in range(begin + 1, min(begin + _KICKER_TOKENS + 1, end - MIN_TITLE_TOKENS + 1)):
        if not page.labels[opening - 1]:
            break
        if page.opens_sentence(opening) and page.tokens[opening][1:2].islower():
            return opening
    return begin


def _after_menu_words(page: FlatPage, begin: int, end: int) -> int:
    """Where the headline tokens[begin:end], printed once, opens when its run took in the
    breadcrumb before it ("Region Hafen | Neue Fähren …"): after its leading words
    that a menu row before it holds (`_MENU_ROW`, in `FlatPage.labels`), as a breadcrumb's
    links repeat the menu's; `begin` where none does, or where too little would be left, or
    nothing said in lower case, or the rest would open in lower case."""
    labels, folded = page.labels, page.folded
    if not labels[begin]:
        return begin
    menu = {word for row in _MENU_ROW.finditer(labels, 0, begin) for word in folded[row.start() : row.end()]}
    opening = begin
    while opening < end and labels[opening] and folded[opening] in menu:
        opening += 1
    rest = page.initials[opening:end]
    if opening == begin or len(rest) < MIN_TITLE_TOKENS or rest[0].islower():
        return begin
    return opening if any(initial.islower() for initial in rest) else begin


def _navigation_end(
    tokens: list[str], folded: list[str], cut: bytearray, labels: bytes, end: int
) -> int | None:
    """Where a headline ending at `end` opens after the navigation before it: after the
    nearest cut, one-word interface label (`labels`), glued links, article number, shouted
    word, word in another script or site address ("Werbung auf kieler hafen de"), or at the
    page's start, within a headline's length; None where nothing before it says where it
    opens."""
    for position in range(end - 1, max(-1, end - _MAX_TITLE_TOKENS - 1), -1):
        token = tokens[position]
        if cut[position] or labels[position] or _GLUED.search(token):
            return position + 1
        if _BREADCRUMB_END.fullmatch(token) or _site_address_start(tokens, folded, position + 1) is not None:
            return position + 1
    return 0 if end <= _MAX_TITLE_TOKENS else None


def _site_address_start(tokens: list[str], folded: list[str], end: int) -> int | None:
    """Where the site's address that tokens[:end] ends with opens, printed without its dots
    ("kieler hafen de", "autonews ch"): a top-level domain in lower case after one or two
    lower-case words that are no function words (in "Werbung auf autonews ch", "auf" is the
    menu's); None where no address ends there."""
    if end < 2 or not tokens[end - 1].islower() or folded[end - 1] not in word_set("top_level_domains.txt"):
        return None
    words, opening = function_words(), end - 1
    while (
        opening > max(0, end - 1 - _ADDRESS_NAME_TOKENS)
        and tokens[opening - 1][:1].islower()
        and folded[opening - 1] not in words
    ):
        opening -= 1
    return opening if opening < end - 1 else None


def _rights_holder(page: FlatPage) -> list[str]:
    """The site's name (folded tokens) as the footer's rights line gives it: the capitalised
    words between a year and the notice that the site reserves its rights ("Copyright 2025
    Kieler Hafenblatt Alle Rechte vorbehalten"), at most `_RIGHTS_NAME_TOKENS`; empty where
    the page prints no such line."""
    tokens, notices = page.tokens, phrase_set("rights_notices.txt")
    for span in page.spans:
        if " ".join(page.folded[span.start : span.end]) not in notices:
            continue
        opening = span.start
        while opening > max(0, span.start - _RIGHTS_NAME_TOKENS) and tokens[opening - 1][:1].isupper():
            opening -= 1
        if 0 < opening < span.start and _YEAR.fullmatch(tokens[opening - 1]):
            return page.folded[opening : span.start]
    return []


def _sentence_opening(page: FlatPage, cut: bytearray, end: int) -> int | None:
    """Where a headline phrased as a sentence and ending at `end` opens: at the nearest
    capitalised function word ("So", "Warum", "Ein") before it that leaves a headline's
    shortest length, within a headline's length and across no cut (a menu further back may
    hold one too: "Alle Themen"); None where no such word stands."""
    for position in range(end - MIN_TITLE_TOKENS, max(-1, end - _MAX_TITLE_TOKENS - 1), -1):
        if cut[position]:
            return None
        if page.opens_sentence(position):
            return position
    return None


def _after_breadcrumb_end(tokens: list[str], begin: int, end: int) -> int:
    """Where the headline tokens[begin:end] opens when its copy took in the breadcrumb's end:
    after an article's number ("Ratgeber iPhone 2631553 | iPhone 14 …") or at the second of
    a capitalised word printed twice in a row (the breadcrumb's last link is the headline's
    first word: "Chronik Österreich | Österreich erneut …"), before the headline's first
    lower-case word; `begin` where neither stands there or too little would be left."""
    opening = begin
    for position in range(begin, end - 1):
        token = tokens[position]
        if token.islower():  # a lower-case word, not a brand ("iPhone")
            break
        if _ARTICLE_NUMBER.fullmatch(token) or (token[:1].isupper() and token == tokens[position + 1]):
            opening = position + 1
    rest = tokens[opening:end]
    return opening if len(rest) >= MIN_TITLE_TOKENS and any(t[:1].islower() for t in rest) else begin


def _after_glued_navigation(tokens: list[str], labels: bytes, cut: bytearray, begin: int, end: int) -> int:
    """Where a headline that ends right at the article's stamp or byline opens when the page
    repeats only its end ("… Was wissen wir"): after the navigation glued together right before
    it ("WissenschaftGlobal"), within a headline's length, across no cut and no interface
    label; `begin` when no such token stands there."""
    for position in range(begin - 1, max(-1, end - _MAX_TITLE_TOKENS - 1), -1):
        if cut[position] or labels[position]:
            return begin
        if _GLUED.search(tokens[position]):
            return position + 1
    return begin


def _glued_opening(folded: list[str], cut: bytearray, begin: int, other: int) -> int:
    """`begin`, or the token before it where the headline's first word is glued to the
    breadcrumb before its other copy ("HomeNews550 Kinder …" beside "550 Kinder …"): the two
    copies agree from the glued word on, and the headline opens with it."""
    if begin == 0 or other == 0 or cut[begin - 1]:
        return begin
    word, glued = folded[begin - 1], folded[other - 1]
    return begin - 1 if len(glued) > len(word) and glued.endswith(word) else begin


def _cut_short_end(
    tokens: list[str],
    folded: list[str],
    cut: bytearray,
    words: frozenset[str],
    meta_starts: set[int],
    begin: int,
    end: int,
) -> int:
    """Where the headline tokens[begin:end] ends: no headline ends in a lower-case function
    word ("… streiten über"), so such a copy was cut short (a teaser link), and the headline
    runs on to the stamp or byline after it, within a headline's length and across no cut."""
    if folded[end - 1] in words and tokens[end - 1].islower():
        after = min((m for m in meta_starts if m >= end), default=end)
        if after - begin <= _MAX_TITLE_TOKENS and not cut.count(1, end, after):
            return after
    return end


def _runs_on(tokens: list[str], cut: bytearray, end: int) -> bool:
    """Whether the text goes on in lower case right after tokens[:end], with no cut between: a
    headline is followed by its lead's first capital, a stamp or a byline ("von Anna Berger"),
    a run inside a sentence by any word."""
    return (
        end < len(tokens) and not cut[end] and tokens[end][:1].islower() and tokens[end] not in BYLINE_OPENERS
    )


def _window_starts(twice: bytes, windows: list[tuple[int, int]]) -> Iterator[int]:
    """The positions in any of `windows` ((low, high), clipped to the page) where a run of
    three the page shows twice starts (`twice`, see `FlatPage.twice`), in order, once each."""
    position = 0
    for low, high in sorted(windows):
        low, high = max(low, position), min(high, len(twice))
        if low < high:
            yield from compress(range(low, high), twice[low:high])
            position = high


def _headline_opening(tokens: list[str], cut: bytearray, begin: int, end: int) -> int:
    """Where the headline tokens[begin:end] (the part the page repeats) opens: a lower-case
    word before it (a verb: "Reederei verschweigt | Mängel an den Schiffen") or a number after
    one ("Fährverkehr wächst um | 40 Prozent …") says the repeated copy starts inside the
    headline, which opens at the capitalised word before them, or at the cut before them. Not
    back into its own ending printed right before it (a headline set twice in a row), nor past
    a headline's length."""
    opening = begin
    while opening > 0 and end - opening < _MAX_TITLE_TOKENS and not cut[opening - 1]:
        before = tokens[opening - 1]
        after_lower = opening > 1 and tokens[opening - 2][:1].islower()
        if not (before[:1].islower() or (before.isdigit() and after_lower)):
            break
        opening -= 1
    if opening == begin:
        return begin
    if opening > 0 and not cut[opening - 1]:
        if not tokens[opening - 1][:1].isupper():
            return begin
        opening -= 1
    return begin if tokens[opening:begin] == tokens[end - (begin - opening) : end] else opening


def _distance(cut: bytearray, begin: int, end: int, point: int) -> int:
    """Tokens between tokens[begin:end] and `point` that no cut covers."""
    if begin <= point <= end:
        return 0
    near, far = (end, point) if end < point else (point, begin)
    return far - near - cut.count(1, near, far)


def _common_run(folded: list[str], first: int, second: int, cut: bytearray) -> int:
    """How many tokens from `first` and `second` agree, outside cuts, at most a headline's length."""
    size = 0
    while (
        size < _MAX_TITLE_TOKENS
        and first + size < len(folded)
        and second + size < len(folded)
        and first + size != second
        and not cut[first + size]
        and folded[first + size] == folded[second + size]
    ):
        size += 1
    return size


def past_copy(tokens: list[str], title: tuple[int, int], position: int) -> int:
    """`position`, or where the headline's copy standing at it ends: a headline printed twice
    in a row (a hidden or print copy) is no part of the text after it."""
    size = title[1] - title[0]
    return position + size if tokens[position : position + size] == tokens[title[0] : title[1]] else position
