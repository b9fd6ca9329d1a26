"""Finding input files and reading them safely (bounded size, no surprises)."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
    recently to be trusted, so that it is always read.
    """

    doc_id: str
    path: str
    state: FileState | None = None


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The bytes read (at most the cap) and their hash; `rejected` says why they are unusable."""

    content: bytes | None
    sha256: str
    size_bytes: int
    rejected: RejectedInput | None = None


def discover(inputs: Iterable[str | Path]) -> list[InputFile]:
    """Every file under the given files and directories, sorted, each doc_id once.

    Hidden files and folders (".git", ".DS_Store", landing sidecars) are skipped; symlinks
    are listed so that reading them can say why they are refused.
    """
    found: dict[str, InputFile] = {}
    settled_before = time.time_ns() - SETTLE_NS
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            for path, relative, fetched in _walk(str(root)):
                doc_id = (fetched and _fetched_url(Path(path))) or relative
                found.setdefault(doc_id, InputFile(doc_id, path, _settled_state(path, settled_before)))
        elif root.exists() or root.is_symlink():
            doc_id = _fetched_url(root) or root.name
            found.setdefault(doc_id, InputFile(doc_id, str(root), _settled_state(str(root), settled_before)))
        else:
            raise FileNotFoundError(f"input {root} does not exist: pass an existing file or directory")
    return [found[key] for key in sorted(found)]


def _settled_state(path: str, settled_before: int) -> FileState | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    if max(found.st_mtime_ns, found.st_ctime_ns) >= settled_before:
        return None
    return FileState(found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


def _fetched_url(path: Path) -> str | None:
    meta = sidecar_metadata(path)
    return meta["url"] if meta else None


def _walk(root: str) -> Iterator[tuple[str, str, bool]]:
    """Each visible file: its path, its path under `root` with "/" between folders, and whether
    a landing sidecar (hidden) lies beside it. Plain strings, not pathlib: building three Path
    objects per file took most of the 10 s that listing 100,000 files did."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        folder = os.path.relpath(dirpath, root).replace(os.sep, "/")
        prefix = "" if folder == "." else f"{folder}/"
        names = set(filenames)
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name), prefix + name, sidecar_name(name) in names


def read_capped(path: str, max_bytes: int) -> ReadResult:
    """Read a regular file of at most `max_bytes`; anything else gets a reason, never an exception."""
    try:
        before = os.lstat(path)
        if stat.S_ISLNK(before.st_mode):
            return _refused("symlink", f"{path} is a symbolic link; links are not followed, copy the file")
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


def _refused(reason: str, detail: str) -> ReadResult:
    return ReadResult(None, hashlib.sha256(b"").hexdigest(), 0, RejectedInput(reason, detail))


def _too_large(path: str, size: int, cap: int) -> ReadResult:
    # The hash covers size and cap so that a grown file counts as a new version.
    digest = hashlib.sha256(f"too_large:{size}:{cap}".encode()).hexdigest()
    detail = f"{path} has {size:,} bytes, more than max_file_bytes={cap:,}; raise the cap to ingest it"
    return ReadResult(None, digest, size, RejectedInput("too_large", detail))
