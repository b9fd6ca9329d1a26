"""The article's body on a flattened page: its tokens without stamps, bylines and credit,
trimmed of interface labels at its edges, and ended before an author box."""

from __future__ import annotations

from itertools import compress, count

from presseschau.clean.byline import Byline, agency, is_role
from presseschau.clean.dates import FlatStamp
from presseschau.clean.flat_bylines import BYLINE_OPENERS, interface_run_end
from presseschau.clean.flat_head import HEAD_BEFORE, HEAD_INTO
from presseschau.clean.flat_headline import past_copy
from presseschau.clean.flat_page import FlatPage
from presseschau.clean.flat_tail import READING_TIME_TOKENS, reading_time_after
from presseschau.clean.flat_tokens import Span, phrase_at, phrase_index, single_word_labels
from presseschau.clean.flat_units import in_sentence
from presseschau.clean.places import is_place
from presseschau.clean.resources import function_words, phrase_set, word_set

# A headline (with its kicker) runs to this many tokens at most; a lead the text opens with, which
# a stamp or byline may also follow, runs longer.
_HEADLINE_TOKENS = 15
# A dateline opening the first paragraph stands at most this many tokens into the text (a kicker,
# a headline and a teaser or a picture's caption above it).
_DATELINE_REACH = 40
# A kicker (or a menu's last words) before the headline printed again runs to this many tokens at
# most; a headline shorter than this many tokens may be words the text uses.
_KICKER_TOKENS, _COPIED_HEADLINE_MIN = 12, 3
# A lead under the headline is a sentence of this many tokens or more, which opens with at most
# this many labels (a name or a place) before its first lower-case or function word.
_LEAD_MIN_TOKENS, _LEAD_OPENING_LABELS = 8, 3
# An author's bio: a name whose job title follows after at most this many function words ("Lars
# Fischer ist Redakteur bei"), in the text's last quarter and at most this many tokens from its end.
_BIO_BETWEEN, _BIO_TOKENS = 2, 120
# Shorter titles ("Chef", "Team") name a group or close a compound as often ("CDU Chef Merz").
_BIO_TITLE_MIN = 5
# An author box inside the text runs from the name to where the text goes on, at most this many
# tokens on (a name, a job title and its desk, a profile link).
_BOX_TOKENS = 30
# A box of links inside the text closes with its read-more link at most this many tokens after
# its heading (a teaser's title and lead).
_BOX_LINK_TOKENS = 60
# A box closed by a download link names its file's size this many tokens before the link at most.
_DOWNLOAD_BOX = 40
# A note on the author in the text's head closes with their name printed again (its contact
# link) at most this many tokens after its label.
_NOTE_TOKENS = 40
# A sentence cut off before its noun takes at most this many capitalised words after it (a
# compound the page prints as two: "Vorstellungs News").
_NOUN_TOKENS = 2
# Another article's headline inside the text: a run of this many tokens at least and at most
# this many (a headline's length: a longer copy is a paragraph quoted), this many tokens or
# more into the text, printed elsewhere at most this many tokens after a date stamp.
_TEASER_MIN, _TEASER_MAX, _TEASER_AFTER, _TEASER_STAMP_GAP = 6, 15, 100, 2


def lead_under_headline(page: FlatPage, cuts: list[Span], low: int, start: int) -> int:
    """Where the body opens: at `low`, right under the headline, when a lead stands there (a
    run of prose up to the next cut that opens as a sentence does) and the article's head (its
    stamp, byline, share buttons) parts it from the text at `start`; else at `start`. The
    text's main cluster of prose starts below the head, and leaves the lead out."""
    if low + _LEAD_MIN_TOKENS > start or 0 not in page.labels[low : low + _LEAD_OPENING_LABELS + 1]:
        return start  # as on most pages: the text starts right under the headline
    high = min((cut.start for cut in cuts if cut.start >= low), default=len(page.tokens))
    return low if low + _LEAD_MIN_TOKENS <= high <= start and page.reads_as_prose(low, high) else start


def past_headline_under_head(
    title: tuple[int, int], stamp: FlatStamp | None, byline: tuple[int, int, Byline] | None, start: int
) -> int:
    """Where the text opening at `start` opens past the headline `title` set right under the
    article's stamp or byline at most `HEAD_BEFORE` tokens on: what stands above that head (a
    kicker, a teaser, its picture's credit) is the page's, not the text's. Else at `start`."""
    heads = (stamp.end if stamp else None, byline[1] if byline else None)
    return title[1] if start < title[0] < start + HEAD_BEFORE and title[0] in heads else start


