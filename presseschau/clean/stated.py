"""Metadata a document states explicitly (front matter, JSON-LD, meta tags, footers, mastheads)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Stated:
    title: str | None = None
    lead: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    outlet: str | None = None
    dateline: str | None = None
    cited_sources: tuple[str, ...] = ()
    image_credits: tuple[str, ...] = ()
    paywalled: bool = False

    def fill(self, other: Stated) -> Stated:
        """Self, with every empty field taken from `other`."""
        missing = {f.name: getattr(other, f.name) for f in fields(self) if not getattr(self, f.name)}
        return replace(self, **missing)
