"""No process outlives its run: children end with their parent, signals stop a run cleanly.

A run's flow process starts a temporary Prefect server and, for large batches, worker
processes. Killed outright (SIGKILL, out of memory), it can clean up nothing itself, so each
child watches its parent and ends when the parent is gone. SIGTERM and SIGINT instead unwind
the run, and every `finally` of it runs: the workers are ended (`flows.runners`), the working
copy removed, the temporary server stopped, the warehouse lock released.

    python -m flows.lifeline PARENT_PID -m MODULE [ARG ...]

runs MODULE as `python -m MODULE ARG ...` would, ending when process PARENT_PID ends.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# How often a child looks at its parent: a dead parent's children end within this time.
POLL_S = 0.5


def end_with_parent(parent: int) -> None:
    """End this process once `parent` is no longer its parent process (it has died).

    Polling works whatever thread of the parent started this process (Linux's parent-death
    signal fires when that thread ends, and Prefect starts workers from short-lived threads).
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="lifeline", daemon=True).start()


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """SIGTERM stops the block as Ctrl-C (SIGINT) does: by KeyboardInterrupt, so that every
    `finally` runs. Python's default for SIGTERM ends the process at once, and the temporary
    server kept listening. (During a flow run Prefect turns SIGTERM into its own exception
    first, then sends it again once the flow has unwound.) Only the main thread can do this;
    elsewhere the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"stopped by {signal.Signals(signum).name}")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str]) -> None:
    parent, flag, module, *args = argv
    if flag != "-m":
        raise SystemExit(__doc__)
    end_with_parent(int(parent))
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
