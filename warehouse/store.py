"""Opening the warehouse: a locked, build-then-swap writer and read-only readers.

A run that writes documents never writes the published file. It copies it to a working
file, writes there, and atomically renames the working file over the published one at
the end. A run killed at any moment therefore leaves the published warehouse as it was
before the run or as after it, never in between; readers (the CLI, the DuckDB shell,
notebooks) open the published file read-only and never block the writer, nor it them.

A run that finds nothing to do records itself in the published file in one short
transaction instead (`in_place`): copying a large warehouse would cost more than the run.
It falls back to a working copy when a reader holds the file open.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

WORKING_SUFFIX = ".building"
LOCK_SUFFIX = ".lock"


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


class WarehouseMissing(FileNotFoundError):
    """No published warehouse exists yet."""


class WarehouseDamaged(RuntimeError):
    """The published warehouse has a write-ahead log that DuckDB cannot replay into it."""


# DuckDB's buffer pool may otherwise grow to 80% of RAM as the warehouse grows; the writer
# shares the machine with the cleaning and extraction workers (issue 8: ≤ 2 GB in all), and
# the run keeps its working copy open throughout. Larger intermediate results spill to a
# temporary directory beside the warehouse, but not all of them (lists, updated values held
# until a checkpoint): the steps avoid those at scale. The working copy of a run changes its
# limit with the phase (`set_memory_limit`): beside the extraction workers, the largest processes
# of a run, the writer only stores batches and keeps to less (learning boilerplate, beside the
# cleaning workers, ran out of memory at 256 MB with 100,000 documents); after the workers have
# ended, the corpus-wide steps have their share too.
WRITER_MEMORY_LIMIT = "512MB"
EXTRACTION_MEMORY_LIMIT = "256MB"
ALONE_MEMORY_LIMIT = "1GB"
# The working copy is checkpointed when the run ends, before it replaces the published file;
# until then a checkpoint buys nothing. DuckDB's default (16 MB of write-ahead log) made one
# about every second stored batch, and a checkpoint's cost grows with the warehouse: 0.25 s at
# 10,000 documents, 0.9-3.8 s at 100,000.
WORKING_CHECKPOINT_THRESHOLD = "256MB"


# The working copy of the run in progress, open for its whole duration: tasks get cursors on it
# (cheap) instead of opening the file again for every batch, which reads its catalogue and
# writes a checkpoint on every close.
_working: dict[str, duckdb.DuckDBPyConnection] = {}


def connect(work: str | Path) -> duckdb.DuckDBPyConnection:
    """A writing connection to the working file, with the writer's memory limit."""
    open_copy = _working.get(str(work))
    if open_copy is not None:
        return open_copy.cursor()
    return duckdb.connect(str(work), config={"memory_limit": WRITER_MEMORY_LIMIT})


def set_memory_limit(work: str | Path, limit: str) -> None:
    """Change the memory limit of the run's open working copy (one of the limits above)."""
    _working[str(work)].execute("SET memory_limit = ?", [limit])


def working_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}{WORKING_SUFFIX}")


@contextmanager
def writer(db_path: str | Path, lock_timeout_s: float = 30.0) -> Iterator[Path]:
    """Lock the warehouse and yield a working file's path; publish it on success."""
    with locked(db_path, lock_timeout_s), working_copy(db_path) as work:
        yield work


# Lock files this process holds, by (absolute path, thread). The thread that holds a lock may
# take it again: a command takes it before it starts Prefect (a busy warehouse then costs no
# server start), and the flow it runs takes it once more for itself, as a scheduled run must.
_held: dict[tuple[str, int], int] = {}


@contextmanager
def locked(db_path: str | Path, lock_timeout_s: float = 30.0) -> Iterator[None]:
    """Hold the warehouse's write lock: one run at a time builds or changes it."""
    published = Path(db_path)
    published.parent.mkdir(parents=True, exist_ok=True)
    key = (os.path.abspath(f"{published}{LOCK_SUFFIX}"), threading.get_ident())
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    with _exclusive_lock(Path(key[0]), lock_timeout_s):
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]


