"""Markdown → blocks, with YAML front matter (title/date/author/source keys) as stated metadata.

Parsed with markdown-it-py (CommonMark); only the text of inline markup survives, inline
HTML tags are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import escapedSplit, getLine, table
from markdown_it.token import Token

from presseschau.clean.blocks import WRAP_MIN, Block
from presseschau.clean.dates import iso_from_timestamp, parse_date_line, stamp_opening
from presseschau.clean.footer import plain_line
from presseschau.clean.resources import function_words
from presseschau.clean.shape import more_words_than, normalise_space, undoubled
from presseschau.clean.stated import Stated

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TAG = re.compile(r"<[^>]*>")
# Emphasis stars CommonMark could not pair stay text, at the edge of a text run next to a word
# ("*Von [Ulrich Ebeling](…)*Korrespondent": the closing star stands before a letter); a gender
# star stands inside a word ("Lehrer*innen") and stays.
_STRAY_STAR = re.compile(r"^\*+(?=\S)|(?<=\S)\*+$")
# Raw HTML in markdown: what a browser never shows as text must not become body text either.
_HIDDEN_HTML = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?(</\1\s*>|\Z)", re.I | re.S)
# A link to a place on the same page ("[Was sagen Sie …?](#wodarg)", a table of contents) leads
# nowhere else: its text counts as the page's own, not as link text ("#" alone is a script's button).
_JUMP = re.compile(r"#[^#\s]+")
# Two spaces or more inside a line of markdown show nothing but a line break a converter lost.
_LOST_BREAK = re.compile(r" {2,}")
# The rest of a link whose text spans a blank line ("[![Foto](…)" / "Caption](url)"), or of an
# image without a source ('![Alt]( "© Credit")'): CommonMark leaves it as text, but its target
# is no text a reader sees.
_LINK_TAIL = re.compile(r"\]\(\S*?(?:\s+\"[^\"]*\")?\)")
# An image whose alt text (a picture's description, often in two languages) holds a blank line:
# CommonMark ends the paragraph there and prints the description as text, which a reader of
# the page never sees. Its alt text is at most this many characters (a caption's length).
_SPANNING_IMAGE = re.compile(r"!\[[^\[\]]{0,1000}?" + _LINK_TAIL.pattern)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A heading a layout table's cell runs into its stamp line has at least this many words (as has
# a headline a picture's title runs into), the stamp's line (date, section, comment count) at most
# this many.
_HEADING_MIN_WORDS, _STAMP_LINE_WORDS = 3, 12
# A link's text spans at most this many blocks (a teaser card: kicker, headline, summary, date).
_SPANNING_LINK_BLOCKS = 6
# A picture at most this many blocks under a heading whose alt text opens the heading, with a
# headline's words after it: the layout ran the picture's title (a roofline) into the headline.
_ROOFLINE_BLOCKS = 6
_KEYS = {
    "title": ("title", "headline"),
    "published": ("date", "published", "pubdate", "publishdate", "published_at", "datepublished"),
    "authors": ("author", "authors", "byline", "autor"),
    "outlet": ("source", "outlet", "publisher", "site", "site_name", "quelle"),
    "lead": ("description", "summary", "lead", "teaser"),
    "dateline": ("dateline", "location", "ort"),
}


# Containers whose inline text becomes one block of this kind (a table cell: a row's part).
_KIND_OF = {
    "heading_open": "h",
    "list_item_open": "li",
    "blockquote_open": "quote",
    "th_open": "row",
    "td_open": "row",
    "layout_cell_open": "cell",
}


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Nothing is rendered, so no link is unsafe: markdown-it's default check would leave
    # links to data: and file: URLs unparsed, and their markup would reach the body as text.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    parser.block.ruler.at("table", _table_keeping_every_cell, {"alt": ["paragraph", "reference"]})
    # The text is given it normalised (`_normalised`): its own rule's regex pass is skipped.
    parser.core.ruler.disable("normalize")
    return parser


def _normalised(text: str) -> str:
    """`text` as markdown-it's `normalize` rule makes it (CommonMark's line endings "\\r\\n" and
    "\\r" as "\\n", NUL as U+FFFD), without that rule's regex pass: it replaces every line
    break by itself, one match each, where most texts hold nothing to change."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\0", "\ufffd") if "\0" in text else text


