"""Raw bytes → text: reject what is not an article, detect encoding and format.

Pure functions: bytes or str in, `Decoded` out, or `RejectedInput` with a reason
a person can act on. Reading files is the flow's job.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
import ftfy
import ftfy.badness
import ftfy.chardata
import ftfy.fixes
import lxml.etree
import lxml.html

from presseschau.models import Decoded


class RejectedInput(ValueError):
    """The input is not an article we can read; `reason` is a short machine tag."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


# Magic numbers of formats that are certainly not article text.
_BINARY_SIGNATURES = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"PK\x03\x04": "zip archive (or docx/xlsx)",
    b"RIFF": "RIFF media file",
    b"\x7fELF": "executable",
}

# Comments may come before the doctype (a server's or template's note): they are skipped.
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I | re.S
)
_HTML_BLOCK_TAG = re.compile(r"<(p|div|article|section|body|head|h[1-6]|br|table|main|header|figure)\b", re.I)
_HTML_ANY_TAG = re.compile(
    r"</?(p|div|span|article|section|body|head|h[1-6]|a|ul|li|br|meta|script|table)\b", re.I
)
_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n.*?\n---\s*\n", re.S)
_MD_HEADING = re.compile(r"^#{1,6} \S", re.M)
_MD_INLINE = re.compile(r"\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)")
# Control characters no text holds (tab, line breaks and form feed aside), as the bytes UTF-8
# writes them: they are ASCII, so deleting them from the encoded text counts them, in C.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
# A line this long with (almost) no sentence marks is a flattened page, not a heading or a note.
_FLATTENED_MIN_CHARS = 500
# Characters cp1252 produces from bytes that, in German text, mean another encoding was used.
_UNLIKELY_CP1252 = re.compile(r"[ŠŒŽšœžŸ‰†‡ˆ˜¤¦¨¸¾Ãþð]")
# UTF-8 for umlauts and accented letters (C3 xx) and typographic quotes and dashes (E2 80 xx):
# bytes Windows-1252 text practically never contains.
_UTF8_LETTERS = re.compile(rb"\xc3[\x80-\xbf]|\xe2\x80[\x80-\xbf]")
_CP1252_FALLBACK = "presseschau-cp1252-fallback"
# Mojibake is a multi-byte UTF-8 character read as one-byte characters: every byte of it is
# above ASCII, so it always leaves two non-ASCII characters side by side. Text without such a
# pair cannot hold mojibake and skips ftfy's badness check (milliseconds per article).
# Encoded as UTF-8, such a pair is a continuation byte (80–BF) followed by a lead byte (C0–FF):
# the bytes translated to their class (0 ASCII, 1 continuation, 2 lead) are searched for 1, 2,
# several times faster than a regex over the characters.
_UTF8_BYTE_CLASS = bytes(0 if byte < 0x80 else 1 if byte < 0xC0 else 2 for byte in range(256))
# The characters ftfy's `remove_control_chars` drops, as one compiled class: ftfy deletes them
# with `str.translate` over a dict, which costs about 1.4 ms per article even when none occurs.
_FTFY_CONTROL = re.compile("[" + "".join(map(re.escape, map(chr, sorted(ftfy.chardata.CONTROL_CHARS)))) + "]")
# The same characters as UTF-8 bytes: the ASCII ones, and the first two bytes of the others.
_FTFY_CONTROL_ASCII = bytes(code for code in sorted(ftfy.chardata.CONTROL_CHARS) if code < 0x80)
_FTFY_CONTROL_LEADS = tuple(
    sorted({chr(code).encode("utf-8")[:2] for code in ftfy.chardata.CONTROL_CHARS if code >= 0x80})
)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)
# Keep typographic quotes: German „…“ are meaningful for quote extraction.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC", explain=False)


# Repairing and cleaning remove mojibake, navigation and boilerplate, never half of a long text:
# a text more than this many times `max_body_chars` long is refused before them, whose cost
# grows with its length (a 19 MB file took 96 s to be refused after cleaning).
TEXT_PER_BODY = 2
# Elements of a page whose content no reader sees.
_HIDDEN_ELEMENTS = ("script", "style", "noscript", "template", "svg")


def decode_bytes(data: bytes, max_body_chars: int | None = None) -> Decoded:
    """Decode article bytes, repairing mojibake; raise `RejectedInput` for non-text, and with
    `max_body_chars` for text too long to hold a body under that cap (`TEXT_PER_BODY`)."""
    if not data.strip():
        raise RejectedInput("empty", "the file is empty or only whitespace; nothing to extract")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise RejectedInput("binary", f"the file is a {kind}, not article text")
    encoding, text = _decode(data)
    if text.count("\x00") > len(text) // 100:
        raise RejectedInput("binary", "the file contains NUL bytes; it looks binary, not article text")
    text = text.replace("\x00", "")
    encoded = _utf8(text)
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(text) // 50):
        raise RejectedInput("binary", f"{controls} control characters; the file is not readable text")
    limit = TEXT_PER_BODY * max_body_chars if max_body_chars is not None else None
    if limit is not None and len(text) > limit and (chars := readable_chars(text)) > limit:
        raise RejectedInput(
            "body_too_long",
            f"its text has {chars:,} characters before cleaning, more than {TEXT_PER_BODY} × "
            f"max_body_chars={max_body_chars:,}: cleaning never removes that much, so it was not cleaned",
        )
    text = _repaired(text, encoded)
    if not text.strip():
        raise RejectedInput("empty", "the file holds no visible text after decoding")
    return Decoded(text=text, encoding=encoding, format=detect_format(text))


