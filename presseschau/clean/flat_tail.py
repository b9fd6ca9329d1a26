"""Where the article on a flattened page ends: before the site's prompt set right after its
last sentence, before a row of teasers, and at a related-content heading unless the
article's paragraphs go on after it (a box set inside the text). Its body also ends before a
ranked list of other articles, a list of links of one form, a teaser signed by its byline,
what follows an agency's sign-off, a list of other articles whose heading a date follows, the
head of another article and readers' comments (or their heading with its count), and before
the sentence selling a prompt (its pitch)."""

from __future__ import annotations

from itertools import compress, count, islice

from presseschau.clean.boilerplate import is_interface_text
from presseschau.clean.byline import agency
from presseschau.clean.flat_bylines import BYLINE_OPENERS
from presseschau.clean.flat_credit import agency_end
from presseschau.clean.flat_page import FlatPage
from presseschau.clean.flat_tokens import Span, ones_run, phrase_at, phrase_index, single_word_labels
from presseschau.clean.flat_units import in_sentence, runs_through
from presseschau.clean.names import opens_name
from presseschau.clean.prose import POLITE_ADDRESS
from presseschau.clean.region import series_start
from presseschau.clean.resources import data_lines, function_words, phrase_set

# A teaser's title: a run of this many labels (see `flat_units`).
_LABEL_RUN = ones_run(3)
# A related-content heading ("Weitere Themen") ends the article unless a paragraph's worth of
# running text follows it within a few teasers' length (a box set inside the article).
_BOX_REACH, PARAGRAPH_TOKENS = 150, 50
# The article ends before a row of this many texts or more, each shorter than this (teasers).
_TEASERS, _TEASER_TOKENS = 4, 40
# The site's words after the text: the most tokens they run, and their share (twice what
# makes a paragraph the site's, `prose.SITE_SHARE`: these are shorter).
_SITE_TAIL_TOKENS, _SITE_TAIL_SHARE, _SITE_TAIL_OPENING = 60, 0.1, 3
# A prompt dense in the site's words: this many of them within this many tokens, one of them
# among its first this many ("Abonnieren Sie", "Wenn Sie").
_PROMPT_SITE, _PROMPT_TOKENS, _PROMPT_OPENING = 4, 20, 2
# The pitch above such a prompt runs at least this many tokens and at most this many (a sentence
# or two; 25 and 35 read the corpus alike, 45 takes an interview's last answer).
_PITCH_MIN, _PITCH_TOKENS = 8, 25
# A ranked list of other articles ("Am meisten gelesen", a top five) after the text: this many
# numbered items, each shorter than this, this many of them glued to their titles, starting
# past this many tenths of the article (its opening is never one), under a heading of at most
# this many tokens.
_RANKED_ITEMS, _RANKED_ITEM_TOKENS, _RANKED_GLUED, _RANKED_FROM, _RANKED_HEADING = 5, 30, 2, 3, 4
# The head of another article (a labelled byline and its stamp) this many tokens or more into
# the body ends it; the article's own head stands before.
_NEXT_HEAD_AFTER = 100
# A list of teasers each closed by a read-more link ("… zu erwarten mehr Rheinland Pfalz …"):
# this many links or more, each at most this many tokens after the one before (a teaser printing
# its title twice, its picture's credit and a summary of two sentences runs to 75, one with its
# picture's caption too to 97), past this
# many tenths of the text; the list opens at the last run of labels (the first teaser's title)
# this close before its first link.
_READ_MORE_ITEMS, _READ_MORE_GAP, _READ_MORE_FROM, _READ_MORE_TITLE = 2, 100, 3, 60
# A reading time after a read-more link: a number and its unit ("weiterlesen 5 Minuten").
READING_TIME_TOKENS = 2
# A link to other articles ends the text past this many tenths of it (its opening is never one).
_READ_ALSO_FROM = 5
# A list of links of one form ("Hier das Tableau in A Hier das Tableau in B") after the text: a
# sentence's opening of this many tokens printed again at most this many tokens after its end,
# past this many tenths of the text.
_LINK_OPENING, _LINK_GAP, _LINK_FROM = 4, 8, 5
# A teaser signed by its byline at the text's end: the byline's "Von" at most this many tokens
# before the end.
_TEASER_BYLINE_TOKENS = 6
# A list of other articles under the text, from its related-content heading to a date under it
# (the article's stamp printed again, or a teaser's): at most this many tokens (twice a box's
# reach: the longest on the corpus runs 164 tokens; 300 and 400 read the corpus alike).
_DATED_LIST_TOKENS = 2 * _BOX_REACH
# An agency's sign-off ends the text past this many tenths of it (a dateline's agency opens it);
# the desks' or site's initials after it are this many letters at most ("KNA DR").
_SIGN_OFF_FROM, _SIGN_OFF_INITIALS = 5, 3
# Comments: this many stamps with a time of day or a name beside them, each at most this many
# tokens after the one before (as `region._before_comments` reads them on a page of lines).
_COMMENT_RUN, _COMMENT_GAP = 3, 300


