"""An HTML page in the shapes people hand us: the text a browser copies, flattened, markdown.

What is rendered is what a reader sees without style sheets: the head, scripts, styles,
`noscript` (a browser with scripts does not show it), templates, SVG and embedded objects,
elements with the `hidden` attribute or an inline `display: none` / `visibility: hidden`,
closed dialogs and the body of closed `details` are removed. Style sheets are not evaluated,
so what a page hides through a CSS class (a collapsed menu, a screen-reader label) stays, as
it would in a copy from a page whose styles did not load. `aria-hidden` elements stay: it
hides them from screen readers, not from the eye, and a copy includes them.

The text follows the rules of a browser's "select all, copy" (the `innerText` algorithm):
block elements on lines of their own, paragraphs and headings set off by a blank line,
`<br>` a line break, whitespace collapsed except in `pre`, table cells separated by tabs.
List markers are not copied.
"""

from __future__ import annotations

import copy
import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement
from markdownify import MarkdownConverter

# Elements whose content a reader never sees on the page.
_UNSEEN = (
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "audio", "video", "source", "track", "map", "select", "datalist",
    "textarea", "input", "meta", "link",
)  # fmt: skip
_HIDING_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "caption", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})  # fmt: skip
# Paragraphs and headings have margins: a copy sets them off by a blank line.
_SPACED_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_SECTIONING = (
    "header", "footer", "main", "nav", "aside", "figure", "address", "hgroup", "details", "summary",
    "dialog", "fieldset", "form", "center", "menu", "legend", "figcaption",
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_SPACE = re.compile(r"[ \t\n\r\f]+")
_NON_WORD = re.compile(r"[^\w]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def visible_tree(page: bytes) -> HtmlElement:
    """The page parsed, without the elements a reader does not see (see the module docstring).

    Bytes are read as a browser reads them: UTF-8 when they are, else in the charset the page
    declares (lxml reads its `meta`), else Windows-1252. Mojibake stays as a browser shows it.
    """
    try:
        source: str | bytes = _XML_DECLARATION.sub("", page.decode("utf-8"))
    except UnicodeDecodeError:
        source = page
    tree = lxml.html.document_fromstring(source)
    # Comments go, their tails (text that follows them) stay.
    lxml.etree.strip_tags(tree, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    for details in tree.xpath("//details[not(@open)]"):  # closed: only its summary shows
        summaries = [child for child in details if child.tag == "summary"]
        details.clear(keep_tail=True)
        for summary in summaries:
            summary.tail = None
            details.append(summary)
    unseen = "|".join(f"//{tag}" for tag in _UNSEEN)
    for element in tree.xpath(f"{unseen}|//*[@hidden]|//dialog[not(@open)]"):
        element.drop_tree()
    # A page that hides its body until its scripts have run is shown, as a browser shows it.
    for element in tree.xpath("//body//*[@style]"):
        if _HIDING_STYLE.search(element.get("style", "")):
            element.drop_tree()
    return tree


def page_text(tree: HtmlElement) -> str:
    """The visible text of `tree` as a browser copies it (see the module docstring)."""
    writer = _Lines()
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == "pre":
                writer.verbatim += 1
            if tag in _BLOCKS:
                writer.block(2 if tag in _SPACED_BLOCKS else 1)
            elif tag == "br":
                writer.line_break()
            elif tag in _CELLS:
                writer.cell()
            writer.text(element.text)
        else:
            if tag in _BLOCKS:
                writer.block(2 if tag in _SPACED_BLOCKS else 1)
            if tag == "pre":
                writer.verbatim -= 1
            writer.text(element.tail)
    return writer.result()


def flatten(text: str) -> str:
    """`text` on one line without punctuation: every run of non-word characters one space."""
    return _NON_WORD.sub(" ", text)


def page_markdown(tree: HtmlElement) -> str:
    """A whole-page markdown conversion (markdownify, `#` headings) of the visible tree.

    markdownify knows `div`, `article` and `section` as blocks but not the other sectioning
    elements; a copy of the tree names those `div`, so that a footer does not run on from the
    last paragraph as it would in no converter's output.
    """
    tree = copy.deepcopy(tree)
    for element in tree.iter(*_SECTIONING):
        element.tag = "div"
    converter = MarkdownConverter(heading_style="ATX", bs4_options="lxml")
    return converter.convert(lxml.html.tostring(tree, encoding="unicode"))


class _Lines:
    """Collects text into lines: blocks break lines (a blank line where margins would show),
    `<br>` always does, runs of whitespace are one space except in `pre`."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.pending = 0  # line breaks owed before the next text: 1, or 2 for a blank line
        self.verbatim = 0  # depth of `pre` elements around the text

    def text(self, text: str | None) -> None:
        if not text:
            return
        if not self.verbatim:
            text = _SPACE.sub(" ", text)
            if text.startswith(" ") and (not self.current or self.current[-1].endswith((" ", "\t"))):
                text = text[1:]
            self.current.append(text)
            return
        first, *rest = text.split("\n")
        self.current.append(first)
        for part in rest:
            self._end_line(keep_empty=True)
            self.current.append(part)

    def block(self, breaks: int) -> None:
        self._end_line(keep_empty=False)
        self.pending = max(self.pending, breaks)

    def line_break(self) -> None:
        self._end_line(keep_empty=True)

    def cell(self) -> None:
        if "".join(self.current).strip():
            self.current[-1] = self.current[-1].rstrip(" ")
            self.current.append("\t")

    def _end_line(self, keep_empty: bool) -> None:
        line = "".join(self.current)
        line = line.rstrip() if self.verbatim else line.strip(" ")
        self.current = []
        if not line.strip() and not keep_empty:
            return
        if self.lines and self.pending >= 2 and self.lines[-1]:
            self.lines.append("")
        self.lines.append(line)
        self.pending = 0

    def result(self) -> str:
        self._end_line(keep_empty=False)
        text = "\n".join(self.lines).strip("\n")
        return re.sub(r"\n{3,}", "\n\n", text) + "\n"
