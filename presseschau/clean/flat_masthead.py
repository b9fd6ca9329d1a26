"""What a saved flattened page may open with: its page title (the longest opening run the
page repeats) and the site's name between the title and the navigation."""

from __future__ import annotations

from collections.abc import Sequence

from presseschau.clean.flat_page import MIN_TITLE_TOKENS
from presseschau.clean.outlets import canonical_outlet, find_outlet

_PAGE_TITLE_MAX, _MASTHEAD_MAX = 30, 4


def page_title_end(tokens: list[str], joined: str, first_cut: int) -> int:
    """Length of the page title a saved page may open with: the longest opening run the page
    repeats (e.g. in breadcrumbs)."""
    for size in range(min(_PAGE_TITLE_MAX, first_cut), MIN_TITLE_TOKENS - 1, -1):
        if _recurs(joined, tokens[:size]):
            return size
    return 0


def masthead(tokens: list[str], joined: str) -> str | None:
    """The site name between page title and navigation, if it is known or repeated on the page."""
    if not 1 <= len(tokens) <= _MASTHEAD_MAX:
        return None
    name = " ".join(tokens)
    known = find_outlet([name])
    if known:
        return known
    return canonical_outlet(name) if _recurs(joined, tokens, times=3) else None


def _recurs(joined: str, tokens: Sequence[str], times: int = 2) -> bool:
    return joined.count(" " + " ".join(tokens) + " ") >= times
