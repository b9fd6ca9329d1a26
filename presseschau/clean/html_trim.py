"""What trafilatura's recall mode lets through from the boxes before, inside and after an
article, taken out of its main text by their shape: the site's talk to its reader before
anything else, a box set above the article's date line, teasers closed by a "more" link,
credit lines between paragraphs, notes on the author, and the labels (and a dialog's
sentences) after the last sentence."""

from __future__ import annotations

from collections import Counter
from functools import cache

from presseschau.clean.blocks import Block
from presseschau.clean.byline import has_byline_marker, parse_byline
from presseschau.clean.captions import credit_of
from presseschau.clean.dates import find_stamp, parse_date_line, states_time_ago
from presseschau.clean.html_header import holds
from presseschau.clean.prose import PROSE_DENSITY, measure_text
from presseschau.clean.region import is_author_note, series_start
from presseschau.clean.resources import data_lines
from presseschau.clean.shape import is_heading_like, is_list_item, is_prose, more_words_than
from presseschau.clean.stated import Stated

# What closes a sentence, closing quotes included; and how far from its end a "more" link stands.
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "“", "”", "»", "«")
_READ_MORE_CHARS = 16
# A news ticker: this many list items that are stamps, each at most one item after the last;
# a stamp item has at most this many characters.
_TICKER_STAMPS, _TICKER_STAMP_CHARS = 3, 40
# The site's talk to its reader after the article is a dialog's line or two (an article's last
# paragraph, most often longer, is not measured for it).
_SITE_TALK_MAX_CHARS = 300
# The heading of a press release's closing profile of its issuer ("Über Nordex SE").
_ABOUT = ("Über ", "About ")
# A date line has at most this many characters ("Veröffentlicht am 19. November 2021, 10:27 Uhr").
_DATE_LINE_MAX_CHARS = 60
# A credit line between paragraphs has at most this many words (and characters).
_CREDIT_LINE_MAX_WORDS, _CREDIT_LINE_MAX_CHARS = 8, 120


def trimmed(blocks: list[Block], stated: Stated, cards: frozenset[str] = frozenset()) -> list[Block]:
    """trafilatura's main text of a page without those boxes (`stated`: what its markup says
    of the article: its authors, date and teaser; `cards`: the texts of its teaser cards,
    `html_teasers.teaser_cards`)."""
    blocks = _from_date_line(_without_leading_site_talk(blocks), stated)
    blocks = _without_inner_credits(_without_teasers(_without_ticker(blocks)))
    blocks = _without_trailing_labels(_without_company_profile(_without_author_notes(blocks, stated.authors)))
    return _without_trailing_cards(blocks, cards)


def _without_leading_site_talk(blocks: list[Block]) -> list[Block]:
    """`blocks` without the site's talk to its reader before anything else (a consent banner's
    "Wir verwenden Cookies …", "Weitere Infos findest Du in unserer Datenschutzerklärung.")."""
    start = 0
    while start < len(blocks) and _is_site_talk(blocks[start].text):
        start += 1
    return blocks[start:] if start < len(blocks) else blocks


def _from_date_line(blocks: list[Block], stated: Stated) -> list[Block]:
    """`blocks` from the line dating the article (the date its markup states, "19.11.2021") on,
    when paragraphs stand above that line and below it: those above are a box the page sets
    over the article (a fact box on the article's subject, a teaser of another article), as the
    article opens under its date. Unless the page's teaser is among them: a page may show its
    teaser, then the date, then the text."""
    if not stated.published:
        return blocks
    published = stated.published
    line = next((index for index, block in enumerate(blocks) if _dates_article(block.text, published)), None)
    if line is None:
        return blocks
    above = [block.text for block in blocks[:line] if is_prose(block.text)]
    if not above or not any(is_prose(block.text) for block in blocks[line + 1 :]):
        return blocks
    if stated.lead and any(holds(text, stated.lead) for text in above):
        return blocks
    return blocks[line:]


def _dates_article(text: str, published: str) -> bool:
    """Is `text` a date line stating `published` (to the minute when it states a time)?"""
    # Most blocks are paragraphs far longer than a date line: one length test each.
    if len(text) > _DATE_LINE_MAX_CHARS:
        return False
    date = parse_date_line(text)
    return date is not None and published.startswith(date[0])


def _without_ticker(blocks: list[Block]) -> list[Block]:
    """`blocks` up to a news ticker after the article: a list whose every other item is a short
    stamp ("- vor 16 Stunden", "- Neue Spielabsagen in der Regionalliga …", "- vor 18 Stunden", …),
    at least `_TICKER_STAMPS` of them. An article's own lists hold no stamps between items."""
    stamps = [
        index
        for index, block in enumerate(blocks)
        if block.kind == "li" and len(block.text) <= _TICKER_STAMP_CHARS and _is_stamp_item(block.text)
    ]
    start = series_start(stamps, _TICKER_STAMPS, 2)
    if start is None or not any(is_prose(block.text) for block in blocks[:start]):
        return blocks
    return blocks[:start]


