"""Pages around an article, in the input formats Presseschau reads: plain text with
boilerplate, markdown (aggregator style), full HTML pages with JSON-LD and OpenGraph, and
flattened one-line pages whose punctuation was stripped.

A renderer draws its layout from a `random.Random` seeded by the caller, so rendering the
same article twice gives the same page (the corpus measures the page, then adds blocks).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
from collections.abc import Callable

from benchmarks.articles import Block, Head, vocabulary

_NO_VIDEO = "This browser does not support the video element."
Renderer = Callable[[Head, list[Block], random.Random], str]
_NOT_WORD = re.compile(r"[^\w]+")


def _pick(rng: random.Random, key: str, k: int = 1) -> list[str]:
    words = vocabulary()[key]
    return rng.sample(words, min(k, len(words)))


def _byline(authors: tuple[str, ...]) -> str:
    if not authors:
        return ""
    if len(authors) == 1:
        return f"Von {authors[0]}"
    return f"Von {', '.join(authors[:-1])} und {authors[-1]}"


def _german_date(when: dt.datetime) -> str:
    return f"{when.day}. {vocabulary()['months'][when.month - 1]} {when.year}"


def _sources_footer(head: Head, rng: random.Random, tagged: bool) -> str:
    """The 'Details / Ort / Quellen' box of aggregator pages."""
    domains = [f"www.{d.split('|')[1]}" for d in _pick(rng, "outlets", 3)]
    if tagged:
        items = "".join(f'<li>• <a href="http://{d}">{d}</a></li>' for d in domains)
        return f"Details\t\n<b>Ort</b>\t{head.place}\n<b>Quellen</b>\t<ul>{items}</ul>"
    return f"Details\t\nOrt\t{head.place}\nQuellen\t<ul>" + "".join(f"• {d}" for d in domains) + "</ul>"


def render_text(head: Head, blocks: list[Block], rng: random.Random) -> str:
    """Plain text in one of three layouts: aggregator, newspaper, broadcaster."""
    paragraphs = [b.text for b in blocks]
    layout = rng.choice(("aggregator", "newspaper", "broadcaster"))
    if layout == "aggregator":
        if paragraphs:
            paragraphs[0] = f"{head.place} - {paragraphs[0]}"
        parts = ["", head.title, head.lead, *paragraphs, _sources_footer(head, rng, tagged=False)]
        return "\n\n".join([*parts, f"Besuchen Sie uns auf: {head.domain}\n"])
    if layout == "newspaper":
        teasers = [
            f"- {t}: {rng.choice(vocabulary()['topics'])} im Überblick" for t in _pick(rng, "places", 3)
        ]
        lines = [f"{head.place}. {head.lead}", *paragraphs[:2], *teasers, *paragraphs[2:]]
        return "\n".join(lines) + "\n"
    nav = "\n  ".join(f"{i}. {item}" for i, item in enumerate(_pick(rng, "navigation", 3), start=1))
    author = head.authors[0] if head.authors else head.outlet
    caption = f"{head.title} (Bild: {rng.choice(vocabulary()['agencies'])})"
    video = f"{rng.randint(0, 9):02d}:{rng.randint(0, 59):02d}\n\n" + _NO_VIDEO
    parts = [nav, head.title, f"{author} {head.place}\n{_german_date(head.published)}", head.lead, caption]
    parts += [*paragraphs[:3], video, *paragraphs[3:], "Mehr zum Thema", "Weitere Beiträge anzeigen\n"]
    return "\n\n".join(parts)


def render_markdown(head: Head, blocks: list[Block], rng: random.Random) -> str:
    """Markdown as aggregators write it, sometimes with YAML front matter."""
    body = [f"# {b.text}" if b.heading else b.text for b in blocks]
    if body and not blocks[0].heading:
        body[0] = f"**{head.place}** - {body[0]}"
    if rng.random() < 0.3:
        front = [f"title: {json.dumps(head.title, ensure_ascii=False)}", f"date: {head.published:%Y-%m-%d}"]
        front += [f"author: {json.dumps(a, ensure_ascii=False)}" for a in head.authors[:1]]
        return "\n".join(
            ["---", *front, "---", "", f"# {head.title}", "", head.lead, "", "\n\n".join(body), ""]
        )
    visit = f"**Besuchen Sie uns auf: [{head.domain}](http://{head.domain})**"
    parts = ["", f"## {head.title}", head.lead, *body, _sources_footer(head, rng, tagged=True), visit]
    return "\n\n".join(parts) + "\n"


def render_html(head: Head, blocks: list[Block], rng: random.Random) -> str:
    """A full article page: head metadata (OpenGraph, JSON-LD), navigation, article, footer."""
    e = html.escape
    iso = head.published.strftime("%Y-%m-%dT%H:%M:00+01:00")
    meta = [
        f'<meta property="og:title" content="{e(head.title)}">',
        f'<meta property="og:site_name" content="{e(head.outlet)}">',
        f'<meta property="og:description" content="{e(head.lead)}">',
        f'<meta property="article:published_time" content="{iso}">',
        *(f'<meta name="author" content="{e(a)}">' for a in head.authors),
    ]
    if rng.random() < 0.7:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": head.title,
            "datePublished": iso,
            "author": [{"@type": "Person", "name": a} for a in head.authors],
            "publisher": {"@type": "Organization", "name": head.outlet},
        }
        meta.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    nav = "".join(f'<li><a href="/{_slug(w)}">{e(w)}</a></li>' for w in _pick(rng, "navigation", 8))
    body = "\n".join(f"<h2>{e(b.text)}</h2>" if b.heading else f"<p>{e(b.text)}</p>" for b in blocks)
    agency = rng.choice(vocabulary()["agencies"])
    related = "".join(f'<li><a href="/{_slug(t)}">{e(t)}</a></li>' for t in _pick(rng, "topics", 4))
    footer = " | ".join(f'<a href="/{_slug(w)}">{e(w)}</a>' for w in _pick(rng, "page_footer", 5))
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>{e(head.title)} | {e(head.outlet)}</title>
{chr(10).join(meta)}
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"page":"article","id":{rng.randrange(10**8)}}});</script>
<style>.nav{{display:flex}}.teaser{{margin:0 auto}}</style>
</head><body>
<header class="site-header"><a class="logo" href="/">{e(head.outlet)}</a>
<nav class="nav"><ul>{nav}</ul></nav></header>
<main><article>
<h1>{e(head.title)}</h1>
<p class="lead"><strong>{e(head.lead)}</strong></p>
<div class="byline">{e(_byline(head.authors))}
<time datetime="{iso}">{head.published:%d.%m.%Y, %H:%M} Uhr</time></div>
<figure><img src="/img/{rng.randrange(10**6)}.jpg" alt="">
<figcaption>{e(head.place)} Foto: {e(agency)}</figcaption></figure>
{body}
<aside class="related"><h3>Mehr zum Thema</h3><ul>{related}</ul></aside>
</article></main>
<footer>{footer} © {head.published.year} {e(head.outlet)}</footer>
<div class="cookie-banner">Wir verwenden Cookies. <button>Akzeptieren</button></div>
</body></html>
"""


def render_flattened(head: Head, blocks: list[Block], rng: random.Random) -> str:
    """A page flattened to one line: words only, navigation and teasers mixed in."""
    words = vocabulary()
    parts = [head.title, head.outlet, *_pick(rng, "navigation", 10), head.title, head.lead]
    parts += [_byline(head.authors), f"{head.published:%d %m %Y %H %M} Uhr", *_pick(rng, "share_words", 5)]
    body = [b.text for b in blocks]
    if rng.random() < 0.3:
        body.insert(min(2, len(body)), " ".join(_pick(rng, "paywall", 4)))
    teasers = [f"{t} {rng.choice(words['places'])}" for t in _pick(rng, "topics", 6)]
    parts += [*body, *teasers, *_pick(rng, "page_footer", 5)]
    return " " + _NOT_WORD.sub(" ", " ".join(parts)).strip() + " "


def _slug(text: str) -> str:
    return _NOT_WORD.sub("-", text.lower()).strip("-")


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "flattened": render_flattened,
}
