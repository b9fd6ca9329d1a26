"""Where the article stands on a whole page: the run of blocks that is its running text.

Every block gets a weight: article prose counts for its words, everything else (menu labels,
teaser titles, credits, the site's own prose) against them. The page then falls into
clusters, the runs a maximum-sum search finds one after another; the article is the first
cluster of substance (a comment section or a list of teasers after it may hold more prose),
joined with the clusters near it that are long enough to be its paragraphs rather than
teasers, as long as no related-content heading stands between them. The same search serves
the flattened page, whose "blocks" are runs of tokens between interface phrases.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from math import inf

from presseschau.clean.blocks import Block
from presseschau.clean.boilerplate import heads_related_content, is_interface_text
from presseschau.clean.byline import parse_byline
from presseschau.clean.captions import credit_of, is_bare_credit, is_slide_caption
from presseschau.clean.dates import find_stamp, states_time_ago
from presseschau.clean.prose import PROSE_MIN_WORDS, Prose, measure_text, prose_of
from presseschau.clean.resources import phrase_set
from presseschau.clean.shape import HEADING_MAX_WORDS, is_prose, matching_key, more_words_than

# A label or title costs this many times its words (plus one); a short closed sentence that
# is not prose counts half its words; a line of a table, nothing.
_LABEL_COST = 2.0
_SENTENCE_SHARE = 0.5
# The article is the first cluster holding this share of the largest one; where the page's
# head (stamp, byline) can be told, one that carries none must hold this share (a box or a row
# of teasers set above the article holds less).
_SUBSTANCE, _UNHEADED_SUBSTANCE = 0.3, 0.5
# A neighbouring cluster joins across at most 8 blocks when it holds 20 words (a teaser holds
# fewer); one before the article (the lead) joins across 4 blocks whatever its size: `Joins`.
# Repeated blocks of this many words or more are the page's furniture (info boxes, teasers).
_REPEAT_MIN_WORDS = 3
_CAPTION_MAX_WORDS = 30
# A date stamp has at most this many words around it, and weighs against the article as much
# as a comment or teaser (of this many words) weighs for it.
_STAMP_WORDS, _STAMP_COST = 12, 40.0
# Comments: this many stamps with a time of day or a name, each at most this many blocks after the last.
_COMMENT_RUN, _COMMENT_GAP = 3, 12
# A comment section opens with the site's talk at most this many blocks above its first stamp:
# the rules, a log-in and registration form's fields, a sort order, the first comment.
_COMMENT_FORM_BLOCKS = 24
# A comment's stamp of how long ago it was posted has at most this many characters.
_AGO_MAX_CHARS = 40
# A teaser's summary has at most this many words.
_TEASER_MAX_WORDS = 40
_NOTHING = prose_of(0, 0, 0, False)
# A teaser in a list of them: headline, summary, stamp.
_TEASER_LINES = 3
_TEASER_STAMP_WORDS = 24
_TEASER_LIST = 4
# A teaser in a list: its kicker, headline, summary, read-more link and picture's credit.
_TEASER_GAP = 6
# A teaser's headline has this many words at least; a shorter line is a label ("Podcast freigeben").
_HEADLINE_MIN_WORDS = 3
# Labels between the article's last paragraph and the teasers after it: a single one may be the
# placeholder of an embed over the article's last section ("Empfohlener redaktioneller Inhalt").
_TEASER_LABELS = 2
# The link texts that close a teaser of another article ("mehr", "weiterlesen"); a page's copy
# sets them on a line of their own under the teaser's summary.
_READ_MORE = phrase_set("read_more_links.txt")
# Two paragraphs side by side opening with this many characters alike are one text twice.
_OPENING_CHARS = 60
# A title the site cut short (`cut_short`) is a short line: a headline or a summary's opening.
_CUT_SHORT_MAX_CHARS = 160
# The footer's notice that the site reserves its rights, a short line: `_before_rights_notice`.
_RIGHTS_NOTICES = phrase_set("rights_notices.txt")
_NOTICE_MAX_CHARS = 80
# A note on an author is a sentence of this many words or more ("Inga Buller und Max Muster",
# a byline, is none); the byline stands at most `_BYLINE_BLOCKS` blocks above the article.
_NOTE_MIN_WORDS, _BYLINE_BLOCKS = 8, 6
# A byline run into the first paragraph has at most this many words ("Von Anna Maria Berger").
_BYLINE_WORDS = 4
# The labels of a web form's fields (a comment or newsletter form), each at most so long; those
# the list marks "*" only a form asks for ("E-Mail-Adresse", "Passwort"): they count alone.
_FIELD_LABELS_LISTED = phrase_set("form_fields.txt")
_FIELD_LABELS = frozenset(label.rstrip(" *") for label in _FIELD_LABELS_LISTED)
_LONE_FIELD_LABELS = frozenset(label.rstrip(" *") for label in _FIELD_LABELS_LISTED if label.endswith("*"))
_FIELD_LABEL_MAX_CHARS = 24
# A box a page closes with a line for screen readers ("Ende der weiteren Informationen"), which
# opens with a label its last word repeats ("Weitere Informationen"): each at most so many words;
# the closing line stands at most `_BOX_END_GAP` blocks after the article's run of prose.
_BOX_CLOSINGS = ("ende der ", "ende des ")
_BOX_LABEL_WORDS, _BOX_END_GAP = 4, 2
# The reading time a read-more link may state of the article it opens ("weiterlesen 5 Minuten").
_READING_TIME = re.compile(r" \d{1,3} ?min(?:uten)?$")


def weight(prose: Prose, *, repeated: bool = False, label: bool = False, linked: bool = False) -> float:
    """A block's or token run's vote for being article text. A paragraph that is all link
    (`linked`), prose or not, is a teaser for another page: an article links words, not paragraphs."""
    if not prose.words:
        return 0.0
    if (
        (repeated and prose.words >= _REPEAT_MIN_WORDS)
        or prose.is_site
        or linked
        or (label and not prose.is_prose)
    ):
        return -float(prose.words)
    if prose.is_prose:
        return float(prose.words)
    if prose.sentence and prose.function:
        return _SENTENCE_SHARE * prose.words
    return -_LABEL_COST * (prose.words + 1)


def block_weights(
    blocks: Sequence[Block],
    keys: Sequence[str],
    dated: frozenset[int],
    teasers: frozenset[int],
    *,
    captions: bool = True,
) -> list[float]:
    """Weights of a page's blocks (`keys`: their matching keys; `dated`: the indices of
    date-stamp lines; `teasers`: of teasers' summaries a read-more link closes, see
    `_read_on`). Table rows, list
    items and headings that link nowhere, and captions (a gallery's too) and credits of pictures
    are neutral: they stand inside articles as often as around them. Unless `captions`, a
    caption weighs as the text it is. A title the site cut short weighs as a link: a teaser's."""
    counts = Counter(keys)
    weights = []
    for index, block in enumerate(blocks):
        if index in dated:
            weights.append(-_STAMP_COST)
        elif (
            (block.kind in ("row", "li", "h") and not block.links)
            or credit_of(block.text) is not None
            or (captions and _captioned(blocks, index))
            or (block.text[:1].isdigit() and is_slide_caption(block.text))
        ):
            weights.append(0.0)
        else:
            key = keys[index]
            prose = measure_text(block.text)
            repeated = counts[key] > 1 or _twinned(keys, index)
            label = is_interface_text(block.text)
            linked = block.links > 0.5 or index in teasers or cut_short(block.text)
            weights.append(weight(prose, repeated=repeated, label=label, linked=linked))
    return weights


def _twinned(keys: Sequence[str], index: int) -> bool:
    """Whether the page shows block `index` (`keys`: the matching keys of its blocks) twice in a
    row, in two wordings (a notice set once for narrow and once for wide screens): the block
    beside it opens with the same `_OPENING_CHARS` characters."""
    key = keys[index]
    if len(key) <= _OPENING_CHARS:
        return False
    # A neighbour is compared in place (`startswith`), not by a slice of its own.
    opening = key[:_OPENING_CHARS]
    return (index > 0 and keys[index - 1].startswith(opening)) or (
        index + 1 < len(keys) and keys[index + 1].startswith(opening)
    )


def cut_short(text: str) -> bool:
    """Whether `text` is a short line ending in an ellipsis right after a word ("Bidens Bruder
    teilt trotz Freundin..."): the title of another article the site cut short, a link to it.
    A speaker trailing off (" …") leaves a space."""
    line = text.rstrip()
    if len(line) > _CUT_SHORT_MAX_CHARS:
        return False
    for ellipsis in ("...", "…"):
        if line.endswith(ellipsis):
            return line[-len(ellipsis) - 1 : -len(ellipsis)].isalnum()
    return False


def _read_on(blocks: Sequence[Block], keys: Sequence[str]) -> frozenset[int]:
    """The blocks a "more" link alone on the next line ("mehr", "weiterlesen") closes under a
    headline: teasers' summaries, whose links the page's copy lost, as the same teasers in
    markdown keep them. After the article's last paragraph, such a label is the site's menu."""
    return frozenset(
        link - 1
        for link in range(2, len(keys))
        if _reads_on(keys[link]) and measure_text(blocks[link - 2].text).heading
    )


def _reads_on(key: str) -> bool:
    """Whether a line (its matching key) is a read-more link, perhaps with the reading time of
    the article it opens ("weiterlesen 5 Minuten")."""
    if key in _READ_MORE:
        return True
    # Most lines end otherwise: one test of their ending each.
    return key.endswith(("min", "minuten")) and _READING_TIME.sub("", key) in _READ_MORE


def _captioned(blocks: Sequence[Block], index: int) -> bool:
    """A picture's caption: a short block right above a credit line of its own."""
    return (
        index + 1 < len(blocks)
        and is_bare_credit(blocks[index + 1].text)
        and not more_words_than(blocks[index].text, _CAPTION_MAX_WORDS)
    )


def block_stops(keys: Sequence[str]) -> set[int]:
    """Blocks (by their matching keys) after which a page lists other content ("Mehr zum
    Thema", data/tail_markers.txt)."""
    return {index for index, key in enumerate(keys) if heads_related_content(key)}


def _is_stamp(block: Block, max_words: int = _STAMP_WORDS) -> bool:
    """A short line stamping a date: teasers and comments carry one each, an article's
    paragraphs none, so each costs about what a comment or teaser weighs."""
    return not more_words_than(block.text, max_words) and find_stamp(block.text) is not None


def article_region(blocks: Sequence[Block]) -> tuple[int, int]:
    """(start, end) of the article's blocks on a page; (0, 0) when no block is prose. The
    article starts with a paragraph of prose and does not end with a heading; a list right
    after its last paragraph (a fact box, not links) ends it, and so does a picture there (its
    caption over its credit). A page with no prose but over a picture's credit (a video's page:
    its description over the still's credit) has that for its article."""
    dated = frozenset(index for index, block in enumerate(blocks) if _is_stamp(block))
    # Each block's matching key, made once for the page (a cached look-up each time after).
    keys = [matching_key(block.text) for block in blocks]
    teasers = _read_on(blocks, keys)
    stops = block_stops(keys)
    start, end = _region(blocks, block_weights(blocks, keys, dated, teasers), dated, teasers, stops)
    if end <= start:
        weights = block_weights(blocks, keys, dated, teasers, captions=False)
        start, end = _region(blocks, weights, dated, teasers, stops)
    return start, end


def _region(
    blocks: Sequence[Block],
    weights: Sequence[float],
    dated: frozenset[int],
    teasers: frozenset[int],
    stops: set[int],
) -> tuple[int, int]:
    """(start, end) of the article's blocks by these weights (see `article_region`)."""
    start, end = main_region(weights, stops, dated=dated)
    end = _before_rights_notice(blocks, start, end)
    end = _before_closed_box(blocks, start, end)
    # A note on the author, short as a caption, may stand over the credit of a picture, inside
    # the run or right under it: the picture rule below must not take it (back) in.
    noted = _before_author_note(blocks, start, len(blocks)) if start < end else end
    end = _before_comments(blocks, dated, start, min(end, noted))
    end = _before_read_on_teasers(blocks, teasers, start, end)
    end = _before_teasers(blocks, stops, start, end)
    end = _before_dated_teasers(blocks, dated, start, end)
    end = _before_teaser_list(blocks, start, end)
    end = _before_trailing_teasers(blocks, start, end)
    end = _before_form(blocks, start, end)
    while start < end and not measure_text(blocks[start].text).is_prose:
        start += 1
    while start < end and _heading(blocks[end - 1]):
        end -= 1
    while start < end < len(blocks) and blocks[end].kind == "li" and not blocks[end].links:
        end += 1
    # A picture (its caption over its credit) right after the last paragraph is the article's:
    # pages set one there as often as between paragraphs.
    while start < end and end + 2 <= noted and _captioned(blocks, end):
        end += 2
    return start, end


def _before_comments(blocks: Sequence[Block], dated: frozenset[int], start: int, end: int) -> int:
    """The article's end before a comment section its run of prose ran into (the comments'
    prose outweighs their stamps): a series of stamps stating a time of day or a name beside the
    date, as comments carry (a teaser box in the article dates its items by the day at most), or
    the time since the comment ("40 Minuten 12 Sekunden her", no date to read without the
    fetch time), each at most `_COMMENT_GAP` blocks after the one before."""
    signed = (index for index in dated if start < index < end and _signed(blocks[index]))
    ago = (index for index in range(start + 1, end) if _ago(blocks[index].text))
    first = series_start(sorted({*signed, *ago}), _COMMENT_RUN, _COMMENT_GAP)
    return end if first is None else _before_comment_form(blocks, start, first)


def _before_comment_form(blocks: Sequence[Block], start: int, first: int) -> int:
    """The article's end above the comment section whose first stamp is `first`: before the
    site's talk the section opens with (the comment rules, the log-in form's consent), at most
    `_COMMENT_FORM_BLOCKS` blocks above that stamp, and before the labels above that talk. The
    first comment may stand above its stamp, and its prose joined the article's run. Without
    the site's talk, the section opens at the stamp."""
    talk = next(
        (
            index
            for index in range(first - 1, max(start, first - _COMMENT_FORM_BLOCKS - 1), -1)
            if _site_talk(blocks[index])
        ),
        None,
    )
    if talk is None:
        return first
    while talk > start and not measure_text(blocks[talk - 1].text).is_prose:
        talk -= 1
    return talk if talk > start else first


def _site_talk(block: Block) -> bool:
    prose = measure_text(block.text)
    return prose.is_site and prose.words >= PROSE_MIN_WORDS


def _before_form(blocks: Sequence[Block], start: int, end: int) -> int:
    """The article's end before a form its run of prose ran into (a comment or newsletter form:
    "Kommentar", "Name *", "E-Mail *"), and before the labels and the site's talk above the
    form ("Sagen Sie uns Ihre Meinung", the comment rules). No article asks for a name or an
    address in its text."""
    field = next((index for index in range(start + 1, end) if _form_field(blocks, index)), None)
    if field is None:
        return end
    while field > start and not measure_text(blocks[field - 1].text).is_prose:
        field -= 1
    return field if field > start else end


def _form_field(blocks: Sequence[Block], index: int) -> bool:
    """Whether block `index` is a form's field: a field's label (data/form_fields.txt) alone on
    its line, marked as required ("Name *") or beside another field's label, or one only a
    form asks for ("E-Mail-Adresse"). Alone, a word like "E-Mail" is a share button, and
    "Kommentar" a box's title."""
    if not _is_field_label(blocks[index]):
        return False
    return (
        blocks[index].text.rstrip().endswith("*")
        or matching_key(blocks[index].text) in _LONE_FIELD_LABELS
        or (index > 0 and _is_field_label(blocks[index - 1]))
        or (index + 1 < len(blocks) and _is_field_label(blocks[index + 1]))
    )


def _is_field_label(block: Block) -> bool:
    # Most blocks are longer than a label: one length test each.
    return (
        block.kind == "p"
        and len(block.text) <= _FIELD_LABEL_MAX_CHARS
        and matching_key(block.text) in _FIELD_LABELS
    )


def _before_author_note(blocks: Sequence[Block], start: int, end: int) -> int:
    """The article's end before a note on its author ("Anna Berger arbeitete viele Jahre als
    Redakteurin …"), the author of the byline above its first paragraph: the author box closes
    the article, and what the page sets under it (the author's other articles, the site's
    appeals) is no more the article's than the box."""
    if end <= start:
        return end
    # The byline may open the first paragraph too ("Von Anna Berger Die Stadt …"), where a
    # page's markdown ran the two into one: its first three and four words are tried.
    opening_words = blocks[start].text.split(None, _BYLINE_WORDS)[:_BYLINE_WORDS]
    bylines = [block.text for block in blocks[max(0, start - _BYLINE_BLOCKS) : start]]
    bylines += [" ".join(opening_words[:size]) for size in range(_BYLINE_WORDS - 1, _BYLINE_WORDS + 1)]
    openings = tuple(
        f"{name} " for text in bylines if (byline := parse_byline(text)) for name in byline.authors
    )
    if not openings:
        return end
    return next(
        (index for index in range(start + 1, end) if is_author_note(blocks[index].text, openings)), end
    )


def is_author_note(text: str, openings: tuple[str, ...]) -> bool:
    """Whether `text` is a note on an author, a sentence opening with one of `openings` (an
    author's name and a space) and a word in lower case ("Lena Brandt ist Head of Social …")."""
    opening = next((opening for opening in openings if text.startswith(opening)), None)
    return (
        opening is not None
        and text[len(opening) : len(opening) + 1].islower()
        and is_prose(text, min_words=_NOTE_MIN_WORDS)
    )


def _before_rights_notice(blocks: Sequence[Block], start: int, end: int) -> int:
    """The article's end at the site's notice that it reserves its rights ("© Fördeblatt 2024.
    Alle Rechte vorbehalten."), which stands in the page's footer: the run of prose ran on into
    what a page sets after it, hidden dialogs with their texts (another article's pop-up)."""
    for index in range(start + 1, end):
        text = blocks[index].text
        # Most blocks are paragraphs longer than a notice: one length test each.
        if len(text) <= _NOTICE_MAX_CHARS and any(notice in matching_key(text) for notice in _RIGHTS_NOTICES):
            return index
    return end


def _before_closed_box(blocks: Sequence[Block], start: int, end: int) -> int:
    """The article's end before a box the page marks for screen readers, opened by a label
    ("Weitere Informationen") and closed right after the run of prose by a line whose last word
    repeats the label's ("Ende der weiteren Informationen"): a fact box set under the article,
    whose paragraphs joined its run."""
    for closing in range(end, min(end + _BOX_END_GAP, len(blocks))):
        key = matching_key(blocks[closing].text)
        if key.startswith(_BOX_CLOSINGS) and not more_words_than(key, _BOX_LABEL_WORDS):
            last = key.rsplit(None, 1)[-1]
            for index in range(end - 1, start, -1):
                label = matching_key(blocks[index].text)
                if label.endswith(f" {last}") and not more_words_than(label, _BOX_LABEL_WORDS):
                    return index
    return end


def _before_read_on_teasers(blocks: Sequence[Block], teasers: frozenset[int], start: int, end: int) -> int:
    """The article's end before a list of teasers its run ran into, as where a page sets the
    next article under the list: `_TEASER_LIST` summaries a read-more link closes (`teasers`),
    each at most `_TEASER_GAP` blocks after the one before. The article ends with its last
    paragraph above the first of them. A teaser of the article itself may stand above its text,
    alone."""
    first = series_start(sorted(i for i in teasers if start < i < end), _TEASER_LIST, _TEASER_GAP)
    if first is None:
        return end
    last = next(
        (
            i
            for i in range(first - 1, start - 1, -1)
            if i not in teasers and measure_text(blocks[i].text).is_prose
        ),
        None,
    )
    return end if last is None else last + 1


def series_start(positions: Iterable[int], length: int, gap: int) -> int | None:
    """The first of `length` ascending `positions` each at most `gap` after the one before (a
    comment section's stamps, on a page of lines or of tokens); None when no such series is there."""
    series: list[int] = []
    for position in positions:
        if series and position - series[-1] > gap:
            series = []
        series.append(position)
        if len(series) == length:
            return series[0]
    return None


def _ago(text: str) -> bool:
    """Whether a short line states how long ago a comment was posted, alone or after its
    writer's name."""
    return len(text) <= _AGO_MAX_CHARS and states_time_ago(text)


def _before_teasers(blocks: Sequence[Block], stops: set[int], start: int, end: int) -> int:
    """The article's end before a related-content heading its run of prose ran into ("Die
    meistgelesenen Artikel bei …") when only teasers follow it: a headline and a short paragraph
    each (sites cut their summaries short). The article, going on after a box, has longer
    paragraphs or two in a row."""
    for stop in sorted(index for index in stops if start < index < end):
        prose = [measure_text(block.text) for block in blocks[stop + 1 : end]]
        if not any(
            first.is_prose and (first.words > _TEASER_MAX_WORDS or second.is_prose)
            for first, second in pairwise([*prose, _NOTHING])
        ):
            return stop
    return end


def _before_dated_teasers(blocks: Sequence[Block], dated: frozenset[int], start: int, end: int) -> int:
    """The article's end before the teasers its run took in, when a list of them follows: each
    a headline, a summary and a stamp (the date and often the authors), the run's last one
    ending with its stamp or ended by it. An article's own stamp at its foot follows its last
    paragraph, not a headline and a paragraph, and no teaser the same way after it."""
    while end > start:
        ended = end < len(blocks) and _stamped(blocks, dated, end)
        above = [end] if ended else []
        above += _worded(blocks, range(end - 1, start, -1), _TEASER_LINES - len(above))
        if not _teaser(blocks, dated, above):
            break
        below = _worded(
            blocks, range(above[0] + 1, min(len(blocks), above[0] + 2 * _TEASER_LINES)), _TEASER_LINES
        )
        if not _teaser(blocks, dated, below[::-1]):
            break
        end = above[-1]
    return end


def _before_teaser_list(blocks: Sequence[Block], start: int, end: int) -> int:
    """The article's end before a list of teasers its run ends with: at least `_TEASER_LIST`
    headlines each over one short paragraph (at most `_TEASER_MAX_WORDS` words), labels and
    ads between them. The article's sections run longer, or in paragraphs one after another."""
    heads = _teaser_heads(
        blocks, start, end, lambda above: not above.is_prose and 0 < above.words <= HEADING_MAX_WORDS
    )
    return heads[-1] if len(heads) >= _TEASER_LIST else end


def _before_trailing_teasers(blocks: Sequence[Block], start: int, end: int) -> int:
    """The article's end before the few teasers its run ends with, past the labels after its
    last paragraph ("Teilen", "Anzeige"): each a headline over one short
    paragraph (at most `_TEASER_MAX_WORDS` words). The article's own last section stands right
    under its paragraph before, its subheading alone (or a picture's caption, or a question
    to someone) between them."""
    # A long headline (a kicker run into it) is no heading by its length, nor a sentence.
    heads = _teaser_heads(
        blocks,
        start,
        end,
        lambda above: (above.heading or not above.sentence) and above.words >= _HEADLINE_MIN_WORDS,
        listed=False,
    )
    if not heads:
        return end
    teaser = heads[-1]
    last = next((i for i in range(teaser - 1, start - 1, -1) if measure_text(blocks[i].text).is_prose), None)
    if last is None:
        return end
    # Labels are no sentences: a question to someone ("Wie sehen Sie das, Herr Berger?") is the article's.
    labels = sum(
        1
        for i in range(last + 1, teaser)
        if not measure_text(blocks[i].text).sentence
        and credit_of(blocks[i].text) is None
        and not _captioned(blocks, i)
    )
    return last + 1 if labels >= _TEASER_LABELS else end


def _teaser_heads(
    blocks: Sequence[Block], start: int, end: int, headline: Callable[[Prose], bool], *, listed: bool = True
) -> list[int]:
    """The headlines of the teasers the run blocks[start:end] ends with, last first: each a
    `headline` over one paragraph of at most `_TEASER_MAX_WORDS` words, other lines between them;
    unless `listed`, no list item is a headline (a list of links over the article's last paragraph)."""
    heads: list[int] = []
    index = end - 1
    while index > start:
        prose = measure_text(blocks[index].text)
        if not prose.is_prose:
            index -= 1
            continue
        above = blocks[index - 1]
        if (
            prose.words > _TEASER_MAX_WORDS
            or not headline(measure_text(above.text))
            or (not listed and above.kind == "li")
        ):
            break
        heads.append(index - 1)
        index -= 2
    return heads


def _stamped(blocks: Sequence[Block], dated: frozenset[int], index: int) -> bool:
    """A date stamp, or a teaser's line of authors and date ("Anna Berger, Lukas Wendt,
    Kiel 19.10.2019, 21:59"), longer than a stamp alone."""
    return index in dated or _is_stamp(blocks[index], _TEASER_STAMP_WORDS)


def _worded(blocks: Sequence[Block], indices: range, count: int) -> list[int]:
    """The first `count` of `indices` whose blocks hold a word (markdown leaves a link's bracket
    alone on a line)."""
    return list(islice((index for index in indices if any(c.isalpha() for c in blocks[index].text)), count))


def _teaser(blocks: Sequence[Block], dated: frozenset[int], lines: list[int]) -> bool:
    """Whether `lines` (a stamp, then the lines above it upwards) are a teaser's stamp, summary
    and headline."""
    if len(lines) < _TEASER_LINES:
        return False
    stamp, summary, headline = lines
    return (
        measure_text(blocks[summary].text).is_prose
        and measure_text(blocks[headline].text).heading
        and _stamped(blocks, dated, stamp)
    )


def _signed(block: Block) -> bool:
    """A stamp stating a time of day or a person's name beside its date, as a comment's does."""
    stamp = find_stamp(block.text)
    return stamp is not None and (
        "T" in stamp.iso
        or any((byline := parse_byline(part, expected=True)) and byline.authors for part in stamp.parts)
    )


def _heading(block: Block) -> bool:
    """A kicker or box title ("Fährverkehr in Kiel:") is no edge of the article's text."""
    return block.kind != "li" and measure_text(block.text).heading


@dataclass(frozen=True)
class Joins:
    """How clusters join the article: across at most `gap` units when they hold `words`; one
    before it (the lead) across at most `lead_gap` units whatever its size; one after it
    across any gap when it outweighs the article so far and holds `continuation` words."""

    gap: int = 8
    words: float = 20
    lead_gap: int = 4
    continuation: float = inf


def main_region(
    weights: Sequence[float],
    stops: set[int],
    joins: Joins = Joins(),
    dated: frozenset[int] = frozenset(),
    headed: Callable[[int], bool] | None = None,
) -> tuple[int, int]:
    """(start, end) of the article among units with these weights; `stops` are the indices of
    related-content headings, which no join crosses; no join after the article crosses a
    `dated` unit either (a date stamp, as teasers and comments carry), one before it may (the
    lead above the article's own stamp). `headed`, given a cluster's first unit, tells whether
    an article's head stands near it."""
    clusters = sorted(_clusters(weights))
    if not clusters:
        return 0, 0
    largest = max(mass for _, _, mass in clusters)
    seed = next(
        i
        for i, (first, _end, mass) in enumerate(clusters)
        if mass >= _SUBSTANCE * largest
        and (headed is None or mass >= _UNHEADED_SUBSTANCE * largest or headed(first))
    )
    start, end, mass = clusters[seed]

    def fits(left: int, right: int, stopped: set[int] | frozenset[int] = frozenset()) -> bool:
        crossed = any(left <= stop < right for stop in (*stops, *stopped))
        return right - left <= joins.gap and not crossed

    index = seed + 1
    while index < len(clusters):
        if not (fits(end, clusters[index][0], dated) and clusters[index][2] >= joins.words):
            later = _continuation(clusters, index, end, max(mass, joins.continuation), stops)
            if later is None:
                break
            index = later
        end = clusters[index][1]
        mass += clusters[index][2]
        index += 1
    for preceding in reversed(clusters[:seed]):
        if not (
            fits(preceding[1], start)
            and (preceding[2] >= joins.words or start - preceding[1] <= joins.lead_gap)
        ):
            break
        start = preceding[0]
    return start, end


def _continuation(
    clusters: list[tuple[int, int, float]], index: int, end: int, least: float, stops: set[int]
) -> int | None:
    """The index of the first of clusters[index:] holding `least` words or more, when no stop
    stands between the article's `end` and it: the text going on after a box set inside it
    (job ads, a TV guide), which parts it by more units than a join crosses."""
    later = next((i for i in range(index, len(clusters)) if clusters[i][2] >= least), None)
    if later is None or any(end <= stop < clusters[later][0] for stop in stops):
        return None
    return later


def _clusters(weights: Sequence[float]) -> list[tuple[int, int, float]]:
    """Disjoint runs of positive mass: the maximum-sum run, then the best runs left and right
    of it, and so on."""
    found: list[tuple[int, int, float]] = []
    pending = [(0, len(weights))]
    while pending:
        low, high = pending.pop()
        mass, start, end = _best_run(weights, low, high)
        if mass > 0:
            found.append((start, end, mass))
            pending += [(low, start), (end, high)]
    return found


def _best_run(weights: Sequence[float], low: int, high: int) -> tuple[float, int, int]:
    """(mass, start, end) of the maximum-sum run within [low, high) (Kadane)."""
    best = (0.0, low, low)
    current, start = 0.0, low
    for index in range(low, high):
        if current <= 0:
            current, start = 0.0, index
        current += weights[index]
        if current > best[0]:
            best = (current, start, index + 1)
    return best