def site_tail_start(page: FlatPage, start: int, end: int) -> int:
    """Where the site's own words that end the article's last unit start, else `end`: a
    paywall, newsletter or feedback prompt set right after the text, with no label between
    ("... zurückziehen | Wählen Sie Ihren Zugang und lesen Sie weiter"). They address the reader
    or name the site's machinery (see `prose`), the text seldom does; the prompt opens with a
    capital and one of those words within its first `_SITE_TAIL_OPENING` tokens, and runs to
    the end."""
    labels = single_word_labels()
    last = end  # interface labels at the edge are trimmed from the text anyway (`flat_body.trimmed`)
    while last > start and page.folded[last - 1] in labels:
        last -= 1
    reach = max(start, last - _SITE_TAIL_TOKENS)
    if page.site_words(reach, last) < 2:
        return end  # as on most pages: no prompt, and no run to try
    tail = end
    inside = _inside_cuts(page, reach, last)
    for low in range(last - _SITE_TAIL_OPENING, reach - 1, -1):
        if not page.initials[low].isupper() or low in inside:
            continue
        site = page.site_words(low, last)
        if (
            site >= 2
            and site >= _SITE_TAIL_SHARE * (last - low)
            and page.site_words(low, low + _SITE_TAIL_OPENING)
        ):
            tail = low
    return tail


def _inside_cuts(page: FlatPage, low: int, high: int) -> set[int]:
    """The tokens of tokens[low:high] inside a cut, past its first: a prompt opens no byline,
    stamp or phrase halfway ("von Hinrich | Ubben Schreiben Sie …", "in der E | Mail")."""
    return {
        i for cut in page.cuts if cut.end > low and cut.start < high for i in range(cut.start + 1, cut.end)
    }


def prompt_start(page: FlatPage, start: int, end: int) -> int:
    """Where a prompt dense in the site's words starts in the last quarter of tokens[start:end]
    with no paragraph of the text after it, else `end`: `_PROMPT_SITE` of the site's words
    within `_PROMPT_TOKENS` ("Abonnieren Sie kostenlos unseren Newsletter und bleiben Sie …"),
    opening with a capital and one of them, at no cut. Teasers and menus may follow it (which
    `site_tail_start` would have to reach across); the article's paragraphs may not."""
    first = start + 3 * (end - start) // 4
    inside = _inside_cuts(page, first, end)
    # Only where a site word stands among the first tokens (few do) is a prompt looked for.
    for low in page.site_word_openings(first, end - _PROMPT_TOKENS, _PROMPT_OPENING):
        if (
            page.initials[low].isupper()
            and low not in inside
            and low not in page.cut_kinds  # nor opens with a phrase ("in der | E Mail genannten")
            and page.site_words(low, low + _PROMPT_OPENING)
            and page.site_words(low, low + _PROMPT_TOKENS) >= _PROMPT_SITE
            and not _paragraph_in(page, low + _PROMPT_TOKENS, end)
        ):
            return low
    return end


