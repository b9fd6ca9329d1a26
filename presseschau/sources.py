"""Finding input files and reading them safely (bounded size, no surprises)."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from presseschau.ingest import RejectedInput
from presseschau.landing import sidecar_metadata, sidecar_name


@dataclass(frozen=True, slots=True)
class FileState:
    """What `lstat` says about a file. A run skips a file whose state equals the one recorded
    when it was last read: the change time and inode change on every write or replacement,
    even when a copying tool restores the modification time."""

    size_bytes: int
    modified_ns: int
    changed_ns: int
    inode: int


# A file written this recently may be written again within the same timestamp tick without
# its state changing (git's "racy" files), so its state is not trusted and it is read again.
SETTLE_NS = 2_000_000_000


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to ingest; `doc_id` is its path under the input it was found in, or its URL if fetched.

    `state` is the file's state when it was found; None when it was missing or written too
    recently to be trusted, so that it is always read. `clash` says why the file cannot have
    the doc_id its name gives it (another file holds it); it is then named by its own path.
    """

    doc_id: str
    path: str
    state: FileState | None = None
    clash: str | None = None


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The bytes read (at most the cap) and their hash; `rejected` says why they are unusable."""

    content: bytes | None
    sha256: str
    size_bytes: int
    rejected: RejectedInput | None = None


def discover(inputs: Iterable[str | Path]) -> list[InputFile]:
    """Every file under the given files and directories, sorted by doc_id, each doc_id once.

    Paths are absolute. Hidden files and folders (".git", ".DS_Store", landing sidecars) are
    skipped; symlinks (to files or folders) and folders that cannot be listed are listed, so
    that reading them says why they are refused. When two inputs hold files under the same
    name, the first input's file keeps the doc_id and the other is refused as `name_clash`.
    """
    found: dict[str, InputFile] = {}
    clashes: list[InputFile] = []
    settled_before = time.time_ns() - SETTLE_NS
    for given in inputs:
        root = os.path.abspath(given)
        if os.path.isdir(root):
            entries: Iterable[tuple[str, str, bool]] = _walk(root)
        elif os.path.lexists(root):
            entries = [(root, os.path.basename(root), True)]
        else:
            raise FileNotFoundError(f"input {given} does not exist: pass an existing file or directory")
        for path, relative, may_be_fetched in entries:
            doc_id = (may_be_fetched and _fetched_url(path)) or relative
            item = InputFile(doc_id, path, _settled_state(path, settled_before))
            holder = found.setdefault(item.doc_id, item)
            if holder is not item and not _same_file(holder.path, path):
                clashes.append(InputFile(path, path, item.state, name_clash(item.doc_id, holder.path, path)))
    for clash in clashes:
        found.setdefault(clash.doc_id, clash)
    return [found[key] for key in sorted(found)]


def name_clash(doc_id: str, holder: str, path: str) -> str:
    """Why `path` cannot be the document `doc_id`: the file at `holder` is."""
    return (
        f"{path} would be the document {doc_id!r}, which is the file {holder}: a document is named by "
        "its path under its input folder. Give the files distinct names, or pass their common parent "
        "folder as the input."
    )


def contested(item: InputFile, holder: str | None) -> bool:
    """Whether another file that still exists, `holder`, was read last for `item`'s doc_id."""
    return (
        item.clash is None
        and holder is not None
        and holder != item.path
        and os.path.isabs(holder)
        and os.path.lexists(holder)
        and not _same_file(holder, item.path)
    )


