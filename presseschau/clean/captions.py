"""Image captions and their credits ("… Bild: Name/Agentur"): both leave the body.

The credit goes to `image_credits`; the caption's words go to `image_captions`, because a
caption still names people, places and dates the article is about.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from presseschau.clean.blocks import Block
from presseschau.clean.resources import data_lines, function_words
from presseschau.clean.shape import is_heading_like, more_words_than

# A credit label ends the block; it may be glued to the caption ("(ArchivbildBild: …").
# The lookahead on the first letters is tested first: at most positions it fails at once, before
# the costlier lookbehind is tried (several times faster on long blocks).
# The longest credit after its label's colon.
_CREDIT_MAX_CHARS = 150
_LABELS = r"Bild|Bilder|Foto|Fotos|Foto\(s\)|Bildquelle|Bildrechte|Grafik|Illustration|Photo|Image|Credit"
_CREDIT = re.compile(
    r"(?=[BFGIPC©TAS])(?:(?<![A-ZÄÖÜ])"
    rf"(?:{_LABELS}|(?:Titel|Archiv|Symbol)(?:bild|foto))"
    rf"\s*:\s*(?P<credit>[^:\n]{{2,{_CREDIT_MAX_CHARS}}}?)\s*\)?$"
    r"|©\s*(?P<copyright>[^\n©]{2,120}?)\s*\)?$"
    # A Creative Commons licence closing a caption is its credit ("… CC-BY-SA 2.0").
    r"|(?<!\w)(?P<licence>CC[- ]BY(?:[- ](?:SA|NC|ND))*(?:[- ]\d\.\d)?)\s*\)?$)"
)
# A full stop closing a word and a capital: a sentence ends there, as no credit's names do; a
# spaced-out one ("Theater St . Gallen") is an abbreviation's the page's markup parted from it.
_SENTENCE_BREAK = re.compile(r"(?<!\s)[.!?]\s+[A-ZÄÖÜ]")
# The longest credit label ("Illustration"), which stands right before its colon.
_LABEL_MAX_CHARS = 12
# The longest licence ("CC BY-NC-SA 4.0" with a closing bracket and spaces).
_LICENCE_MAX_CHARS = 20
_CREDIT_MAX_WORDS = 15
_SENTENCE_MIN_WORDS, _SENTENCE_DENSITY = 4, 0.2
_ALT_TEXT_MAX_WORDS = 20
_LABEL_ALONE = re.compile(rf"\W*(?:{_LABELS})\s*:$")
_SPLIT_CREDIT_MAX_WORDS = 4
_HEADING_CAPTION_WORDS = 12
# A caption is a sentence or two; where a person stands in the picture: "(l.)", "(r.)", "(M.)",
# "(v.l.)", "(li.)", "(re.)".
_CAPTION_MAX_CHARS = 250
_POSITION = re.compile(r"\((?:v\. ?)?(?:l|r|li|re|M)\.\)")
# A picture gallery's slide counter opening its caption ("3/7 Am Abend zog …").
_SLIDE = re.compile(r"(\d{1,2}) ?/ ?(\d{1,2})\s+[A-ZÄÖÜ„\"]")


@lru_cache(maxsize=8192)
def credit_of(text: str) -> str | None:
    """The credit that ends `text` when `text` is an image caption or a bare credit line."""
    # A licence closes a caption, which is short; an article's text may end with the licence
    # it stands under.
    licensed = len(text) <= _CAPTION_MAX_CHARS and "CC" in text[-_LICENCE_MAX_CHARS:]
    if ":" not in text and "©" not in text and not licensed:
        return None
    match = _CREDIT.search(text, _earliest_credit(text, licensed))
    if match is None or (match["licence"] and not licensed):
        return None
    credit = (match["credit"] or match["copyright"] or match["licence"] or "").strip()
    if not credit or more_words_than(credit, _CREDIT_MAX_WORDS) or _SENTENCE_BREAK.search(credit):
        return None
    # Names and agencies, not a sentence: "Erster Entwurf: So könnte die Brücke aussehen" is a headline.
    words = credit.split()
    if (
        len(words) >= _SENTENCE_MIN_WORDS
        and sum(w.casefold() in function_words() for w in words) / len(words) >= _SENTENCE_DENSITY
    ):
        return None
    return credit


def _earliest_credit(text: str, licensed: bool) -> int:
    """Where in `text` a credit can start. It runs to the end and holds no colon after its
    label's, nor a "©" after its own: its label stands before the text's last colon, its "©" is
    the last one. A search from there (the lookbehind still sees what comes before) finds what a
    search of the whole text does, without trying each position of a long paragraph. A label
    whose colon stands further from the end than a credit runs is none."""
    colon = text.rfind(":")
    label = len(text)
    if colon >= 0 and len(text[colon + 1 :].strip()) <= _CREDIT_MAX_CHARS + 1:  # and its ")"
        label = colon
        while label > 0 and text[label - 1].isspace():
            label -= 1
        label = max(0, label - _LABEL_MAX_CHARS)
    mark = text.rfind("©")
    licence = max(0, len(text) - _LICENCE_MAX_CHARS) if licensed else len(text)
    return min(label, licence, mark) if mark >= 0 else min(label, licence)


def is_slide_caption(text: str) -> bool:
    """Whether `text` is a gallery's caption: it opens with the slide's number of the slides
    ("3/7 Am Abend zog die Feuerwehr …"), as no headline or paragraph does."""
    slide = _SLIDE.match(text)
    return slide is not None and 0 < int(slide[1]) <= int(slide[2])


def is_bare_credit(text: str) -> bool:
    """A credit line without a caption of its own ("(Foto: picture alliance/dpa)")."""
    return credit_of(text) is not None and not more_words_than(_CREDIT.sub("", text).strip(" ()"), 1)


def remove_captions(blocks: list[Block]) -> tuple[list[Block], tuple[str, ...], tuple[str, ...]]:
    """Drop caption blocks (and the alt text just before one); return the credits and captions."""
    kept: list[Block] = []
    credits: list[str] = []
    captions: list[str] = []
    labelled = False
    for number, block in enumerate(blocks):
        if labelled:  # the credit under its label ("Foto:" / "WITTERS")
            labelled = False
            if block.text.strip() not in credits:
                credits.append(block.text.strip())
            continue
        credit = credit_of(block.text)
        # A heading ending in a credit is a caption the page set as a heading when it runs
        # longer than headings do; a short one ("Erstes Foto: Ana Ruiz") is a heading.
        if block.kind == "h" and (credit is None or not more_words_than(block.text, _HEADING_CAPTION_WORDS)):
            kept.append(block)
            continue
        if credit is None:
            if _credit_label(blocks, number):
                labelled = True
            elif (caption := _caption_alone(block.text)) is not None:
                captions.append(caption)
            else:
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


def _credit_label(blocks: list[Block], number: int) -> bool:
    """A credit's label alone on its line ("Foto:"), the credit on the next one ("WITTERS")."""
    text = blocks[number].text
    return (
        len(text) <= _LABEL_MAX_CHARS + 2
        and _LABEL_ALONE.match(text) is not None
        and number + 1 < len(blocks)
        and not more_words_than(blocks[number + 1].text, _SPLIT_CREDIT_MAX_WORDS)
    )


