"""A headless Chromium driven over the DevTools protocol, to measure a page as it renders.

Chromium speaks the protocol on a pipe (`--remote-debugging-pipe`: it reads commands on fd 3
and writes replies on fd 4, each message JSON ending in a NUL byte), so no port is opened and
no client library is needed. The page's own Content-Security-Policy still forbids scripts:
`Runtime.evaluate` is the debugger's, like a console, and the page never runs code itself.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import selectors
import signal
import time
from pathlib import Path
from typing import Any

# Flags for this machine: no GPU, no sandbox (root in a container), nothing fetched in the background.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT_S = 60.0


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, died, or did not answer in time."""


class Browser:
    """One Chromium process with a fresh profile in `profile`; use as a context manager."""

    def __init__(self, executable: str, profile: Path) -> None:
        self._log = (profile.parent / f"{profile.name}.log").open("wb")
        commands_in, self._commands = _high_pipe()
        self._replies, replies_out = _high_pipe()
        self.pid = os.posix_spawn(
            executable,
            [executable, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            dict(os.environ),
            # The log first: its descriptor may be 3 or 4, which the pipe ends then replace.
            file_actions=[
                (os.POSIX_SPAWN_DUP2, self._log.fileno(), 1),
                (os.POSIX_SPAWN_DUP2, self._log.fileno(), 2),
                (os.POSIX_SPAWN_DUP2, commands_in, 3),
                (os.POSIX_SPAWN_DUP2, replies_out, 4),
            ],
            setpgroup=0,  # its own process group: closing ends the renderers it started too
        )
        os.close(commands_in)
        os.close(replies_out)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.session: str | None = None

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True) -> Any:
        """Send one command (to the attached page unless `session` is False) and wait for its reply."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait_for(self, event: str) -> dict[str, Any]:
        """The first `event` of the page since the last wait (already received or still to come)."""
        while True:
            for i, message in enumerate(self._events):
                if message.get("method") == event:
                    del self._events[: i + 1]
                    return message
            self._events.append(self._read())

    def open(self, url: str, width: int, height: int, *, mobile: bool) -> None:
        """Load `url` in a new tab with a viewport of `width` × `height` CSS pixels."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        attached = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)
        self.session = attached["sessionId"]
        self.send("Page.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )
        self._events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression evaluated in the page."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluation failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        """The whole page (not just the viewport) as a PNG at `path`."""
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        """Ask Chromium to quit; end its process group if it has not within seconds."""
        with contextlib.suppress(OSError):  # it may have gone already
            os.write(self._commands, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
        deadline = time.monotonic() + 10
        exited = False
        while not exited and time.monotonic() < deadline:
            exited = os.waitpid(self.pid, os.WNOHANG) != (0, 0)
            time.sleep(0 if exited else 0.05)
        if not exited:
            os.killpg(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        for fd in (self._commands, self._replies):
            os.close(fd)
        self._log.close()

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT_S
        with selectors.DefaultSelector() as selector:
            selector.register(self._replies, selectors.EVENT_READ)
            while b"\0" not in self._buffer:
                if not selector.select(timeout=max(deadline - time.monotonic(), 0)):
                    raise BrowserError(f"Chromium did not answer within {TIMEOUT_S:.0f} s")
                chunk = os.read(self._replies, 1 << 20)
                if not chunk:
                    raise BrowserError(f"Chromium closed the pipe; its log: {self._log.name}")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(message))


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are numbered 10 or higher, so that placing them at 3 and 4 clobbers neither."""
    ends = []
    for fd in os.pipe():
        ends.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return ends[0], ends[1]