def claimed(
    files: list[InputFile], read_from: dict[str, str], contents: dict[str, str | None], max_bytes: int
) -> list[InputFile]:
    """`files`, where one whose doc_id an earlier run read from another file that still exists
    (`read_from`: doc_id → path) and whose bytes differ from that document's (`contents`: doc_id →
    content hash) is named by its own path and refused as a name clash: a file of another input
    folder must not silently become a new version of that document. A document whose file moved
    (its old path is gone), or a copy of it, keeps its doc_id.
    """
    result = []
    for item in files:
        holder = read_from.get(item.doc_id)
        if contested(item, holder) and read_capped(item.path, max_bytes).sha256 != contents.get(item.doc_id):
            item = replace(item, doc_id=item.path, clash=name_clash(item.doc_id, str(holder), item.path))
        result.append(item)
    return sorted(result, key=lambda f: f.doc_id)


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _settled_state(path: str, settled_before: int) -> FileState | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if max(found.st_mtime_ns, found.st_ctime_ns) >= settled_before:
        return None
    return FileState(found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


def _fetched_url(path: str) -> str | None:
    meta = sidecar_metadata(Path(path))
    return meta["url"] if meta else None


def _walk(root: str) -> Iterator[tuple[str, str, bool]]:
    """Each visible file: its path, its path under `root` with "/" between folders, and whether
    a landing sidecar (hidden) lies beside it. Plain strings, not pathlib: building three Path
    objects per file took most of the 10 s that listing 100,000 files did.

    Symlinks to folders come as files (os.walk does not follow them), and so does each folder
    that cannot be listed, named with a final "/": reading either refuses it with its reason.
    """
    unlisted: list[OSError] = []

    def folders_not_listed() -> Iterator[tuple[str, str, bool]]:
        while unlisted:
            folder = str(unlisted.pop(0).filename)
            relative = os.path.relpath(folder, root).replace(os.sep, "/")
            yield folder, (os.path.basename(root) if relative == "." else relative) + "/", False

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted.append):
        yield from folders_not_listed()
        links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in links)
        folder = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if folder == "." else f"{folder}/"
        names = set(filenames)
        for name in sorted([*filenames, *links]):
            if not name.startswith("."):
                yield os.path.join(dirpath, name), prefix + name, sidecar_name(name) in names
    yield from folders_not_listed()


def read_input(item: InputFile, max_bytes: int) -> ReadResult:
    """`read_capped` of the file, unless its name clashes with another input's."""
    if item.clash is not None:
        return _refused("name_clash", item.clash)
    return read_capped(item.path, max_bytes)


def read_capped(path: str, max_bytes: int) -> ReadResult:
    """Read a regular file of at most `max_bytes`; anything else gets a reason, never an exception."""
    try:
        before = os.lstat(path)
        if stat.S_ISLNK(before.st_mode):
            return _refused("symlink", f"{path} is a symbolic link; links are not followed, copy the file")
        if stat.S_ISDIR(before.st_mode):
            return _unlisted(path)
        if not stat.S_ISREG(before.st_mode):
            return _refused("not_a_file", f"{path} is not a regular file")
        if before.st_size > max_bytes:
            return _too_large(path, before.st_size, max_bytes)
        with open(path, "rb") as handle:
            content = handle.read(max_bytes + 1)
        after = os.stat(path)
    except PermissionError:
        return _refused("unreadable", f"permission denied reading {path}; fix its permissions")
    except OSError as error:
        return _refused("unreadable", f"could not read {path}: {error.strerror or error}")
    if len(content) > max_bytes:
        return _too_large(path, len(content), max_bytes)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or len(
        content
    ) != after.st_size:
        return ReadResult(
            None,
            hashlib.sha256(content).hexdigest(),
            len(content),
            RejectedInput(
                "changed_while_reading", f"{path} changed while it was read; the next run retries it"
            ),
        )
    return ReadResult(content, hashlib.sha256(content).hexdigest(), len(content))


def _unlisted(folder: str) -> ReadResult:
    """A folder the run could not list: none of its files were read."""
    try:
        with os.scandir(folder):
            problem = "it became readable meanwhile; the next run lists it"
    except PermissionError:
        problem = "permission denied; fix its permissions"
    except OSError as error:
        problem = f"{error.strerror or error}"
    detail = f"could not list the folder {folder}, so none of its files were read ({problem})"
    return _refused("unreadable", detail)


def _refused(reason: str, detail: str) -> ReadResult:
    return ReadResult(None, hashlib.sha256(b"").hexdigest(), 0, RejectedInput(reason, detail))


def _too_large(path: str, size: int, cap: int) -> ReadResult:
    # The hash covers size and cap so that a grown file counts as a new version.
    digest = hashlib.sha256(f"too_large:{size}:{cap}".encode()).hexdigest()
    detail = f"{path} has {size:,} bytes, more than max_file_bytes={cap:,}; raise the cap to ingest it"
    return ReadResult(None, digest, size, RejectedInput("too_large", detail))
