"""Flattened pages: a whole web page on one line with its punctuation stripped.

Such a page is a run of tokens: navigation, the article head (kicker, headline, teaser,
"Von A B und C", "21 02 2025 13 14 Uhr"), the body or a paywall, then teasers and footer
menus. It is read the way a page of lines is (`page`, `region`), on runs of tokens instead of
lines, in these steps (one module each):

- `flat_tokens`, `flat_bylines`, `flat_page`: the tokens, and what cuts them: multi-word
  interface phrases, date stamps and bylines; what the page repeats.
- `flat_units`, `flat_article`, `flat_tail`: the rest is cut into units around runs of labels
  and each unit weighed by its function words; the article is the page's main cluster of
  prose, ended before the site's prompts, teaser rows and related-content headings.
- `flat_head`, `flat_headline`, `flat_credit`: its stamp and byline are read around the start
  of that cluster, its headline is the run before the lead (or the byline) that the page
  repeats, and its image credit stands near it.
- `flat_body`: the body is the article without its stamps, bylines and credit, ended before
  an author box; `flat_masthead`: the page title and site name a saved page may open with.
"""

from __future__ import annotations

from datetime import datetime

from presseschau.clean.blocks import Block
from presseschau.clean.dates import flat_label_start
from presseschau.clean.flat_article import find_article, sentence_start
from presseschau.clean.flat_body import (
    author_bio_start,
    author_box_start,
    author_boxes,
    author_notes,
    awaited_noun_end,
    body_text,
    dated_paragraph_start,
    dateline_start,
    download_boxes,
    head_start,
    head_teaser_titles,
    lead_under_headline,
    linked_boxes,
    past_headline_under_head,
    past_kicker_copy,
    read_also_teasers,
    reading_times,
    teaser_titles,
    trimmed,
)
from presseschau.clean.flat_bylines import initials_signed
from presseschau.clean.flat_captions import captions, repeated_captions
from presseschau.clean.flat_credit import image_credit
from presseschau.clean.flat_head import HEAD_BEFORE, HEAD_INTO, head_meta
from presseschau.clean.flat_headline import headline, past_copy
from presseschau.clean.flat_masthead import masthead, page_title_end
from presseschau.clean.flat_page import read_page
from presseschau.clean.flat_tail import (
    comments_heading_start,
    comments_start,
    dated_list_start,
    link_list_start,
    next_article_start,
    pitch_start,
    prompt_start,
    ranked_list_start,
    read_also_start,
    read_more_list_start,
    sign_off_start,
    signed_teaser_start,
    site_tail_start,
)
from presseschau.clean.flat_tokens import Span
from presseschau.clean.flat_units import closes_sentence, in_sentence
from presseschau.clean.outlets import find_outlet
from presseschau.clean.stated import Stated