def pitch_start(page: FlatPage, start: int, end: int) -> int:
    """Where the pitch of a prompt that ends the text at `end` starts, else `end`: a run of at
    least `_PITCH_MIN` and at most `_PITCH_TOKENS` tokens right before a prompt dense in the
    site's words (`_PROMPT_SITE - 1` within `_PROMPT_TOKENS`: "… E Mail Adresse Jetzt anmelden
    Abbrechen"), opening with a polite address among its first `_PROMPT_OPENING` tokens ("Sie
    lesen gerade …", "Ihr Beitrag hilft …", "Starten Sie …"). The prompt is found by its
    machinery's words; the sentence selling it has fewer, and the text's last sentence seldom
    addresses the reader. A shorter run is a quote closing the text ("Sie haben recht"), and
    one that names an agency the text's last sentence, signed ("… dpa")."""
    tokens = page.tokens
    if end >= len(tokens) or page.site_words(end, end + _PROMPT_TOKENS) < _PROMPT_SITE - 1:
        return end
    inside = _inside_cuts(page, end - _PITCH_TOKENS, end)
    pitch = end
    for low in range(end - 1, max(start, end - _PITCH_TOKENS) - 1, -1):
        if low in inside or low in page.cut_kinds:
            break  # a byline, stamp or phrase is no pitch's
        if page.initials[low].isupper() and not POLITE_ADDRESS.isdisjoint(
            tokens[low : low + _PROMPT_OPENING]
        ):
            pitch = low
    if end - pitch < _PITCH_MIN or any(map(agency, tokens[pitch:end])):
        return end
    return pitch


def teaser_tail(tokens: list[str], units: list[tuple[int, int, bool]], first: int, last: int) -> int:
    """The end (a unit index) of the article among units[first:last] without the list of
    teasers it may end in: `_TEASERS` texts or more in a row up to the end, each under
    `_TEASER_TOKENS` tokens, parted by titles or menu phrases; the article's paragraphs are
    longer (a sentence runs through short runs of names and numbers, see `runs_through`). A
    list longer than the article before it is the article (a ticker, a list of short items)."""
    texts, tail = 0, last
    text_end = None  # the end of the text being walked back through
    for index in range(last - 1, first - 1, -1):
        low, high, is_cut = units[index]
        if not is_cut or runs_through(tokens, low, high):
            text_end = high if text_end is None else text_end
            if text_end - low >= _TEASER_TOKENS:
                break
        elif text_end is not None:
            texts, text_end = texts + 1, None
            if texts >= _TEASERS:
                tail = index
    if first < tail < last and units[tail][0] - units[first][0] >= units[last - 1][1] - units[tail][0]:
        return tail
    return last


def text_follows(tokens: list[str], units: list[tuple[int, int, bool]], index: int) -> bool:
    """Whether `PARAGRAPH_TOKENS` of running text follow units[index] within `_BOX_REACH`
    tokens, counting the short runs of names and numbers a sentence runs through (see
    `runs_through`), as the article's paragraphs have; teasers after the article stand
    between titles, each a few lines long."""
    reach = units[index][1] + _BOX_REACH
    run_start = None
    for low, high, is_cut in islice(units, index + 1, None):
        if low >= reach:
            break
        if is_cut and not runs_through(tokens, low, high):
            run_start = None
            continue
        run_start = low if run_start is None else run_start
        if high - run_start >= PARAGRAPH_TOKENS:
            return True
    return False


def ranked_list_start(page: FlatPage, start: int, end: int) -> int:
    """Where a ranked list of other articles ("Am meisten gelesen 1Schwerer Unfall … 2Eine
    Liebeserklärung … 3 …") starts in tokens[start:end], else `end`: the numbers 1 to
    `_RANKED_ITEMS` in order, each opening a short item, past the article's opening. Numbers
    open a sentence's words too ("1 Million Fahrgäste 2 Schiffe") and the steps of a list the
    article counts; a box's numbers stand in elements of their own, which the page's copy glues
    to the item's title ("2Eine"). The list starts at its heading: from a capitalised word
    after a lower-case one (the last sentence's end), a few tokens before the first item."""
    tokens, low = page.tokens, start + (end - start) * _RANKED_FROM // 10
    # Tokens opening with an item's digit are found in a string of the tokens' first
    # characters, searched in C: few pages hold a list, and most tokens open with a letter.
    initials = "".join(page.initials[low:end])
    first = initials.find("1")
    while first >= 0:
        items = _ranked_items(tokens, initials, low, low + first) if _ranked(tokens[low + first], "1") else []
        if len(items) == _RANKED_ITEMS and sum(not tokens[i].isdigit() for i in items) >= _RANKED_GLUED:
            heading = range(items[0] - 1, max(start + 1, items[0] - _RANKED_HEADING) - 1, -1)
            return next(
                (i for i in heading if tokens[i][:1].isupper() and tokens[i - 1][:1].islower()), items[0]
            )
        first = initials.find("1", first + 1)
    return end