def _is_stamp_item(text: str) -> bool:
    item = text.removeprefix("- ")
    return states_time_ago(item) or find_stamp(item) is not None


def _without_teasers(blocks: list[Block]) -> list[Block]:
    """`blocks` without teasers of other articles: a text closed by a "more" link after its last
    sentence ("… Hier lesen Sie, was sich im Hafen ändert. mehr"), and the title line above it."""
    # Most blocks end with a full stop, not with a link's letters: one character tells.
    if not any(block.text[-1:].isalpha() and _ends_with_read_more(block.text) for block in blocks):
        return blocks
    kept: list[Block] = []
    for block in blocks:
        if not _ends_with_read_more(block.text):
            kept.append(block)
        elif kept and is_heading_like(kept[-1].text):
            kept.pop()
    return kept


def _without_trailing_cards(blocks: list[Block], cards: frozenset[str]) -> list[Block]:
    """`blocks` without the teaser cards' titles and excerpts after the article's last
    paragraph (labels between them stay for the label trim's reading): the cards of other
    articles the page sets under it; trafilatura often drops a card's linked title and keeps
    its excerpt, which then reads like the article's closing paragraph. A card between the
    article's paragraphs stays: there it may be a box the article announces. Runs after the
    label trim, which reads the excerpts' sentences as the end of the text it trims."""
    if not cards:
        return blocks
    in_cards: set[int] = set()
    for index in range(len(blocks) - 1, -1, -1):
        text = blocks[index].text
        if _of_cards(text, cards):
            in_cards.add(index)
        elif is_prose(text):
            return [block for number, block in enumerate(blocks) if number not in in_cards]
    return blocks


def _of_cards(text: str, cards: frozenset[str]) -> bool:
    """Is `text` a card's text, or two of them run together (trafilatura may join a card's
    paragraph and the heading it set apart, "ist Gründungspartner … Anna Berger")?"""
    if text in cards:
        return True
    return any(text.startswith(card) and text[len(card) :].strip() in cards for card in cards)


def _ends_with_read_more(text: str) -> bool:
    ending = text[-_READ_MORE_CHARS:].casefold()
    if not ending.endswith(_read_more_labels()):
        return False
    label = next(label for label in _read_more_labels() if ending.endswith(label))
    before = text[: -len(label)]
    return before[-1:].isspace() and before.rstrip().endswith(_SENTENCE_ENDS)


@cache
def _read_more_labels() -> tuple[str, ...]:
    """The labels, longest first: "mehr lesen" is found before "lesen" would be."""
    return tuple(sorted(data_lines("read_more_links.txt"), key=len, reverse=True))


def _without_inner_credits(blocks: list[Block]) -> list[Block]:
    """`blocks` without the bylines and source lines between the article's paragraphs ("Von Tim
    Ehlers", "Quelle: Landesregierung"): the credits of a box, a table or a teaser set inside
    the article. Those before its first paragraph and after its last stay for the frame."""
    # The first and last paragraphs, each found from its own end; the blocks between are tested
    # by their length first, as most are paragraphs far longer than a credit.
    first = next((i for i, block in enumerate(blocks) if is_prose(block.text)), len(blocks))
    last = next((i for i in range(len(blocks) - 1, first, -1) if is_prose(blocks[i].text)), first)
    credits = {
        index
        for index in range(first + 1, last)
        if len(blocks[index].text) <= _CREDIT_LINE_MAX_CHARS and _is_credit_line(blocks[index].text)
    }
    return [block for index, block in enumerate(blocks) if index not in credits] if credits else blocks


def _is_credit_line(text: str) -> bool:
    """A short byline, or a line labelled like one ("Quelle: …", "Autor: red"); a subheading
    opening with "Von" ("Von Risiken und Nebenwirkungen") is neither."""
    if more_words_than(text, _CREDIT_LINE_MAX_WORDS) or not has_byline_marker(text):
        return False
    return text.split(None, 1)[0].endswith(":") or parse_byline(text) is not None


def _without_author_notes(blocks: list[Block], authors: tuple[str, ...]) -> list[Block]:
    """`blocks` without the notes on the article's authors, sentences opening with an author's
    name and a verb ("Lena Brandt ist Head of Social & Community bei …", "Daniel Sommer
    arbeitete viele Jahre als Redakteur …"): the author box, not the article. A note naming them
    after their role ("Korrespondentin Lena Brandt ist …") is the frame's to read, in every shape."""
    if not authors:
        return blocks
    openings = tuple(f"{name} " for name in authors)
    # `startswith` with the openings tests them all in one C call; most blocks open with none.
    return [
        block
        for block in blocks
        if not (block.text.startswith(openings) and is_author_note(block.text, openings))
    ]