def read_flattened(text: str, *, now: datetime | None = None) -> tuple[list[Block], Stated]:
    """The article's body and what the page states of it (headline, lead, stamp, byline,
    outlet, image credit, paywall); `now` dates relative stamps ("vor 3 Stunden")."""
    page = read_page(text, now)
    tokens, cuts = page.tokens, page.cuts
    start, end, opening = find_article(page, cuts)
    first_cut = min((span.start for span in page.spans), default=len(tokens))
    title_end = page_title_end(tokens, page.joined, first_cut)
    page_title = " ".join(tokens[:title_end]) or None
    outside = " ".join(tokens[:start]) + " " + " ".join(tokens[end:])
    outlet = masthead(tokens[title_end:first_cut], page.joined) if title_end else None
    outlet = outlet or find_outlet([outside])
    if end <= start:
        return [], Stated(title=page_title, outlet=outlet)
    # The head stands above where the text opens: at the opening, which names shattering the
    # first paragraph may set far above the stricter start.
    head_low = max(0, opening - HEAD_BEFORE)
    credit = image_credit(tokens, page.listed(head_low, end), end)
    if credit:
        cuts = [*cuts, Span(credit[0], credit[1], "credit")]
    stamp, byline = head_meta(page, head_low, start, end)
    # The headline stands near the article's start, or right before its stamp or byline (a
    # gallery or teaser may part head and text).
    heads = [
        position
        for position in (stamp.start if stamp else None, byline[0] if byline else None)
        if position is not None and head_low <= position < start + HEAD_INTO
    ]
    title_span = headline(page, cuts, start, heads)
    if title_span and title_span[0] <= start < title_span[1]:
        start = title_span[1]  # the headline ran into the lead
        stamp, byline = head_meta(page, head_low, start, end)
    # The body takes in first sentences shattered by names, but opens after its headline; its
    # stamp, byline and lead are read around where the stricter cut starts it.
    body_start = start
    if opening < start:
        body_start = max(opening, title_span[1]) if title_span and title_span[1] <= start else opening
    if title_span and body_start < title_span[0] < body_start + HEAD_INTO:
        body_start = title_span[1]  # a notice or menu set above the headline is the page's head
    if title_span:
        body_start = past_headline_under_head(title_span, stamp, byline, body_start)
        body_start = past_kicker_copy(tokens, title_span, past_copy(tokens, title_span, body_start))
        body_start = lead_under_headline(page, cuts, past_copy(tokens, title_span, title_span[1]), body_start)
    headline_end = title_span[1] if title_span else 0
    body_start = dateline_start(page, sentence_start(page, cuts, body_start, headline_end), headline_end)
    body_start = head_start(page, cuts, body_start, headline_end, start)
    body_start = dated_paragraph_start(page, cuts, body_start)
    # A byline or stamp right after the article's opening ends its lead (the teaser).
    anchors = [
        position for position in (stamp.start if stamp else None, byline[0] if byline else None) if position
    ]
    lead_end = min((a for a in anchors if start < a <= min(end, start + HEAD_INTO)), default=None)
    # Readers' comments, a ranked list of other articles and the head of the next article end
    # the body, not the article: its stamp is read around the same end.
    tail = next_article_start(page, body_start, ranked_list_start(page, body_start, end))
    tail = comments_heading_start(page, body_start, comments_start(page, body_start, tail))
    tail = read_more_list_start(page, body_start, tail)
    body_end = author_box_start(tokens, byline, body_start, tail)
    body_end = prompt_start(page, body_start, author_bio_start(page, body_start, body_end))
    body_end = link_list_start(page, body_start, read_also_start(page, body_start, body_end))
    body_end = sign_off_start(page, body_start, signed_teaser_start(page, body_start, body_end))
    body_end = dated_list_start(page, body_start, body_end)
    body_end = awaited_noun_end(page, site_tail_start(page, body_start, body_end))
    body_end = pitch_start(page, body_start, body_end)
    body = body_text(
        tokens,
        body_start,
        body_end,
        [
            # A stamp leaves with its label ("Aktualisiert", "Stand").
            (flat_label_start(tokens, s.start) if s.kind == "stamp" else s.start, s.end)
            for s in [*cuts, *page.button_rows]
            if body_start <= s.start < body_end and not (in_sentence(page, s) or closes_sentence(page, s))
        ]
        + teaser_titles(page, body_start, body_end)
        + head_teaser_titles(page, body_start, body_end)
        + captions(page, cuts, body_start, body_end)
        + repeated_captions(page, body_start, body_end)
        + read_also_teasers(page, body_start, body_end)
        + linked_boxes(page, body_start, body_end)
        + reading_times(page, body_start, body_end)
        + download_boxes(page, body_start, body_end)
        + author_boxes(page, byline, body_start, body_end)
        + author_notes(page, body_start, body_end),
    )
    # Without a byline in its head, the authors may sign the text with their initials.
    signed = byline[2] if byline else initials_signed(tokens, end)
    return [Block(body)] if body else [], Stated(
        title=" ".join(tokens[title_span[0] : title_span[1]]) if title_span else page_title,
        lead=trimmed(tokens, start, lead_end) or None if lead_end is not None else None,
        published=stamp.iso if stamp else None,
        # A page may link the name and print it beside the link ("Gunter Frank Gunter Frank").
        authors=tuple(dict.fromkeys(signed.authors or signed.agencies)) if signed else (),
        agencies=signed.agencies if signed and signed.authors else (),
        outlet=outlet,
        image_credits=(" ".join(tokens[credit[0] + 1 : credit[1]]),) if credit else (),
        paywalled=any(span.kind == "paywall" and end <= span.start <= end + HEAD_INTO for span in page.spans),
    )