def _ranked_items(tokens: list[str], initials: str, low: int, first: int) -> list[int]:
    """Where the items of a ranked list opening at tokens[first] (item 1) start, as far as
    they run in order, each within `_RANKED_ITEM_TOKENS` of the one before (`initials`: the
    first characters of the tokens from `low` on)."""
    items, last = [first], low + len(initials)
    for number in range(2, _RANKED_ITEMS + 1):
        digit, high = str(number), min(last, items[-1] + _RANKED_ITEM_TOKENS) - low
        following = initials.find(digit, items[-1] + 2 - low, high)
        while following >= 0 and not _ranked(tokens[low + following], digit):
            following = initials.find(digit, following + 1, high)
        if following < 0:
            break
        items.append(low + following)
    return items


def _ranked(token: str, digit: str) -> bool:
    """Whether `token`, opening with `digit`, opens the item of a ranked list so numbered: the
    digit alone, or glued to the item's capitalised first word ("2Eine")."""
    return token == digit or token[1:2].isupper()


def read_more_list_start(page: FlatPage, start: int, end: int) -> int:
    """Where a list of teasers each closed by a one-word read-more link ("mehr", see
    data/read_more_links.txt) ends the text tokens[start:end], else `end`. The link is a
    lower-case word before the capitalised title of the next teaser or the list's end; a
    sentence ends in such a word too ("gibt es nicht mehr"), but not `_READ_MORE_ITEMS`
    sentences in a row of teasers' length. A box of teasers inside the text has the article's
    paragraphs after it (as a related-content heading has, see `text_follows`); the list
    opens at the first teaser's title: the last run of labels before its first link, or after
    the link before where none stands near. A link may name the teaser's reading time before
    the next title ("… weiterlesen 5 Minuten Neue Regeln …", see `reading_time_after`)."""
    links = phrase_set("read_more_links.txt")
    low = start + (end - start) * _READ_MORE_FROM // 10
    closing = [
        i
        for i in page.listed(low, end)
        if page.folded[i] in links
        and page.initials[i].islower()
        and _title_after(page, i + 1 + READING_TIME_TOKENS * reading_time_after(page, i), end)
    ]
    series: list[int] = []
    for link in [*closing, end + _READ_MORE_GAP + 1]:
        if series and link - series[-1] > _READ_MORE_GAP:
            if len(series) >= _READ_MORE_ITEMS and not _paragraph_in(page, series[-1] + 1, end):
                first = series[0]
                titles = _LABEL_RUN.finditer(page.labels, max(low, first - _READ_MORE_TITLE), first)
                return max((run.start() for run in titles), default=first + 1)
            series = []
        series.append(link)
    return end


def reading_time_after(page: FlatPage, link: int) -> bool:
    """Whether the read-more link at `link` and the `READING_TIME_TOKENS` after it name a
    reading time, as the line list names an interface line ("weiterlesen 5 Minuten", a pattern
    of `boilerplate_lines.txt`)."""
    return is_interface_text(" ".join(page.tokens[link : link + 1 + READING_TIME_TOKENS]))


def _title_after(page: FlatPage, at: int, end: int) -> bool:
    """Whether a capitalised word (the next teaser's title) or the text's end (`end`) stands
    at `at`."""
    return at >= min(end, len(page.tokens)) or page.initials[at].isupper()


def read_also_start(page: FlatPage, start: int, end: int) -> int:
    """Where a link to other articles after the text's last paragraph starts in
    tokens[start:end], else `end`: a teaser prefix of two words or more (`teaser_prefixes.txt`:
    "Lesen Sie hier", "Das könnte Sie auch interessieren") that opens a sentence, past the
    text's opening, with no paragraph of the text after it (`_paragraph_in`). The prefixes
    that are related-content headings cut the page and end the article where no text follows
    them (`text_follows`); the rest stand in the text's flow ("Lesen Sie hier einen weiteren
    Beitrag …")."""
    prefixes = phrase_index("teaser_prefixes.txt", 2)
    folded, low = page.folded, start + (end - start) * _READ_ALSO_FROM // 10
    for first in page.listed(low, end):
        if folded[first] not in prefixes or not page.initials[first].isupper() or first in page.cut_kinds:
            continue
        words = phrase_at(prefixes, folded, first)
        if words and not _paragraph_in(page, first + words, end):
            return first
    return end


