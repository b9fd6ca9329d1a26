"""An image credit on a flattened page: a credit label ("Foto", "Bild") and the picture
agencies (`photo_agencies.txt`) it names, read around the article's head."""

from __future__ import annotations

from collections.abc import Iterable

from presseschau.clean.flat_tokens import phrase_index

CREDIT_LABELS = frozenset({"Foto", "Fotos", "Bild", "Bilder", "Bildquelle", "Quelle"})
# Credits: the first agency must follow the label closely, later ones follow each other.
_CREDIT_FIRST_GAP, _CREDIT_NEXT_GAP = 9, 6


def image_credit(tokens: list[str], candidates: Iterable[int], high: int) -> tuple[int, int] | None:
    """An image credit ("Foto M SPIEGEL Fotos X Getty Images") before tokens[high]: the label
    nearest the agencies it names, and the agencies. `candidates`: where a label may stand,
    in order (every label among them; `FlatPage.listed` holds them all)."""
    best: tuple[int, int] | None = None
    for label in candidates:
        if tokens[label] not in CREDIT_LABELS:
            continue
        end, gap_limit, position = None, _CREDIT_FIRST_GAP, label + 1
        last = label + 1
        while position < high and position - last <= gap_limit:
            named = agency_end(tokens, position)
            if named is None:
                position += 1
                continue
            end, last, gap_limit, position = named, named, _CREDIT_NEXT_GAP, named
        if end is not None and (best is None or end <= best[1]):
            best = (label, end)
        elif best is not None:
            break
    return best


def agency_end(tokens: list[str], position: int) -> int | None:
    """Where the picture agency named at `position` ends (its longest name), else None."""
    for words in phrase_index("photo_agencies.txt").get(tokens[position].casefold(), ()):
        if tuple(t.casefold() for t in tokens[position : position + len(words)]) == words:
            return position + len(words)
    return None
