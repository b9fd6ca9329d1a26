"""The headline of an HTML page: the one the page shows, confirmed by what its metadata says.

A page names its article several times: the JSON-LD `headline`, `og:title`, `twitter:title`,
`<title>` and the visible `<h1>`. Meta titles carry the site's name, a section or a date
("… | HB | 28.04.2023", "… - Landespolitik - Hafenradio"), SEO and social titles may differ from the
headline on the page, and an `<h1>` may set a kicker ("Dachzeile") or a subtitle apart from the
headline in elements of its own. The headline is the visible `<h1>` (or the part of it) that a
meta title names too, as a whole or as one of its separated segments; the one element the
page's microdata marks as its headline is looked at first, and taken even when no meta title
names it. An `<h1>` in the page's navigation (a breadcrumb) is not the headline; a page whose
`<h1>` no meta title confirms (a logo, a section name, no `<h1>` at all) is named by its meta
titles, JSON-LD first. Site names are recognised by the page's own statements (`og:site_name`, the
publisher, the domain), never by a list of sites.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from presseschau.clean.dates import parse_date_line
from presseschau.clean.outlets import known_outlet
from presseschau.clean.shape import letters_key, more_words_than, normalise_space

# Separators between a headline and the site, section or kicker around it in a page title:
# spaced dashes, bars, dots, slashes, guillemets and double colons; and a colon after a word.
_SEPARATOR = re.compile(r"\s+(?:[|–—·•ǀ/>»-]|::?)\s+|(?<=\w):\s+|(?<=[\"“”«»]):\s+")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
_KEY = re.compile(r"[^\W_]+")
# A title part that is a host name ("hafenblatt.de", "foerde-news.com") names the site.
_HOST_NAME = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,12}$", re.I)
_QUOTES = re.compile(r"[„“”‚‘’\"'»«›‹]")
# A section label after a site name ("… | hafenblatt.de | Bücher & Autoren"): a few words,
# not a sentence.
_LABEL_MAX_WORDS = 3
# A headline confirmed by a meta title that starts with it (or it with the meta title) shares
# at least this many words with it: "Ganz neu: Fährmann fährt nach Helgoland" and its
# meta title "…, Nordsee", or a social title cut off mid-sentence.
_PREFIX_MIN_WORDS = 4
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Headline:
    text: str | None
    element: HtmlElement | None = None
    """The `<h1>` the headline was read from: the page's header (byline, date) follows it."""


def unescape(text: str) -> str:
    """Text with HTML entities decoded, also those a page escaped twice (`zerst&amp;ouml;ren`)."""
    for _ in range(2):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return normalise_space(text)


def page_headline(
    tree: HtmlElement, meta_titles: Sequence[str | None], site_keys: frozenset[str]
) -> Headline:
    """The page's headline. `meta_titles` in order of trust (JSON-LD, OpenGraph, Twitter, `<title>`),
    `site_keys` the site's names (`site_name_keys`)."""
    titles = [unescape(title) for title in meta_titles if title]
    # A site name that is a whole title is a misused field (`application-name` set to the headline).
    site_keys -= {letters_key(title) for title in titles}
    written = {_as_written(title) for title in titles}
    metas: list[str] | None = None  # the titles without site names, made when first needed
    h1s, marked = _headings(tree)
    shown = (h1 for h1 in h1s if not _in_navigation(h1))
    for heading in (marked, *shown) if marked is not None else shown:
        full = unescape(heading.text_content())
        if not full or is_site_name(full, site_keys):
            continue
        if _as_written(full) in written:
            return Headline(full, heading)  # a meta title writes the heading as it stands
        if metas is None:
            metas = _without_site(titles, site_keys)
        found = _confirmed(full, _parts(heading), metas)
        if found:
            return Headline(found, heading)
        if not metas:
            return Headline(full, heading)
    if marked is not None and (text := unescape(marked.text_content())):
        return Headline(text, marked)  # the page says so, whatever its SEO and social titles say
    metas = _without_site(titles, site_keys) if metas is None else metas
    return Headline(metas[0] if metas else None)


def _headings(tree: HtmlElement) -> tuple[list[HtmlElement], HtmlElement | None]:
    """The page's `<h1>`s, and the heading its microdata marks as its headline
    (`itemprop="headline"`, outside navigation) when it marks one: a page marking many marks
    a list of teasers. One pass over the headings serves both."""
    h1s: list[HtmlElement] = []
    marked: list[HtmlElement] = []
    for heading in tree.iter(*_HEADINGS):
        if heading.tag == "h1":
            h1s.append(heading)
        if (prop := heading.get("itemprop")) and "headline" in prop.split():
            marked.append(heading)
    return h1s, marked[0] if len(marked) == 1 and not _in_navigation(marked[0]) else None


def _in_navigation(element: HtmlElement) -> bool:
    """Is `element` in the page's navigation (`<nav>`)? An `<h1>` there is a breadcrumb's
    current item: the page's label in its menus (often its SEO title), not the headline set
    over the article."""
    return next(element.iterancestors("nav"), None) is not None


def _without_site(titles: list[str], site_keys: frozenset[str]) -> list[str]:
    return [stripped for title in titles if (stripped := strip_site(title, site_keys))]