def link_list_start(page: FlatPage, start: int, end: int) -> int:
    """Where a list of links of one form after the text's last paragraph starts in
    tokens[start:end], else `end`: a sentence's opening (a capitalised function word after a
    lower-case word, the last sentence's end) whose first `_LINK_OPENING` tokens, two function
    words among them, open another run right after it ("… warten | Hier das Einzel Tableau in
    Kiel Hier das Einzel Tableau in Lübeck"), past the text's opening, with no paragraph of the
    text after it. The text's sentences seldom open alike twice in a row; a site's links do."""
    folded, size, words, initials = page.folded, _LINK_OPENING, function_words(), page.initials
    low = start + (end - start) * _LINK_FROM // 10
    # The function words picked out in C: a sentence's opening is one (`FlatPage.opens_sentence`).
    for first in compress(count(low), page.function_flags[low : max(low, end - 2 * size)]):
        if not (initials[first].isupper() and initials[first - 1].islower()):
            continue
        opening = folded[first : first + size]
        again = range(first + size, min(end - size, first + 2 * size + _LINK_GAP) + 1)
        # Its first word printed again is looked for in C first: most openings are not.
        if opening[0] not in folded[again.start : again.stop]:
            continue
        if sum(word in words for word in opening) < 2:  # a name's reprint, no link's phrase
            continue
        if any(folded[at : at + size] == opening for at in again) and not _paragraph_in(page, first, end):
            return first
    return end