@contextmanager
def working_copy(db_path: str | Path) -> Iterator[Path]:
    """Yield a working copy's path (under the lock); publish it if the block succeeds.

    The copy stays open for the block: `connect(path)` gives tasks (all in this process)
    cursors on it, which they close when done.
    """
    published = Path(db_path)
    work = working_path(published)
    _remove_database(work)  # a killed earlier run may have left one
    _replay_log(published)
    if published.exists():
        shutil.copyfile(published, work)
    # Imported here: the SQL runner needs pandas, which a command that only waits for the lock
    # ("warehouse busy") should not spend a second importing.
    from warehouse.sql import apply_ddl

    database = _working[str(work)] = connect(work)
    database.execute("SET checkpoint_threshold = ?", [WORKING_CHECKPOINT_THRESHOLD])
    try:
        apply_ddl(database)
        yield work
        database.execute("CHECKPOINT")
        # Only a writer outside the lock could have made one; the new file must not meet it.
        if _log_of(published).exists():
            raise WarehouseDamaged(
                f"{_log_of(published)} appeared while this run built the warehouse: another program "
                "writes it without the lock. Nothing was published."
            )
    except BaseException:
        database.close()
        _remove_database(work)
        raise
    finally:
        del _working[str(work)]
    database.close()
    _fsync(work)
    os.replace(work, published)
    _fsync(published.parent)


def _replay_log(published: Path) -> None:
    """Replay a write-ahead log left beside the published file into it (under the lock).

    A process killed between a commit on the published file and the close that follows
    (`in_place`) leaves its committed transaction in `<file>.wal`. A copy of the file alone
    would lose it, and the copy published beside the old log could not be opened at all.
    """
    log = _log_of(published)
    if not log.exists():
        return
    try:
        with duckdb.connect(str(published)) as con:
            con.execute("CHECKPOINT")
    except duckdb.Error as error:
        raise WarehouseDamaged(
            f"{published} has a write-ahead log that DuckDB cannot replay ({str(error).splitlines()[0]}); "
            f"nothing was changed. Move {log} aside to open the warehouse without its last transactions."
        ) from None


@contextmanager
def in_place(db_path: str | Path) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """A writing connection to the published file itself (under the lock), in one transaction.

    Yields None when a reader holds the file open: the caller then builds a working copy.
    """
    try:
        con = connect(db_path)
    except (duckdb.IOException, duckdb.ConnectionException):  # held by another process, or this one
        yield None
        return
    with con, transaction(con):
        yield con


@contextmanager
def recording(db_path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writing connection for one short transaction (under the lock): the published file itself
    when it exists and no reader holds it open, else a working copy published after the block.
    A stopped run records its failure this way within a moment, not after copying the warehouse."""
    if Path(db_path).exists():
        with in_place(db_path) as con:
            if con is not None:
                yield con
                return
    with working_copy(db_path) as work, connect(work) as con:
        yield con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction for the block: all of it is stored, or none of it. A batch's rows in one
    transaction also spare the writer a commit (a write-ahead log flush) per statement."""
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


# A run that records itself in place holds the published file for milliseconds; a reader
# that opens it meanwhile waits this long before it reports the conflict.
READER_WAIT_S = 5.0


# What a reader may do besides reading the warehouse: nothing. Without external access DuckDB
# refuses every file and extension (read_text, read_csv, COPY … TO, EXPORT DATABASE, ATTACH,
# INSTALL), and the locked configuration keeps a query from switching it back on. The progress
# bar stays switchable: `reader` switches it off, since it would be printed among the rows a
# command writes to stdout.
SANDBOX: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "lock_configuration": True,
    "allowed_configs": ["enable_progress_bar"],
}


def reader(db_path: str | Path, external_access: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse: queries can never change it, and
    read or write no other file unless `external_access` (a user's explicit choice) allows it."""
    path = Path(db_path)
    if not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `presseschau run` first to build one")
    deadline = time.monotonic() + READER_WAIT_S
    while True:
        try:
            con = duckdb.connect(str(path), read_only=True, config={} if external_access else SANDBOX)
            break
        except duckdb.IOException:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
    con.execute("SET enable_progress_bar = false")
    return con


@contextmanager
def _exclusive_lock(lock_path: Path, timeout_s: float) -> Iterator[None]:
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"warehouse busy: another run is writing {lock_path.with_suffix('')} "
                        f"(waited {timeout_s:g} s). Wait for it to finish, or raise lock_timeout_s."
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _log_of(path: Path) -> Path:
    return Path(f"{path}.wal")


def _remove_database(path: Path) -> None:
    for leftover in (path, _log_of(path)):
        leftover.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
