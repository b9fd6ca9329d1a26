"""A rendered page as a browser's parser sees it: elements with attributes, and text."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    @property
    def tags(self) -> set[str]:
        return {name for name, _ in self.elements}

    @property
    def event_handlers(self) -> list[str]:
        """Attributes that would run code (onclick, onerror, ...)."""
        return [name for _, attrs in self.elements for name in attrs if name.startswith("on")]

    def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((name, dict(attrs)))

    def handle_startendtag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((name, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
