"""Progress and step timings of a running flow, for whoever watches (the CLI, the benchmark)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Listener = Callable[[str, int, int], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    """Call `listener(step, done, total)` as steps advance; returns the unsubscribe function."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def step(name: str, total: int) -> Callable[[int], None]:
    """Announce a step of `total` items; the returned function reports `n` more done."""
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        for listener in list(_listeners):
            listener(name, done, total)

    advance(0)
    return advance


# Seconds spent per step in this process, exclusive of nested steps (validation inside a load
# counts as validation only); read and reset by `take_timings` at the end of a run.
_seconds: dict[str, float] = {}
_stack: list[list[Any]] = []


@contextmanager
def timed(step_name: str) -> Iterator[None]:
    now = time.perf_counter()
    if _stack:
        parent = _stack[-1]
        _seconds[parent[0]] = _seconds.get(parent[0], 0.0) + now - parent[1]
    _stack.append([step_name, now])
    try:
        yield
    finally:
        name, started = _stack.pop()
        now = time.perf_counter()
        _seconds[name] = _seconds.get(name, 0.0) + now - started
        if _stack:
            _stack[-1][1] = now


def timings() -> dict[str, float]:
    return {name: round(seconds, 3) for name, seconds in sorted(_seconds.items())}


def take_timings() -> dict[str, float]:
    taken = timings()
    _seconds.clear()
    return taken