def _caption_alone(text: str) -> str | None:
    """The caption of a picture whose credit stands apart, when the block shows itself one: it
    opens with the picture's button ("Vergrößern Ein schmaler Steg über den Bach …",
    data/picture_buttons.txt) or says who stands where in it ("Jana Roth (l.) und …"),
    as an article's sentences do not."""
    if len(text) > _CAPTION_MAX_CHARS:
        return None
    button = _picture_button().match(text)
    if button is None and (".)" not in text or _POSITION.search(text) is None):
        return None
    return text[button.end() :].strip() if button else text.strip()


@cache
def _picture_button() -> re.Pattern[str]:
    buttons = sorted(data_lines("picture_buttons.txt"), key=len, reverse=True)
    # The caption opens with a capital after the button: "Vergrößern lässt sich …" is a sentence.
    return re.compile(r"\W*(?i:" + "|".join(map(re.escape, buttons)) + r")\b\W*(?=[A-ZÄÖÜ„\"])")


def _is_alt_text(block: Block) -> bool:
    """A short label without a full stop right above a caption is the image's alt text."""
    return (
        block.kind == "p"
        and is_heading_like(block.text)
        and not more_words_than(block.text, _ALT_TEXT_MAX_WORDS)
        and not block.text.rstrip().endswith(("?", "!", ":"))
    )
