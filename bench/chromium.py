"""Headless Chromium driven over the DevTools protocol through a pipe, with the standard
library only: for the HTML report's browser tests and the README screenshot.

``chromium --remote-debugging-pipe`` reads protocol commands (JSON, each ended by a NUL
byte) on its file descriptor 3 and writes replies and events on 4. That is all a test
needs (open a page, listen to its console and network, run a line of script, take a
screenshot or print it), so no client library and no WebSocket: about 200 lines here
against a heavy test dependency (Playwright downloads its own browsers, pyppeteer is
unmaintained), and the browser is Debian's own ``chromium`` package.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
A4_WIDTH_PX = round((210 - 24) / 25.4 * 96)  # A4 less the report's 12 mm side margins, in CSS px

FLAGS = (
    "--headless",
    "--remote-debugging-pipe",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--no-pings",
    "--mute-audio",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--font-render-hinting=none",
    # Belt and braces: a page that asked for anything on the network would get nothing
    # (the tests also watch every request the page makes, and fail on any).
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


class ChromiumError(RuntimeError):
    pass


def _moved_up(fd: int) -> int:
    """``fd`` as a descriptor numbered 10 or more (close-on-exec); the original is closed."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


def find_chromium() -> str | None:
    """``DXCHECK_CHROMIUM`` if set, else the first Chromium or Chrome on the PATH."""
    explicit = os.environ.get("DXCHECK_CHROMIUM")
    if explicit:
        return explicit
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


class Browser:
    """One Chromium process and its protocol pipe."""

    def __init__(self, executable: str, profile: Path, timeout: float = 60.0) -> None:
        self.timeout = timeout
        commands_read, self._commands = os.pipe()  # we write, Chromium reads on fd 3
        self._replies, replies_write = os.pipe()  # Chromium writes on fd 4, we read
        # Chromium's ends away from 3 and 4: dup2 onto the same number would keep them
        # close-on-exec, and onto each other would lose one.
        commands_read, replies_write = (_moved_up(fd) for fd in (commands_read, replies_write))

        def pipes_on_3_and_4() -> None:  # in the child, before exec
            os.dup2(commands_read, 3)
            os.dup2(replies_write, 4)

        flags = [*FLAGS, f"--user-data-dir={profile}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run its sandbox as root
        self._log = (profile / "chromium.log").open("wb")
        self.process = subprocess.Popen(
            [executable, *flags, "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            close_fds=False,  # fds 3 and 4 must reach Chromium; os.pipe ends are not inherited
            preexec_fn=pipes_on_3_and_4,  # two dup2 calls: safe even beside the reader threads
        )
        os.close(commands_read)
        os.close(replies_write)
        self._next_id = 0
        self._waiting: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="cdp-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._replies, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                for waiting in list(self._waiting.values()):
                    waiting.put({"error": {"message": "Chromium closed the pipe"}})
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                if "id" in message:
                    with self._lock:
                        answer = self._waiting.pop(message["id"], None)
                    if answer is not None:
                        answer.put(message)
                else:
                    self.events.put(message)

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        """Run one command and return its result; a protocol error raises ChromiumError."""
        reply: queue.Queue[dict[str, Any]] = queue.Queue()
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            self._waiting[ident] = reply
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        try:
            answer = reply.get(timeout=self.timeout)
        except queue.Empty:
            raise ChromiumError(f"{method}: no answer in {self.timeout} s") from None
        if "error" in answer:
            raise ChromiumError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def close(self) -> None:
        with suppress(ChromiumError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._replies):
            with suppress(OSError):
                os.close(fd)
        self._reader.join(timeout=5)
        self._log.close()


@dataclass
class Visit:
    """What a page did while it loaded: every request, console error and dialog."""

    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


class Page:
    """A tab of the browser at a given size (a phone: ``mobile=True``)."""

    def __init__(self, browser: Browser, width: int, height: int, *, mobile: bool = False) -> None:
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session: str = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.resize(width, height, mobile=mobile)

    def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.send(method, params, self.session)

    def resize(self, width: int, height: int, *, mobile: bool = False) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
        )

    def open(self, url: str, *, scripts: bool = True) -> Visit:
        """Load ``url`` and wait for its load event; what the page did meanwhile."""
        self.send("Emulation.setScriptExecutionDisabled", {"value": not scripts})
        self.send("Page.navigate", {"url": url})
        visit = Visit(url)
        while True:
            try:
                event = self.browser.events.get(timeout=self.browser.timeout)
            except queue.Empty:
                raise ChromiumError(f"{url}: no load event in {self.browser.timeout} s") from None
            if event.get("sessionId") != self.session:
                continue
            self._note(event, visit)
            if event["method"] == "Page.loadEventFired":
                break
        # Anything the page did right after the load event (a late script, a late request);
        # with scripts off a timer never fires, so wait here instead.
        if scripts:
            self.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))", awaited=True)
        else:
            time.sleep(0.1)
        while not self.browser.events.empty():
            event = self.browser.events.get_nowait()
            if event.get("sessionId") == self.session:
                self._note(event, visit)
        return visit

    @staticmethod
    def _note(event: dict[str, Any], visit: Visit) -> None:
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            visit.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            visit.errors.append(json.dumps(params["exceptionDetails"])[:500])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            visit.errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            visit.errors.append(params["entry"]["text"])
        elif method == "Page.javascriptDialogOpening":
            visit.dialogs.append(params.get("message", ""))

    def evaluate(self, expression: str, *, awaited: bool = False) -> Any:
        """The value of a script expression, as JSON."""
        result = self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": awaited}
        )
        if "exceptionDetails" in result:
            raise ChromiumError(f"{expression[:60]}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def print_media(self, on: bool) -> None:
        self.send("Emulation.setEmulatedMedia", {"media": "print" if on else ""})

    def screenshot(self, path: Path, *, max_height: int = 4000) -> Path:
        """A PNG of the page from the top, as tall as the page up to ``max_height``."""
        height = min(max_height, self.evaluate("document.documentElement.scrollHeight"))
        return self.clip(path, 0, height)

    def clip(self, path: Path, top: float, bottom: float) -> Path:
        """A PNG of the page's full width between two heights (CSS pixels)."""
        width = self.evaluate("document.documentElement.clientWidth")
        clip = {"x": 0, "y": top, "width": width, "height": bottom - top, "scale": 1}
        data = self.send(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data["data"]))
        return path

    def pdf(self) -> bytes:
        """The page printed on A4 (the page's own @page rules)."""
        data = self.send(
            "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True}
        )
        return base64.b64decode(data["data"])


@contextmanager
def chromium(executable: str | None = None, timeout: float = 60.0) -> Iterator[Browser]:
    """A fresh browser with a throw-away profile, closed on exit."""
    found = executable or find_chromium()
    if found is None:
        raise ChromiumError("no Chromium found: apt-get install chromium (or set DXCHECK_CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="dxcheck-chromium-") as profile:
        browser = Browser(found, Path(profile), timeout)
        try:
            yield browser
        finally:
            browser.close()
