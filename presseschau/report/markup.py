"""Building HTML safely: every value from the data is escaped where it is inserted.

`Markup` marks text that is already HTML (built here from escaped parts). Anything else
given to `tag` — article text, names, numbers — is escaped, in text and in attribute
values alike, so an article containing `<script>` or `onerror=` is shown, never run.
Tag and attribute names come from this package's code only, never from data.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


class Markup(str):
    """A string of HTML built from escaped parts: inserted as it is."""


def text(value: object) -> Markup:
    """`value` as HTML text: escaped, None as empty."""
    if isinstance(value, Markup):
        return value
    return Markup("" if value is None else escape(str(value), quote=True))


def tag(name: str, content: object = None, /, **attributes: object) -> Markup:
    """`<name attributes>content</name>`; content may be a list of pieces.

    Attribute names are written in Python style: `class_` for `class`, `font_size` for
    `font-size`; an attribute whose value is None is left out.
    """
    body = join(content) if isinstance(content, list | tuple) else text(content)
    return Markup(f"<{name}{_attributes(attributes)}>{body}</{name}>")


def void(name: str, /, **attributes: object) -> Markup:
    """An element without content, such as `<meta>`, or `<line/>` in SVG."""
    return Markup(f"<{name}{_attributes(attributes)}/>")


def clip(value: str, limit: int) -> str:
    """`value` cut to `limit` characters, the cut marked with "…"."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def join(parts: Iterable[object]) -> Markup:
    """Several pieces of content, each escaped unless already Markup."""
    return Markup("".join(text(part) for part in parts))


def _attributes(attributes: dict[str, object]) -> str:
    return "".join(
        f' {key.rstrip("_").replace("_", "-")}="{text(value)}"'
        for key, value in attributes.items()
        if value is not None
    )