def past_kicker_copy(tokens: list[str], title: tuple[int, int], start: int) -> int:
    """Where the text opening at `start` opens past the headline printed again at most
    `_KICKER_TOKENS` tokens on, after its kicker or a menu's last words ("Gesundheit | Neue
    Klinik öffnet im Mai | Neue Klinik öffnet im Mai Die Stadt …": the headline found is a
    breadcrumb's or share text's copy above); else at `start`."""
    if title[1] - title[0] < _COPIED_HEADLINE_MIN:
        return start
    copies = (
        end
        for at in range(start + 1, start + _KICKER_TOKENS + 1)
        if (end := past_copy(tokens, title, at)) != at
    )
    return next(copies, start)


def head_start(page: FlatPage, cuts: list[Span], start: int, headline_end: int, strict: int) -> int:
    """Where the text opening at `start` opens under its head: at the article's stamp, byline or
    posting time ("vor 14 Minuten") standing at most `_HEADLINE_TOKENS` tokens on. What stands
    above that head is then the headline (and its kicker) the headline reader missed
    ("Stadtrat streitet über die neue Brücke | 12 03 2024 | Bonn Der Rat hat …"), unless the
    text opens right under the headline found (at `headline_end`: a lead stands there) or the
    stricter cut started the article inside that run (`strict`: the text's first sentence).
    A stamp a sentence runs through is the text's own date, and a posting time running on is
    a sentence's. Else at `start`."""
    if start == headline_end:
        return start
    heads = [cut.start for cut in cuts if cut.kind in ("stamp", "byline") and not in_sentence(page, cut)]
    heads += [low for low, _high, runs_on in page.relative_times if not runs_on]
    head = min((head for head in heads if start < head <= start + _HEADLINE_TOKENS), default=start)
    return start if start < strict < head else head


def dated_paragraph_start(page: FlatPage, cuts: list[Span], start: int) -> int:
    """Where the text opening at `start` opens with its dated first paragraph: a dateline (a
    place name after a capitalised word, before a sentence opening with a capitalised function
    word: "… zum nächsten Karriereschritt | Berlin Die Ex Ministerin …") at most
    `_DATELINE_REACH` tokens on, before any cut and past one it opens in. A news text's first
    paragraph opens with its dateline; what stands above it is the article's head (kicker,
    headline, teaser, a menu's last words) that the headline reader did not find. A place
    inside a sentence follows a lower-case word ("in Berlin"). A dateline that credits a news
    agency ("Frankfurt Main dpa Für …", see `_credits_agency`) opens the paragraph whatever
    word its sentence opens with. Else `start`."""
    tokens, labels = page.tokens, page.labels
    high = min([cut.start for cut in cuts if cut.start > start] + [start + _DATELINE_REACH, len(tokens) - 1])
    # Past a cut the text opens inside (a byline whose last name is a place's: "Von Anna Keller").
    low = max([start + 1] + [cut.end for cut in cuts if cut.start <= start < cut.end])
    return next(
        (
            at
            for at in range(low, high)
            if labels[at - 1]
            and is_place(tokens[at])
            and (page.opens_sentence(at + 1) or _credits_agency(page, start, at))
            and at - 1 not in page.cut_kinds
        ),
        start,
    )


def _credits_agency(page: FlatPage, start: int, place: int) -> bool:
    """Whether a news agency (data/news_agencies.txt) follows the place at `place`, right after
    it or after one more capitalised word of its name ("Frankfurt Main dpa"): a dateline's
    credit, which no headline carries. Only headlines stand between `start` and the place: a
    lead there (a run that reads as prose) may be the text's, and a noun that names a place
    too may stand before an agency credited under a picture ("Brexit Deal AFP")."""
    if page.reads_as_prose(start, place):
        return False
    tokens, at = page.tokens, place + 1
    reach = [at] if at + 1 >= len(tokens) or not page.labels[at] else [at, at + 1]
    return any(agency(tokens[position]) for position in reach)