def _without_company_profile(blocks: list[Block]) -> list[Block]:
    """`blocks` without the profile a press release closes with: a heading "Über" / "About"
    and a company's name (its legal form last, "Über Beispiel Energie AG") over the
    paragraphs that describe the company, and perhaps the press contact's lines under them,
    to the end. The profile is the issuer's standing text, the same under each of its
    releases, not the news."""
    for index in range(len(blocks) - 2, -1, -1):
        text = blocks[index].text
        if text.startswith(_ABOUT) and is_heading_like(text) and _names_company(text):
            return blocks[:index] if _profile(blocks[index + 1 :]) else blocks
    return blocks


def _profile(blocks: list[Block]) -> bool:
    """Paragraphs, then no more of them: a profile, perhaps with contact lines under it."""
    prose = [is_prose(block.text) for block in blocks]
    paragraphs = prose.index(False) if False in prose else len(prose)
    return paragraphs > 0 and not any(prose[paragraphs:])


def _names_company(text: str) -> bool:
    words = text.rstrip(" .:").split()
    return len(words) > 1 and words[-1].rstrip(".") in _company_forms()


@cache
def _company_forms() -> frozenset[str]:
    return frozenset(data_lines("extract_company_forms.txt"))


def _without_trailing_labels(blocks: list[Block]) -> list[Block]:
    """`blocks` without the short labels after the article's last sentence: the box titles,
    link texts, contact lines, lists of dated headlines and dialogs trafilatura's recall lets
    through ("Mehr aus Thüringen", "Weiterführender Link", "Telefon: …", "Passwort vergessen?"),
    and the lines (not paragraphs) of a box the page shows twice, for narrow and wide screens.
    An article ends with a closed sentence, an undated list or its credits: the date, byline
    and image credit lines among the labels stay for the steps that read them. A text without
    a sentence is left as it is."""
    # `end` opens the run of labels; `start` the run of labels and short sentences, whose
    # sentences ("Das dauert nur einen kleinen Augenblick.") are a dialog's, not the article's end,
    # when the site talks to its reader in that run.
    end = start = len(blocks)
    shown = Counter(block.text for block in blocks)
    while start > 0:
        text = blocks[start - 1].text
        if _is_label(text) or (shown[text] > 1 and not is_prose(text)):
            if end == start:
                end -= 1
        elif not _is_short_sentence(text):
            break
        start -= 1
    if start < end and any(_is_site_talk(block.text) for block in blocks[start:]):
        end = start
    if not 0 < end < len(blocks):
        return blocks
    meta = [block for block in blocks[end:] if _is_meta(block.text)]
    return blocks[:end] + meta


def _is_lead_in(text: str) -> bool:
    """A line announcing what follows it and no sentence of its own ("- WLAN-Router mit Modem:",
    a box's list item over its offers; short lines so closed are headline-like already): with
    nothing of the article after it, a box's label."""
    return text.rstrip().endswith(":") and not is_prose(text)


def _is_short_sentence(text: str) -> bool:
    return text.endswith((".", "!", "?")) and not is_list_item(text) and not is_prose(text)


def _is_meta(text: str) -> bool:
    return parse_date_line(text) is not None or has_byline_marker(text) or credit_of(text) is not None


def _is_label(text: str) -> bool:
    """A headline-like line, a line stamped with a date and not closed like a sentence (an
    entry of a list of other articles, "- Werft baut schneller 4. November 2021", a programme
    note, "Dieses Thema im Programm: … | 20. April 2020 | 13:00 Uhr"), the site talking to its
    reader (a log-in dialog's "Wir schicken dir gleich eine E-Mail …"), or a listing."""
    return (
        is_heading_like(text)
        or (not text.rstrip().endswith(_SENTENCE_ENDS) and find_stamp(text) is not None)
        or _is_site_talk(text)
        or _is_listing(text)
        or _is_lead_in(text)
    )


def _is_listing(text: str) -> bool:
    """A line of names and numbers, not closed like a sentence and thin in function words: a
    shop widget's offer ("Ab 06:45 Uhr Beispiel Powerbank … Preis 50,99 € Ersparnis 15 %"), a
    row of tags. An article's last line is a sentence, or a list item, a credit or a date."""
    prose = measure_text(text)
    return not prose.sentence and prose.words >= 8 and prose.density < PROSE_DENSITY


def _is_site_talk(text: str) -> bool:
    return len(text) <= _SITE_TALK_MAX_CHARS and measure_text(text).is_site
