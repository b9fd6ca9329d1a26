"""How a test starts a process as a person's shell would: with Ctrl-C delivered or ignored."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def children_start_with_sigint(ignored: bool) -> Iterator[None]:
    """Processes started inside the block start with SIGINT ignored (as a shell script's background
    job does, by POSIX) or at its default (as a terminal's foreground command), whichever way this
    test session was started. `exec` keeps an ignored signal ignored and resets a caught one."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN if ignored else signal.default_int_handler)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