def dateline_start(page: FlatPage, start: int, floor: int) -> int:
    """Where the text opening at `start` opens with its dateline: the place name right before
    a first sentence that opens with a capitalised function word ("Berlin | Die Ex Vorsitzende
    …"), which a run of labels (the headline's last names) had cut off; not at or before
    `floor` (the headline's end: a headline may end on a place), else `start`."""
    before = start - 1
    if (
        before > floor
        and page.labels[before]
        and page.opens_sentence(start)
        and before not in page.cut_kinds
        and is_place(page.tokens[before])
    ):
        return before
    return start


def author_box_start(tokens: list[str], byline: tuple[int, int, Byline] | None, start: int, end: int) -> int:
    """Where an author box after the article starts, else `end`: the name of the byline in the
    article's head printed again in the last quarter of the text ("… ansehen Lena Brandt Lena
    Brandt ist Head of Social Community …"). Earlier, the name is more likely a picture credit
    or a quote; after "von" it is a byline again (a second article); a byline read further
    down is no head's; a name the text mentions before its last quarter (past the head) is
    whom it is about, unless that first mention opens a note on them (`_opens_note`): teasers
    run in after the text may set the note far from the end."""
    if byline is None or byline[0] >= start + HEAD_INTO:
        return end
    low = start + 3 * (end - start) // 4
    text = " " + " ".join(tokens[start + HEAD_INTO : low]) + " "
    box = end
    for name in byline[2].authors:
        words = name.replace("-", " ").split()
        if len(words) < 2:
            continue
        mention = text.find(f" {' '.join(words)} ")
        if mention >= 0:
            # The text names them: whom it is about (a byline read from its subject), unless
            # that first mention is a note on them, the name going on in a lower-case word
            # ("… bilden können Anna Berger arbeitete viele Jahre als Redakteurin …").
            at = start + HEAD_INTO + text.count(" ", 0, mention)
            if _opens_note(tokens, at, len(words)):
                box = min(box, at)
            continue
        box = min(
            box,
            next(
                (
                    i
                    for i in range(low, end - len(words) + 1)
                    if tokens[i : i + len(words)] == words and tokens[i - 1] not in BYLINE_OPENERS
                ),
                end,
            ),
        )
    return box


def _opens_note(tokens: list[str], at: int, length: int) -> bool:
    """Whether the name tokens[at:at+length] opens a note on its person: a lower-case word
    after it (a verb: "ist", "arbeitete"), which is no agency credited beside it ("Anna Berger
    dpa"), and a lower-case word before it, the last of a sentence: a capitalised one may be
    a label heading a box inside the text ("Zur Person") or a picture's credit ("Bild Anna
    Berger hr"), "von" a byline again."""
    after = at + length
    return (
        after < len(tokens)
        and tokens[after][:1].islower()
        and agency(tokens[after]) is None
        and tokens[at - 1][:1].islower()
        and tokens[at - 1] not in BYLINE_OPENERS
    )