def readable_chars(text: str) -> int:
    """Characters a reader of `text` sees: of an HTML page, its text outside markup, scripts
    and styles (a page's markup and inline data can be ten times its text)."""
    if detect_format(text) != "html":
        return len(text)
    try:
        tree = lxml.html.fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True, remove_comments=True))
    except (lxml.etree.ParserError, ValueError):
        return len(text)
    lxml.etree.strip_elements(tree, *_HIDDEN_ELEMENTS, with_tail=False)
    return len(tree.text_content())


def _repaired(text: str, encoded: bytes) -> str:
    """Mojibake repaired by ftfy where its badness check finds any; ftfy's full pass costs
    milliseconds per article, so clean text only gets its cheap steps (line breaks, stray
    control characters, NFC). `encoded` is the text as UTF-8."""
    adjacent_non_ascii = not text.isascii() and b"\x01\x02" in encoded.translate(_UTF8_BYTE_CLASS)
    if adjacent_non_ascii and ftfy.badness.is_bad(text):
        return ftfy.fix_text(text, config=_FTFY_CONFIG)
    text = ftfy.fixes.fix_line_breaks(text)
    if _may_hold_ftfy_control(encoded):
        text = _FTFY_CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def _may_hold_ftfy_control(encoded: bytes) -> bool:
    """Whether the UTF-8 text may hold a character ftfy removes as a control character (an
    ASCII one, or the first bytes of another). Byte searches are C loops several times faster
    than the regex scan they spare most articles."""
    # Each lead's second byte is looked for first: a one-byte search runs at memchr's speed, and
    # these bytes are rare in German text, where E2 opens every typographic quote and dash.
    return len(encoded.translate(None, _FTFY_CONTROL_ASCII)) < len(encoded) or any(
        lead[1:] in encoded and lead in encoded for lead in _FTFY_CONTROL_LEADS
    )


def _utf8(text: str) -> bytes:
    # Decoded text may hold lone surrogates; "surrogatepass" writes them as UTF-8 would.
    return text.encode("utf-8", "surrogatepass")


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", data.decode("utf-16", errors="replace")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_LETTERS.search(data):
        # UTF-8 with some bytes of another encoding (files pasted together, a damaged byte):
        # keep what is valid UTF-8 and read only the invalid bytes as Windows-1252.
        return "utf-8+cp1252", data.decode("utf-8", errors=_CP1252_FALLBACK)
    # Most non-UTF-8 German text is Windows-1252; accept it unless it decodes to letters
    # German never uses, then let charset-normalizer decide.
    try:
        text = data.decode("cp1252")
        if not _UNLIKELY_CP1252.search(text):
            return "cp1252", text
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None:
        # Not decodable as any known charset: latin-1 maps every byte, and the
        # control-character check above decides whether it is text at all.
        return "latin-1", data.decode("latin-1")
    encoding = best.encoding
    return encoding, data.decode(encoding, errors="replace")


def detect_format(text: str) -> str:
    """Classify decoded text as `html`, `flattened`, `markdown` or `text`.

    Markdown may carry a little inline HTML (an aggregator's `<ul>` of sources); it is HTML
    only when it starts like a page or is built from HTML block elements.
    """
    head = text[:5000]
    if _HTML_START.match(head):
        return "html"
    # A page flattened to one line: long, and without the full stops running text has. The
    # marks are counted first: most texts have them, and then need no split into lines.
    if sum(text.count(mark) for mark in ".!?") < len(text) / 500:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) <= 3 and max((len(line) for line in lines), default=0) > _FLATTENED_MIN_CHARS:
            return "flattened"
    # Each pattern is searched only where the characters it needs occur (a line opening
    # with "#", "**" or "[", a "<"): the substring tests are much cheaper than the scans.
    markdown = bool(
        _FRONT_MATTER.match(text)
        or ((text.startswith("#") or "\n#" in text) and _MD_HEADING.search(text))
        or (("**" in text or "[" in text) and len(_MD_INLINE.findall(text)) >= 2)
    )
    tagged = "<" in head
    block_tags = len(_HTML_BLOCK_TAG.findall(head)) if tagged else 0
    if markdown and block_tags < 3:
        return "markdown"
    if block_tags >= 2 or (tagged and len(_HTML_ANY_TAG.findall(head)) > max(12, len(head) // 400)):
        return "html"
    return "markdown" if markdown else "text"
