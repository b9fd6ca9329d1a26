"""The development corpus in every input shape: each page as HTML, text, flattened and markdown,
with the gold carried over to each shape.

Pages and gold are read from the corpus folder (`pages/*.html`, `gold.json`); the shapes are
made in memory (`build`) and can be written to a folder outside the repository (`write`), one
subfolder per shape with its own `gold.json` in the corpus's format. Each shape's gold holds,
besides the corpus's fields, `not_shown` (the gold values the shape does not show, by field:
see `presseschau.corpus.gold`), `main_text` and `article_region` (the references of body
token recall and precision). The flattened shape's gold text (titles, names, snippets) is
flattened like the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presseschau.corpus.gold import not_shown, reference
from presseschau.corpus.render import flatten, page_markdown, page_text, visible_tree
from presseschau.ingest import RejectedInput, decode_bytes

SHAPES = ("html", "text", "flattened", "markdown")
# Format detection reads the content, not the file name; the suffixes are for people.
SUFFIXES = {"html": ".html", "text": ".txt", "flattened": ".txt", "markdown": ".md"}
_FLATTENED_FIELDS = ("title_any_of", "authors", "must_keep", "must_drop")


@dataclass(frozen=True)
class ShapedPage:
    """One page in one shape: the file's name and bytes, and its gold for that shape."""

    name: str
    shape: str
    content: bytes
    gold: dict[str, Any]


def load_gold(corpus: Path) -> dict[str, dict[str, Any]]:
    """The corpus's gold documents, keyed by page file name."""
    documents: dict[str, dict[str, Any]] = json.loads((corpus / "gold.json").read_text("utf-8"))["documents"]
    return documents


def build(corpus: Path, shapes: Iterable[str] = SHAPES) -> Iterator[ShapedPage]:
    """Every page of `corpus` in each of `shapes`, page by page."""
    wanted = tuple(shapes)
    for name, gold in sorted(load_gold(corpus).items()):
        yield from shape_page(name, (corpus / "pages" / name).read_bytes(), gold, wanted)


def shape_page(
    name: str, data: bytes, gold: Mapping[str, Any], shapes: Iterable[str] = SHAPES
) -> Iterator[ShapedPage]:
    """The page `data` (HTML bytes, with its corpus gold) in each of `shapes`.

    The text shapes are written as UTF-8.
    """
    tree = visible_tree(data)
    text = page_text(tree)
    found = reference(text, gold)
    references = {
        "main_text": found.main_text if found else None,
        "article_region": found.article_region if found else None,
    }
    stem = name.rsplit(".", 1)[0]
    for shape in shapes:
        if shape == "html":
            yield ShapedPage(name, shape, data, {**gold, **references})
            continue
        content = text if shape == "text" else flatten(text) if shape == "flattened" else page_markdown(tree)
        shape_gold = {**gold, **_flattened_gold(gold)} if shape == "flattened" else dict(gold)
        hidden = not_shown(shape_gold, content, shape)
        yield ShapedPage(
            stem + SUFFIXES[shape],
            shape,
            content.encode("utf-8"),
            {**shape_gold, "not_shown": hidden, **references},
        )


def detected_shape(content: bytes) -> str:
    """The format the pipeline's ingest detects in `content`, or `rejected: reason`."""
    try:
        return decode_bytes(content).format
    except RejectedInput as error:
        return f"rejected: {error.reason}"


def write(pages: Iterable[ShapedPage], output: Path) -> dict[str, Path]:
    """Write `pages` to `output/<shape>/` with a `gold.json` per shape; returns the folders."""
    golds: dict[str, dict[str, Any]] = {}
    folders: dict[str, Path] = {}
    for page in pages:
        folder = folders.setdefault(page.shape, output / page.shape)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / page.name).write_bytes(page.content)
        golds.setdefault(page.shape, {})[page.name] = page.gold
    for shape, documents in golds.items():
        gold_file = folders[shape] / "gold.json"
        gold_file.write_text(json.dumps({"documents": documents}, ensure_ascii=False, indent=1), "utf-8")
    return folders


def _flattened_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: [flatten(value).strip() for value in gold[key]] for key in _FLATTENED_FIELDS if gold.get(key)
    }