def author_bio_start(page: FlatPage, start: int, end: int) -> int:
    """Where an author's bio after the text starts, else `end`: a name (two capitalised words)
    with a job title right after it or after a function word or two ("Claudia Brandt Leiterin
    Redaktion Gesundheit", "Lars Fischer ist Redakteur bei …"), in the text's last quarter and
    near its end. The name opens no sentence's clause: a label or "von" stands before it, not
    a lower-case word ("erklärt Jens Olsen Leiter der Werft" names a speaker), unless the page
    prints it twice in a row ("Lars Henning Lars Henning ist Chemiker"); nor does the text
    mention it before its last quarter (whom it is about)."""
    low = max(start + 3 * (end - start) // 4, end - _BIO_TOKENS)
    tokens, folded, labels, words = page.tokens, page.folded, page.labels, function_words()
    text = f" {' '.join(folded[start:low])} "
    for first in range(max(low, 1), end - 2):
        second = first + 1
        if not (labels[first] and labels[second] and tokens[first].isalpha() and tokens[second].isalpha()):
            continue
        if tokens[first : first + 2] == tokens[first + 2 : first + 4]:
            return first  # the name linked and printed beside its link: a box's heading, no sentence's
        if f" {folded[first]} {folded[second]} " in text:
            continue
        opener = tokens[first - 1] in BYLINE_OPENERS
        if not (opener or labels[first - 1]) or is_role(tokens[first]) or is_role(tokens[second]):
            continue
        title = second + 1
        while title < min(end, second + 1 + _BIO_BETWEEN) and folded[title] in words:
            title += 1
        if title < end and len(tokens[title]) >= _BIO_TITLE_MIN and is_role(tokens[title]):
            return first - 1 if opener else first
    return end


def author_boxes(
    page: FlatPage, byline: tuple[int, int, Byline] | None, start: int, end: int
) -> list[tuple[int, int]]:
    """Author boxes inside tokens[start:end], as (start, end): the name of an author of the
    head's byline printed again with a job title right after it ("… mit Musikstreaming | Jana
    Olsen Redakteurin in der Wirtschaft | Während …"), as a site sets its authors' boxes under
    the lead, up to where the text goes on: a capitalised function word within `_BOX_TOKENS`,
    not a lone letter (an initial of the desk's name: "F A Z"). A sentence names a speaker with
    a title ("sagte Jens Olsen Leiter der Werft"), but not the text's own author; without the
    text's going on, the box's end is unknown and nothing leaves."""
    if byline is None:
        return []
    tokens, boxes = page.tokens, []
    for name in byline[2].authors:
        words = name.replace("-", " ").split()
        if len(words) < 2:
            continue
        # Where the name's first word stands, picked out in C.
        stop = max(start, end - len(words))
        for first in compress(count(start), map(words[0].__eq__, tokens[start:stop])):
            title = first + len(words)
            if tokens[first:title] != words or not is_role(tokens[title]):
                continue
            after = next(
                (
                    at
                    for at in range(title + 1, min(end, title + _BOX_TOKENS))
                    if page.opens_sentence(at) and len(tokens[at]) > 1
                ),
                None,
            )
            if after is not None:
                boxes.append((first, after))
    return boxes


def author_notes(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """Notes on an author in the head of tokens[start:end] (its first quarter), as (start,
    end): a capitalised heading of `tail_markers.txt` ("Autoreninfo", "Über die Autorin")
    followed by a name (two capitalised words) that is printed again within `_NOTE_TOKENS`
    tokens, in the note's contact link ("Autoreninfo Jana Olsen leitet das Ressort Inland …
    So erreichen Sie Jana Olsen | Die …"). The note runs to that copy's end. A site sets it
    between the head and the text, where no rule on the text's end reaches; a name the
    heading does not print twice leaves the note's end unknown, and nothing leaves."""
    tokens, initials, labels, folded = page.tokens, page.initials, page.labels, page.folded
    headings = phrase_index("tail_markers.txt")
    high = min(start + (end - start) // 4, end - 2)
    notes: list[tuple[int, int]] = []
    # The headings' first words picked out in C.
    for first in compress(count(start), map(headings.__contains__, folded[start:high])):
        size = phrase_at(headings, folded, first)
        name = first + size
        if not (size and name + 1 < end and initials[first].isupper() and labels[name] and labels[name + 1]):
            continue
        words = tokens[name : name + 2]
        copy = next(
            (at for at in range(name + 2, min(end - 1, name + _NOTE_TOKENS)) if tokens[at : at + 2] == words),
            None,
        )
        if copy is not None and all(word.isalpha() for word in words):
            notes.append((first, copy + 2))
    return notes


def teaser_titles(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """Other articles' headlines inside tokens[start:end], as (start, end): a run that opens
    after a sentence's last word (a capital after a lower-case word) and is followed by a
    sentence (a capitalised function word: "Das", "Der"), which the page prints elsewhere as a
    teaser's title, right after its date stamp ("… 19 10 2019 23 38 Uhr Niederlage für …").
    A link to the article set between two paragraphs of the text; a comment quoting the text
    copies a sentence's middle, and a teaser of this article its opening."""
    folded, initials = page.folded, page.initials
    # Where a teaser's title may open: within `_TEASER_STAMP_GAP` tokens after a stamp's end;
    # only runs opening with a run of three that stands there too are looked up.
    titled = {at for stamp in page.stamps for at in range(stamp.end, stamp.end + _TEASER_STAMP_GAP + 1)}
    titles: list[tuple[int, int]] = []
    low = start + _TEASER_AFTER
    for first in page.repeats_of(titled):
        if (
            not low <= first < end - _TEASER_MIN
            or (titles and first < titles[-1][1])
            or not (initials[first].isupper() and initials[first - 1].islower())
        ):
            continue
        for copy in page.occurrences(first, _TEASER_MIN):
            if start <= copy < end or copy not in titled:
                continue
            after = _copy_end(folded, first, copy, end)
            if after - first <= _TEASER_MAX and after < end and page.opens_sentence(after):
                titles.append((first, after))
                break
    return titles


def head_teaser_titles(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """A link to another article in the head of tokens[start:end] (its first `HEAD_INTO`
    tokens), as (start, end): a run that opens after a sentence's last word and is followed by
    a sentence, as in `teaser_titles`, which the page prints again after the text, in its list
    of teasers ("… verdeutlicht ein Blick auf die Lage | Stand der Dinge So plant der Verein |
    Das Geschäft wird …"). A copy after the same word as the run is the article's own
    teaser, its headline and lead, printed again under the text. Only the first link is
    looked for."""
    folded, initials = page.folded, page.initials
    high = min(end - 1, start + HEAD_INTO)
    # Only runs whose every run of three the page prints twice are looked up (see `occurrences`).
    for first in compress(count(start + 1), page.twice[start + 1 : high]):
        if not (initials[first].isupper() and initials[first - 1].islower()):
            continue
        for copy in page.occurrences(first, _TEASER_MIN):
            if copy < end or folded[copy - 1] == folded[first - 1]:
                continue  # before the text, or this article's own teaser (headline and lead) after it
            after = _copy_end(folded, first, copy, end)
            if after - first <= _TEASER_MAX and after < end and page.opens_sentence(after):
                return [(first, after)]
    return []


def _copy_end(folded: list[str], first: int, copy: int, end: int) -> int:
    """Where the run at `first` (before `end`) stops matching its copy at `copy`: the two share
    `_TEASER_MIN` tokens at least (see `FlatPage.occurrences`)."""
    size = _TEASER_MIN
    while copy + size < len(folded) and first + size < end and folded[copy + size] == folded[first + size]:
        size += 1
    return first + size


def read_also_teasers(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """Links to other articles inside tokens[start:end], as (start, end): a teaser prefix of
    two words or more (`teaser_prefixes.txt`: "Lesen Sie hier", "Mehr zum Thema") that opens
    a sentence (a capital: "sich zum Thema" is part of one) and a headline after it (a capital,
    no function word: "Mehr lesen Sie im …" is a sentence), up to where the text goes on: the
    next capitalised function word, within a headline's length.
    Without it the headline's end is unknown, and nothing leaves."""
    tokens, folded, words = page.tokens, page.folded, function_words()
    prefixes = phrase_index("teaser_prefixes.txt", 2)
    teasers: list[tuple[int, int]] = []
    for first in page.listed(start + 1, end):
        if folded[first] not in prefixes or not tokens[first][:1].isupper():
            continue
        for prefix in prefixes[folded[first]]:
            title = first + len(prefix)
            if (
                tuple(folded[first:title]) != prefix
                or title >= end
                or not tokens[title][:1].isupper()
                or folded[title] in words
            ):
                continue
            after = next(
                (at for at in range(title + 1, min(end, title + _TEASER_MAX + 1)) if page.opens_sentence(at)),
                None,
            )
            if after is not None:
                teasers.append((first, after))
            break
    return teasers


def linked_boxes(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """Boxes of links to other articles inside tokens[start:end], as (start, end): a teaser
    prefix of two words or more (`teaser_prefixes.txt`: "Weitere Informationen", "Mehr zum
    Thema") that opens a sentence (a capital), up to the box's read-more link (a lower-case
    link of `read_more_links.txt` before a capital, not after a function word as a sentence's
    "immer mehr" is: "… was sich im Hafen ändert mehr | Die …") within `_BOX_LINK_TOKENS`.
    A box's title may open like a sentence ("Was Sie wissen müssen", which
    `read_also_teasers` leaves); its link shows where the box ends."""
    folded, initials, words = page.folded, page.initials, function_words()
    prefixes, links = phrase_index("teaser_prefixes.txt", 2), phrase_set("read_more_links.txt")
    boxes: list[tuple[int, int]] = []
    for first in page.listed(start + 1, end):
        if folded[first] not in prefixes or not initials[first].isupper() or (boxes and first < boxes[-1][1]):
            continue
        if not phrase_at(prefixes, folded, first):
            continue
        link = next(
            (
                at
                for at in range(first + 2, min(end - 1, first + _BOX_LINK_TOKENS))
                if folded[at] in links
                and initials[at].islower()
                and initials[at + 1].isupper()
                and folded[at - 1] not in words
            ),
            None,
        )
        if link is not None:
            boxes.append((first, link + 1))
    return boxes


def reading_times(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """Read-more links with a reading time inside tokens[start:end], as (start, end): a
    lower-case link of `read_more_links.txt` and the `READING_TIME_TOKENS` after it (see
    `reading_time_after`). A page of lines sets them on a line of their own; a flattened page
    glues them to the lead's last sentence ("… illegaler Parteispenden | weiterlesen 5
    Minuten")."""
    links, initials = phrase_set("read_more_links.txt"), page.initials
    stop = max(start, end - READING_TIME_TOKENS)
    return [
        (at, at + 1 + READING_TIME_TOKENS)
        for at in page.listed(start, stop)
        if page.folded[at] in links and initials[at].islower() and reading_time_after(page, at)
    ]


def download_boxes(page: FlatPage, start: int, end: int) -> list[tuple[int, int]]:
    """Boxes closed by a download link inside tokens[start:end], as (start, end): a download
    label (a site word) and a file's size ("Download 123 KB", `file_size_units.txt`), the same
    size printed at most `_DOWNLOAD_BOX` tokens before it, where the box names its file ("…
    Dieses Skript 123 KB | 16 Neue Fähren … Themen … Download 123 KB | Jens Olsen …").
    The box runs from after that first size to the link's end."""
    units, tokens = phrase_set("file_size_units.txt"), page.tokens
    boxes: list[tuple[int, int]] = []
    # The size's number stands before a unit.
    for unit in page.listed(start + 2, end):
        at = unit - 1
        if page.folded[unit] not in units or not tokens[at].isdigit() or not page.site_words(at - 1, at):
            continue
        size = tokens[at : at + 2]
        first = next(
            (
                low
                for low in range(at - 2, max(start, at - _DOWNLOAD_BOX) - 1, -1)
                if tokens[low : low + 2] == size
            ),
            None,
        )
        if first is not None:
            boxes.append((first + 2, at + 2))
    return boxes


def awaited_noun_end(page: FlatPage, end: int) -> int:
    """Where the text ending at `end` ends once its last sentence has its noun: a sentence never
    ends on an article ("in der") or on the adjective after one ("des öffentlichen"), so the
    capitalised words that follow, which a run of labels cut off, close it ("des öffentlichen |
    Interesses"), up to a cut or an interface label; else `end`."""
    if not 1 < end < len(page.tokens) or page.initials[end].islower():
        return end
    last, before = page.folded[end - 1], page.folded[end - 2]
    determiners = word_set("noun_determiners.txt")
    if not (last in determiners or (page.initials[end - 1].islower() and before in determiners)):
        return end
    if last not in determiners and last in function_words():
        return end
    if not _noun_word(page, end):
        return end
    # A second capitalised word closes the noun ("Vorstellungs News") only where the run of
    # capitals ends after it: a longer run goes on as a name or a title, which the text's noun is not.
    after = end + _NOUN_TOKENS
    if after < len(page.tokens) and _noun_word(page, end + 1) and not _noun_word(page, after):
        return after
    return end + 1


def _noun_word(page: FlatPage, position: int) -> bool:
    """Whether the token at `position` may be (a part of) a noun closing a sentence: a label
    (capitalised, no function word) that no cut opens at and that is no interface label."""
    return bool(page.labels[position] and not page.label_words[position]) and position not in page.cut_kinds


def body_text(tokens: list[str], start: int, end: int, drop: list[tuple[int, int]]) -> str:
    """The article's tokens without its stamps, bylines and credit, and without interface
    labels at its edges."""
    keep = bytearray(b"\x01") * (end - start)  # 0 where a drop covers the token; read in C
    for low, high in drop:
        keep[low - start : high - start] = bytes(len(keep[low - start : high - start]))
    kept = list(compress(tokens[start:end], keep))
    return trimmed(kept, 0, len(kept))


def trimmed(tokens: list[str], start: int, end: int) -> str:
    """tokens[start:end] without the interface labels at its edges: one-word labels, and before
    the text a phrase or counted label too ("71 Kommentare", see `interface_run_end`)."""
    part, labels = tokens[start:end], single_word_labels()
    first, last = 0, len(part)
    while first < last:
        if part[first].casefold() in labels:
            first += 1
        elif (after := interface_run_end(part, first)) > first:
            first = after
        else:
            break
    while last > first and part[last - 1].casefold() in labels:
        last -= 1
    return " ".join(part[first:last])
