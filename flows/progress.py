"""Progress of a running flow, for whoever watches (the CLI draws it with rich)."""

from __future__ import annotations

from collections.abc import Callable

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
