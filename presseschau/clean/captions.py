"""Image captions and their credits ("… Bild: Name/Agentur"): both leave the body.

The credit goes to `image_credits`; the caption's words go to `image_captions`, because a
caption still names people, places and dates the article is about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presseschau.clean.blocks import Block
from presseschau.clean.resources import function_words
from presseschau.clean.shape import is_heading_like, more_words_than

# A credit label ends the block; it may be glued to the caption ("(ArchivbildBild: …").
# The lookahead on the first letters is tested first: at most positions it fails at once, before
# the costlier lookbehind is tried (several times faster on long blocks).
_CREDIT = re.compile(
    r"(?=[BFGIPC©])(?:(?<![A-ZÄÖÜ])"
    r"(?:Bild|Bilder|Foto|Fotos|Foto\(s\)|Bildquelle|Bildrechte|Grafik|Illustration|Photo|Image|Credit)"
    r"\s*:\s*(?P<credit>[^:\n]{2,150}?)\s*\)?$"
    r"|©\s*(?P<copyright>[^\n©]{2,120}?)\s*\)?$)"
)
# The longest credit label ("Illustration"), which stands right before its colon.
_LABEL_MAX_CHARS = 12
_CREDIT_MAX_WORDS = 15
_SENTENCE_MIN_WORDS, _SENTENCE_DENSITY = 4, 0.2
_ALT_TEXT_MAX_WORDS = 20


@lru_cache(maxsize=8192)
def credit_of(text: str) -> str | None:
    """The credit that ends `text` when `text` is an image caption or a bare credit line."""
    if ":" not in text and "©" not in text:
        return None
    match = _CREDIT.search(text, _earliest_credit(text))
    if match is None:
        return None
    credit = (match["credit"] or match["copyright"] or "").strip()
    if not credit or more_words_than(credit, _CREDIT_MAX_WORDS) or re.search(r"[.!?]\s+[A-ZÄÖÜ]", credit):
        return None
    # Names and agencies, not a sentence: "Erstes Bild: So könnte die Seilbahn aussehen" is a headline.
    words = credit.split()
    if (
        len(words) >= _SENTENCE_MIN_WORDS
        and sum(w.casefold() in function_words() for w in words) / len(words) >= _SENTENCE_DENSITY
    ):
        return None
    return credit


def _earliest_credit(text: str) -> int:
    """Where in `text` a credit can start. It runs to the end and holds no colon after its
    label's, nor a "©" after its own: its label stands before the text's last colon, its "©" is
    the last one. A search from there (the lookbehind still sees what comes before) finds what a
    search of the whole text does, without trying each position of a long paragraph."""
    colon = text.rfind(":")
    label = len(text)
    if colon >= 0:
        label = colon
        while label > 0 and text[label - 1].isspace():
            label -= 1
        label = max(0, label - _LABEL_MAX_CHARS)
    mark = text.rfind("©")
    return min(label, mark) if mark >= 0 else label


def is_bare_credit(text: str) -> bool:
    """A credit line without a caption of its own ("(Foto: picture alliance/dpa)")."""
    return credit_of(text) is not None and not more_words_than(_CREDIT.sub("", text).strip(" ()"), 1)


def remove_captions(blocks: list[Block]) -> tuple[list[Block], tuple[str, ...], tuple[str, ...]]:
    """Drop caption blocks (and the alt text just before one); return the credits and captions."""
    kept: list[Block] = []
    credits: list[str] = []
    captions: list[str] = []
    for block in blocks:
        credit = credit_of(block.text) if block.kind != "h" else None
        if credit is None:
            kept.append(block)
            continue
        if credit not in credits:
            credits.append(credit)
        caption = _CREDIT.sub("", block.text).strip().rstrip("(").strip()
        if more_words_than(caption, 1):
            captions.append(caption)
        if len(kept) > 1 and _is_alt_text(kept[-1]):
            kept.pop()
    return kept, tuple(credits), tuple(captions)


def _is_alt_text(block: Block) -> bool:
    """A short label without a full stop right above a caption is the image's alt text."""
    return (
        block.kind == "p"
        and is_heading_like(block.text)
        and not more_words_than(block.text, _ALT_TEXT_MAX_WORDS)
        and not block.text.rstrip().endswith(("?", "!", ":"))
    )
