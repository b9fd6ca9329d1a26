"""The landing directory: where fetched pages are written for ingestion.

Each page is `<host>/<sha256(url)[:16]><ext>` beside a hidden sidecar
`.<same name>.meta.json` that says where the bytes came from. Names derive from a
hash of the URL, never from its path, so no URL can write outside the directory;
hidden files (sidecars, partial writes) are skipped by `sources.discover`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Extensions by kind of page; the ingest step detects the format from the bytes, not the name.
EXTENSIONS = (".html", ".txt", ".md")
SIDECAR_SUFFIX = ".meta.json"

_UNSAFE_HOST_CHARS = re.compile(r"[^a-z0-9.-]+")


def page_stem(root: Path, url: str) -> Path:
    """The page's path under `root` without extension; always inside `root`."""
    host = _UNSAFE_HOST_CHARS.sub("_", (urlsplit(url).hostname or "").lower()).strip(".") or "_"
    return root / host / hashlib.sha256(url.encode()).hexdigest()[:16]


def sidecar_name(page_name: str) -> str:
    return f".{page_name}{SIDECAR_SUFFIX}"


def sidecar_path(page: Path) -> Path:
    return page.with_name(sidecar_name(page.name))


def sidecar_metadata(page: str | Path) -> dict[str, Any] | None:
    """The sidecar of a landed page, or None for a file that was not fetched (or a broken sidecar)."""
    try:
        meta = json.loads(sidecar_path(Path(page)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and isinstance(meta.get("url"), str) else None


def landed_page(root: Path, url: str) -> tuple[Path, dict[str, Any]] | None:
    """The page fetched earlier for `url` and its sidecar, if both are there."""
    stem = page_stem(root, url)
    for extension in EXTENSIONS:
        page = stem.with_suffix(extension)
        meta = sidecar_metadata(page)
        if meta is not None and page.is_file():
            return page, meta
    return None


def land_page(root: Path, url: str, body: bytes, extension: str, meta: dict[str, Any]) -> Path:
    """Write page and sidecar atomically (sidecar first, so a visible page always has one)."""
    if extension not in EXTENSIONS:
        raise ValueError(f"unknown page extension {extension!r}")
    stem = page_stem(root, url)
    directory = stem.parent
    directory.mkdir(parents=True, exist_ok=True)
    if not directory.resolve().is_relative_to(root.resolve()):
        raise ValueError(f"{directory} is outside the landing directory {root}")
    page = stem.with_suffix(extension)
    _write_atomic(sidecar_path(page), json.dumps(meta, ensure_ascii=False, indent=1).encode())
    _write_atomic(page, body)
    # A page whose kind changed (html → txt) must not leave its old copy to be ingested twice.
    for other in EXTENSIONS:
        if other != extension:
            stem.with_suffix(other).unlink(missing_ok=True)
            sidecar_path(stem.with_suffix(other)).unlink(missing_ok=True)
    return page


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