def signed_teaser_start(page: FlatPage, start: int, end: int) -> int:
    """Where a teaser signed by its byline ends the text tokens[start:end], else `end`: "Von"
    and a name (two labels) among its last `_TEASER_BYLINE_TOKENS` tokens, past its half
    ("… Fahrplans | Von Jana Olsen und"). A teaser prints its authors under its title and lead;
    the article's own byline stands in its head, and its last sentence ends on no author's
    name. The teaser opens at its title: the first run of labels within `_TEASER_TOKENS` before
    the byline, else at the byline."""
    tokens, labels = page.tokens, page.labels
    for low in range(max(start + (end - start) // 2, end - _TEASER_BYLINE_TOKENS), end - 2):
        if tokens[low] == "Von" and labels[low + 1] and labels[low + 2]:
            title = _LABEL_RUN.search(labels, max(start, low - _TEASER_TOKENS), low)
            return title.start() if title else low
    return end


def dated_list_start(page: FlatPage, start: int, end: int) -> int:
    """Where a list of other articles under the text tokens[start:end] starts, else `end`: a
    related-content heading ("Mehr zum Thema", "Die Redaktion empfiehlt") past the text's half
    with a date at most `_DATED_LIST_TOKENS` tokens after it that no sentence runs through: the
    article's own stamp, which some sites print under the list with its authors ("… Datum 28 04
    2023 Autor …"), or how long ago a teaser in it was posted ("vor 18 Tagen"). A box set
    inside the text is followed by the text's paragraphs, which carry no such date, and the
    article's stamp in its head stands before the box; a note that the text was updated
    ("Aktualisiert am …") may close the text itself, right after its last paragraph."""
    low = start + (end - start) // 2
    headings = [span for span in page.spans if span.kind == "tail" and low <= span.start < end]
    if not headings:
        return end  # as on most pages
    dates = [
        *(
            stamp.start
            for stamp in page.stamps
            if not (stamp.updated or in_sentence(page, Span(stamp.start, stamp.end, "stamp")))
        ),
        *(ago for ago, _, _ in page.relative_times),
    ]
    for heading in headings:
        if any(heading.end < date <= heading.start + _DATED_LIST_TOKENS for date in dates):
            return heading.start
    return end


def sign_off_start(page: FlatPage, start: int, end: int) -> int:
    """Where what follows an agency's sign-off starts past the text's half, else `end`: a
    news agency (`news_agencies.txt`) after a capitalised word that closes a sentence (the
    "(KNA)" after "… Stil des Präsidiums"), the desks' initials after it, then a capital (a
    box or teaser: "… Präsidiums | KNA DR | Zentralkomitee der Katholiken Das …"). After a
    preposition the agency is a sentence's ("gegenüber AFP"), after a first name and a surname
    a picture's credit ("Pavel Golovkin dpa"), and so before a photographer's name in capitals
    ("AFP JENS OLSEN") or a picture agency ("dpa picture alliance")."""
    tokens, agencies = page.tokens, frozenset(data_lines("news_agencies.txt"))
    low = start + _SIGN_OFF_FROM * (end - start) // 10
    for position in page.listed(low, end - 1):
        if tokens[position] not in agencies or position < 2:
            continue
        before = tokens[position - 1]
        if not before[:1].isupper() or page.folded[position - 1] in function_words():
            continue
        if opens_name(tokens[position - 2]):
            continue
        after = position + 1
        while after < end and tokens[after].isupper() and len(tokens[after]) <= _SIGN_OFF_INITIALS:
            after += 1
        opening = tokens[after] if after < end else ""
        if opening[:1].isupper() and not opening.isupper() and agency_end(tokens, after) is None:
            return after
    return end


def _paragraph_in(page: FlatPage, low: int, high: int) -> bool:
    """Whether tokens[low:high] hold `PARAGRAPH_TOKENS` in a row with no run of labels."""
    edges = [low, *(i for run in _LABEL_RUN.finditer(page.labels, low, high) for i in run.span()), high]
    return any(b - a >= PARAGRAPH_TOKENS for a, b in zip(edges[::2], edges[1::2], strict=True))


def next_article_start(page: FlatPage, start: int, end: int) -> int:
    """Where the head of another article starts in tokens[start:end], else `end`: a byline
    opened by its label ("von A B und C") with a date stamp right after it, as a page that
    stacks whole articles (an endless scroll, a series page) prints each one's head. Names
    beside a date without a label sign embedded posts and comments (see `comments_start`)."""
    stamp_starts = {stamp.start for stamp in page.stamps}
    heads = (
        low
        for low, high, _ in page.bylines
        if start + _NEXT_HEAD_AFTER <= low < end
        and page.tokens[low] in BYLINE_OPENERS
        and high in stamp_starts
    )
    return next(heads, end)


def comments_heading_start(page: FlatPage, start: int, end: int) -> int:
    """Where the comment section's heading with its count ("Kommentare 56", an interface label
    of `boilerplate_lines.txt`) stands past the text's half, else `end`: the comments, their
    rules and form follow it, and the site's prompt before it is read up to it. The count may
    stand before the word ("56 Kommentare"), then with a capital after them ("… Bitte
    anmelden"): a sentence goes on in lower case ("hat 56 Kommentare bekommen"), and other
    counts before a word ("16 Bilder", a gallery inside the text) head no comments."""
    tokens, initials, low = page.tokens, page.initials, start + (end - start) // 2
    # The counts picked out in C; the heading is the word before one, or after it.
    for number in compress(count(low + 1), map(str.isdigit, tokens[low + 1 : end])):
        position = number - 1
        if initials[position].isupper() and is_interface_text(f"{tokens[position]} {tokens[number]}"):
            return position
        if (
            number + 2 < end
            and initials[number + 1].isupper()
            and initials[number + 2].isupper()
            and is_interface_text(f"{tokens[number + 1]} {tokens[number]}")
        ):
            return number
    return end


def comments_start(page: FlatPage, start: int, end: int) -> int:
    """Where a comment section the article's run of prose ran into starts, else `end`: a
    series of stamps stating a time of day or a name beside the date, as comments carry (the
    article's paragraphs carry none; labelled ones, "Aktualisiert am", are the article's
    updates), each at most `_COMMENT_GAP` tokens after the one before. How long ago a post was
    made ("vor 16 Stunden") stamps comments and a list of teasers alike, never the article's
    paragraphs, whatever word follows it (a commenter may sign in lower case: one such stamp
    may run on into a sentence, a series does not). The section starts at its first stamp, or
    at the name right before it."""
    named_from: dict[int, int] = {}  # where a byline ends (a stamp may start) → where it starts
    for low, high, _ in page.bylines:
        named_from.setdefault(high, low)
    opened = {low for low, _, _ in page.bylines}
    signed = [
        stamp.start
        for stamp in page.stamps
        if start < stamp.start < end
        and not stamp.labelled
        and (stamp.timed or stamp.start in named_from or stamp.end in opened)
    ]
    ago = [low for low, _, _ in page.relative_times if start < low < end]
    first = series_start(sorted(signed + ago) if ago else signed, _COMMENT_RUN, _COMMENT_GAP)
    return end if first is None else named_from.get(first, first)