def _confirmed(full: str, parts: list[str], metas: list[str]) -> str | None:
    """The text of an `<h1>` (`full`, or one of its `parts`) that a meta title names, if any.

    A meta title written as the whole `<h1>` confirms it whole; otherwise the part a meta
    title names (the headline, not the kicker or subtitle set apart from it), trusted meta
    titles first; otherwise the whole `<h1>` when a meta title names the same headline.
    """
    if any(_as_written(full) == _as_written(meta) for meta in metas):
        return full
    for confirms in (_same, _segment_of):
        for meta in metas:
            confirmed = [part for part in parts if confirms(part, meta)]
            if confirmed:
                return max(confirmed, key=len)
    return full if any(_confirms(full, meta) for meta in metas) else None


def strip_site(title: str, site_keys: frozenset[str]) -> str:
    """`title` without the site's name, the section labels next to it, or a date at either end."""
    parts = [part for part in _SEPARATOR.split(unescape(title)) if part.strip()]
    parts = _strip_tail(_strip_tail(parts, site_keys)[::-1], site_keys)[::-1]
    return _join(title, parts)


def _strip_tail(parts: list[str], site_keys: frozenset[str]) -> list[str]:
    """`parts` without a site name or date at its end, nor the labels around it ("… - Politik - WELT")."""
    for index in range(len(parts) - 1, 0, -1):
        if is_site_name(parts[index], site_keys) or _is_date(parts[index]):
            head = parts[:index]
            while len(head) > 1 and _is_label(head[-1]) and more_words_than(" ".join(head[:-1]), 2):
                head = head[:-1]
            return _strip_tail(head, site_keys)
        if not _is_label(parts[index]):
            break
    return parts


def _join(title: str, parts: list[str]) -> str:
    """The stretch of `title` from its first kept part to its last, separators as written."""
    text = unescape(title)
    if not parts:
        return ""
    start = text.find(parts[0])
    end = text.rfind(parts[-1]) + len(parts[-1])
    return text[start:end].strip() if 0 <= start < end else " ".join(parts)


def site_names(names: Iterable[str | None], urls: Iterable[str | None]) -> list[str]:
    """The names a page goes by: stated names, and the domain (with and without its suffix)."""
    found = [name for name in names if name]
    for url in urls:
        host = urlsplit(url).hostname if url and "//" in url else None
        if host:
            labels = host.removeprefix("www.").split(".")
            found += [".".join(labels[-2:]), labels[-2] if len(labels) > 1 else labels[0]]
    return found


def site_name_keys(names: Iterable[str]) -> frozenset[str]:
    """The site's names (`site_names`) in the form they are compared in."""
    return frozenset(key for name in names if (key := letters_key(unescape(name))))


def is_site_name(text: str, site_keys: frozenset[str]) -> bool:
    """Does `text` name the site: its stated name or domain (also inside a short text), a host
    name, or a known outlet?"""
    key = letters_key(text)
    if not key:
        return False
    if known_outlet(text) is not None or key in site_keys or _HOST_NAME.match(text.strip()):
        return True
    short = not more_words_than(text, 6)
    return any(
        (len(key) >= 4 and key in site) or (short and len(site) >= 4 and site in key) for site in site_keys
    )


def is_site_desk(name: str, site_keys: frozenset[str]) -> bool:
    """Is a byline's `name` the site's own desk: its name alone or leading ("MDR THÜRINGEN")?"""
    words = name.split()
    return bool(words) and (letters_key(name) in site_keys or letters_key(words[0]) in site_keys)


def _is_date(text: str) -> bool:
    return parse_date_line(text) is not None


def _is_label(text: str) -> bool:
    stripped = text.strip()
    return not more_words_than(stripped, _LABEL_MAX_WORDS) and not stripped.endswith(
        ("?", "!", ".", "“", '"')
    )


def _parts(h1: HtmlElement) -> list[str]:
    """The pieces an `<h1>` sets apart (kicker, headline, subtitle), when it has more than one."""
    pieces = [h1.text or ""]
    for child in h1:
        pieces += [child.text_content() if isinstance(child.tag, str) else "", child.tail or ""]
    texts = [text for piece in pieces if _KEY.search(text := unescape(piece))]
    return texts if len(texts) > 1 else []


def _as_written(text: str) -> str:
    """`text` compared as a reader sees it: case, quote style and spacing aside, separators kept."""
    return " ".join(_QUOTES.sub("", text).casefold().split())


def _words(text: str) -> list[str]:
    return _KEY.findall(text.casefold())


def _same(candidate: str, meta: str) -> bool:
    return _words(candidate) == _words(meta)


def _segment_of(candidate: str, meta: str) -> bool:
    """Is `candidate` one or more whole separated segments of `meta`?"""
    wanted = _words(candidate)
    segments = [_words(part) for part in _SEPARATOR.split(meta)]
    for start in range(len(segments)):
        run: list[str] = []
        for segment in segments[start:]:
            run += segment
            if run == wanted:
                return True
            if len(run) >= len(wanted):
                break
    return False


def _confirms(candidate: str, meta: str) -> bool:
    """Does `meta` name the same headline as the visible `candidate` (whole, a segment, or a
    stretch of words long enough to be the same sentence)?"""
    if _segment_of(candidate, meta) or _segment_of(meta, candidate):
        return True
    a, b = _words(candidate), _words(meta)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= _PREFIX_MIN_WORDS and longer[: len(shorter)] == shorter
