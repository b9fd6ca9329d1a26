"""Name variants across documents: the corpus-wide entity registry's matching rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RegistryEntry:
    """An entity the warehouse already knows: its canonical name and the variants seen."""

    canonical: str
    type: str
    variants: tuple[str, ...] = ()


def assign_canonical(
    names: Iterable[tuple[str, str]], registry: Iterable[RegistryEntry]
) -> dict[tuple[str, str], str]:
    """Map each (document-level canonical name, type) to its corpus-wide canonical name."""
    known = {variant: entry.canonical for entry in registry for variant in (entry.canonical, *entry.variants)}
    return {(name, kind): known.get(name, name) for name, kind in names}
