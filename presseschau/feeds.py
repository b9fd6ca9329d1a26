"""RSS and Atom feeds as a source: feed bytes → the article URLs they list."""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import etree

# Entities are not resolved and nothing is loaded over the network: a feed is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def feed_links(data: bytes, base_url: str) -> list[str] | None:
    """Absolute http(s) article links of an RSS 2.0, RSS 1.0 or Atom feed in feed order.

    None when the bytes are not such a feed.
    """
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    kind = etree.QName(root).localname
    if kind in ("rss", "RDF"):
        links = [_child_text(item, "link") for item in _elements(root, "item")]
    elif kind == "feed":
        links = [_atom_link(entry) for entry in _elements(root, "entry")]
    else:
        return None
    absolute = (urljoin(base_url, link.strip()) for link in links if link and link.strip())
    return list(dict.fromkeys(url for url in absolute if url.startswith(("http://", "https://"))))


def _elements(root: etree._Element, name: str) -> list[etree._Element]:
    return [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == name]


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            return str(child.text) if child.text else None
    return None


def _atom_link(entry: etree._Element) -> str | None:
    for child in entry:
        if (
            isinstance(child.tag, str)
            and etree.QName(child).localname == "link"
            and child.get("rel", "alternate") == "alternate"
        ):
            href = child.get("href")
            return str(href) if href else None
    return None