def _table_keeping_every_cell(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's GFM table rule, without its loss: GFM ignores the cells of a row beyond the
    header row's count, but a page converted to markdown sets a layout table's nested tables in
    one row, the article among them (markdown-it issue #59; the GFM spec: "the excess is ignored").
    The excess cells are kept as cells of their row."""
    first = len(state.tokens)
    if not table(state, start, end, silent):
        return False
    if not silent:
        state.tokens[first:] = _widened(state, state.tokens[first:])
    return True


def _widened(state: StateBlock, tokens: list[Token]) -> list[Token]:
    """The tokens of one table with each body row's excess cells added; when there are any, its
    cells are a layout table's (`layout_cell_*`), their lost line breaks restored."""
    columns = sum(token.type == "th_open" for token in tokens)
    widened: list[Token] = []
    line = 0
    for token in tokens:
        if token.type == "tr_open" and token.map:
            line = token.map[0]
        elif token.type == "tr_close" and widened[-1].type == "td_close":
            cells = escapedSplit(getLine(state, line).strip())
            cells = cells[1 if cells[0] == "" else 0 : -1 if len(cells) > 1 and cells[-1] == "" else None]
            opening, inline, closing = widened[-3:]
            for cell in cells[columns:]:
                widened += [opening.copy(attrs={}), inline.copy(content=cell.strip(), children=[]), closing]
        widened.append(token)
    if len(widened) == len(tokens):
        return widened
    # A row wider than its header: a layout table. Its cells hold the page's text, and a
    # converter that sets a cell on one line leaves its line breaks as runs of spaces.
    layout = {"th_open": "layout_cell_open", "td_open": "layout_cell_open"}
    layout |= {"th_close": "layout_cell_close", "td_close": "layout_cell_close"}
    return [
        token.copy(content=_LOST_BREAK.sub("\n", token.content))
        if token.type == "inline"
        else token.copy(type=layout.get(token.type, token.type))
        for token in widened
    ]


def read_markdown(text: str) -> tuple[list[Block], Stated]:
    match = _FRONT_MATTER.match(text)
    stated = Stated()
    if match:
        stated = _front_matter(match["yaml"])
        text = text[match.end() :]
    return _blocks(_parser().parse(_without_spanning_images(_normalised(_HIDDEN_HTML.sub("", text))))), stated


def _without_spanning_images(text: str) -> str:
    """`text` without the images whose alt text spans a blank line (see `_SPANNING_IMAGE`)."""
    if "![" not in text:
        return text
    return _SPANNING_IMAGE.sub(lambda image: "" if _BLANK_LINE.search(image[0]) else image[0], text)


def _front_matter(source: str) -> Stated:
    try:
        data = yaml.safe_load(source)
    except (yaml.YAMLError, ValueError):  # ValueError: a date YAML reads but the calendar lacks
        return Stated()
    if not isinstance(data, dict):
        return Stated()
    values = {str(key).casefold(): value for key, value in data.items()}

    def first(field: str) -> object:
        return next((values[key] for key in _KEYS[field] if values.get(key) not in (None, "")), None)

    return Stated(
        title=_text(first("title")),
        lead=_text(first("lead")),
        published=_date(first("published")),
        authors=_names(first("authors")),
        outlet=_text(first("outlet")),
        dateline=_text(first("dateline")),
    )


def _text(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return normalise_space(str(value)) or None if isinstance(value, str | int | float) else None


def _date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return iso_from_timestamp(value.isoformat())
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        parsed = parse_date_line(value)
        return parsed[0] if parsed else iso_from_timestamp(value)
    return None


def _names(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names = (_text(item) for item in items)
    return tuple(name for name in names if name)


def _blocks(tokens: Sequence[Token]) -> list[Block]:
    blocks: list[Block] = []
    kinds: list[str] = []
    number = ""
    level = 0
    # Where a link whose text spans blank lines opened: the block after which its text runs.
    opened: int | None = None
    heading: int | None = None  # the last heading's block
    for token in tokens:
        if token.type in _KIND_OF:
            kinds.append(_KIND_OF[token.type])
            level = int(token.tag[1:]) if token.type == "heading_open" else level
            # An ordered item keeps its number: "7. November 2023" opens an ordered list in CommonMark.
            number = f"{token.info}{token.markup} " if token.type == "list_item_open" and token.info else ""
        elif token.type.replace("_close", "_open") in _KIND_OF and kinds:
            kinds.pop()
        elif token.type == "inline":
            kind = kinds[-1] if kinds else "p"
            lines, links, targets = _inline_lines(
                token.children or [], heading=kind == "h", lines=kind == "cell"
            )
            if opened is not None and _closes_link(token.children or []):
                if len(blocks) - opened <= _SPANNING_LINK_BLOCKS:
                    blocks[opened:] = [replace(block, links=1.0) for block in blocks[opened:]]
                opened = None
            elif lines and lines[-1].endswith("["):
                opened = len(blocks) + len(lines)
            marker = (number or "- ") if kind == "li" else ""
            kind = "p" if kind == "cell" else kind
            stated_level = level if kind == "h" else 0
            if heading is not None and "![" in token.content and len(blocks) - heading <= _ROOFLINE_BLOCKS:
                blocks[heading] = _without_roofline(blocks[heading], token.children or [])
            blocks += [Block(marker + text, kind, links, stated_level, targets) for text in lines]
            heading = len(blocks) - 1 if kind == "h" and lines else heading
        elif token.type in ("html_block", "fence", "code_block"):
            for line in token.content.splitlines():
                text = plain_line(line) if token.type == "html_block" else normalise_space(line)
                if text:
                    blocks.append(Block(text, "p"))
    return blocks


def _without_roofline(heading: Block, children: Sequence[Token]) -> Block:
    """The heading without the alt text of a picture in an inline run under it (`children`)
    when that text of two words or more opens the heading and at least `_HEADING_MIN_WORDS` words
    follow it ("Adblue nachfüllen: wo kaufen; Preis So wird Adblue …" over the picture "Adblue
    nachfüllen: wo kaufen; Preis"): a page's picture repeats its own title, not its headline, and
    a layout setting that title as a roofline over the headline runs the two together in one
    heading with nothing between them."""
    for child in children:
        if child.type == "image" and more_words_than(alt := normalise_space(child.content), 1):
            rest = heading.text.removeprefix(alt + " ")
            # A headline opens with a capital; a sentence runs on from its subject ("Neue Fähre
            # fährt …" under the picture "Neue Fähre") with a verb or a joining word.
            if rest != heading.text and rest[:1].isupper() and more_words_than(rest, _HEADING_MIN_WORDS - 1):
                return replace(heading, text=rest)
    return heading


def _closes_link(children: Sequence[Token]) -> bool:
    """Whether an inline run closes a link opened in a run before it ("Caption](url)")."""
    for child in children:
        if child.type == "text" and "](" in child.content and (tail := _LINK_TAIL.search(child.content)):
            return child.content.rfind("![", 0, tail.start()) < 0
    return False


def _inline_lines(
    children: Sequence[Token], *, heading: bool = False, lines: bool = False
) -> tuple[list[str], float, tuple[str, ...]]:
    """The visible text of an inline run, the share of it that links to other pages, and the
    addresses its links lead to. A run of short lines (a date line over a source line, as a
    page converted to markdown stacks them) is a line each, as a browser's copy of the page
    has them; lines of wrapped prose are one.
    A `heading` opening with an emphasised kicker run into the headline ("*Technologie im
    Klassenzimmer* Künstliche Intelligenz …") gets the colon German sets between them. With
    `lines`, every line is one (a layout table's cell, its paragraphs set on lines)."""
    kicker = _kicker_end(children) if heading else None
    parts: list[str] = []
    targets: list[str] = []
    jumps: list[bool] = []
    linked = total = depth = 0
    for child in children:
        content = ""
        if child.type == "text":
            content = _STRAY_STAR.sub("", child.content) if "*" in child.content else child.content
            if "](" in content and (tail := _LINK_TAIL.search(content)):
                before = content[: tail.start()]
                if (image := before.rfind("![")) >= 0:  # an image CommonMark left unparsed: its alt text
                    parts.append(before[:image])
                else:  # the link was opened before this run: everything up to here is its text
                    total += len(before.strip())
                    linked = total
                    parts.append(before)
                content = content[tail.end() :]
        elif child.type == "code_inline":
            content = child.content
        elif child.type in ("softbreak", "hardbreak"):
            content = "\n"
        elif child.type == "html_inline" and not _TAG.fullmatch(child.content.strip()):
            content = child.content
        elif child.type == "link_open":
            targets.append(str(child.attrGet("href") or ""))
            jumps.append(_JUMP.fullmatch(targets[-1]) is not None)
            depth += 0 if jumps[-1] else 1
        elif child.type == "link_close" and jumps:
            depth -= 0 if jumps.pop() else 1
        elif child is kicker:
            content = ":"
        parts.append(content)
        size = len(content.strip())
        total += size
        linked += size if depth > 0 else 0
    share = linked / total if total else 0.0
    text = "".join(parts)
    if lines or "\n" in text:  # most runs are one line: normalised once, not per line and then whole
        split = [undoubled(line) for part in text.split("\n") if (line := normalise_space(part))]
        if lines:  # a layout cell, whose heading may have run into the stamp line under it
            return [piece for line in split for piece in _heading_and_stamp(line)], share, tuple(targets)
        if len(split) > 1 and all(len(line) < WRAP_MIN for line in split):
            return split, share, tuple(targets)
    return [undoubled(joined)] if (joined := normalise_space(text)) else [], share, tuple(targets)


def _heading_and_stamp(line: str) -> list[str]:
    """A line of a layout table's cell as the lines it ran together: a converter joins the
    cell's heading and the stamp line under it with a single space ("Der Tag am Hafen vor 5
    Stunden in Aktuelles"). The words before the stamp are a heading when they are at least
    `_HEADING_MIN_WORDS`, close on a word that ends no sentence and no phrase (a function word,
    "bis 15.12.2023", runs a sentence on through the date), and the stamp's line is short."""
    at = stamp_opening(line)
    if not at:
        return [line]
    head, stamp = line[:at].rstrip(), line[at:]
    words = head.split()
    if (
        len(words) < _HEADING_MIN_WORDS
        or not head[-1].isalnum()
        or words[-1].casefold() in function_words()
        or more_words_than(stamp, _STAMP_LINE_WORDS)
    ):
        return [line]
    return [head, stamp]


def _kicker_end(children: Sequence[Token]) -> Token | None:
    """The close of the emphasis a heading opens with, when words follow it without a colon or
    other punctuation between them: the end of a kicker the layout sets apart by its type."""
    if not children or children[0].type not in ("em_open", "strong_open"):
        return None
    close = children[0].type.replace("_open", "_close")
    end = next((i for i, child in enumerate(children) if child.type == close), None)
    if end is None or end + 1 >= len(children) or children[end + 1].type != "text":
        return None
    after = children[end + 1].content
    return children[end] if after[:1].isspace() and after.strip()[:1].isalpha() else None
