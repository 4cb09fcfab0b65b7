"""Headless Chromium driven over a bare DevTools connection: Page and Runtime commands only.

Playwright enables DevTools' Network domain on every page it drives, and with it Chromium copies
each websocket message to the client: a 16 MB binary tree message becomes a 21 MB base64 event
that the page's renderer encodes and the browser process forwards (measured in a trace: the
browser's main thread 164 ms on one such DevTools message, in the middle of the first paint). A
user's browser does none of that. This driver enables no domain that reports network traffic, so
the page runs as it does for a user; the benchmark reads its in-page probes afterwards.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import websocket  # websocket-client, a dependency of jupyter_server


class CDPError(RuntimeError):
    pass


class BareChromium:
    """One headless Chromium process; `page()` opens a tab driven without Network events."""

    def __init__(self, exe: str, args: list[str]) -> None:
        # Chromium may still write its profile as it exits: leftovers are not an error.
        self._dir = tempfile.TemporaryDirectory(prefix="dendro-cdp-", ignore_cleanup_errors=True)
        self.proc = subprocess.Popen(
            [
                exe,
                *args,
                "--remote-debugging-port=0",
                f"--user-data-dir={self._dir.name}",
                "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--hide-scrollbars",
                "--mute-audio",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self._dir.name) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise CDPError("Chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}{path}", timeout=120, enable_multithread=False
        )
        self._id = 0
        self.events_seen: set[str] = set()  # methods of the events that came (and were dropped)

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """One command; events that arrive meanwhile are dropped (Page's lifecycle and Target's:
        nothing enables a domain that reports network traffic)."""
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if "method" in reply:
                self.events_seen.add(reply["method"])
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def page(self, width: int = 1280, height: int = 1000) -> BarePage:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = BarePage(self, target, session)
        page.send("Page.enable")  # page lifecycle only; init scripts need it
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        page.send("Page.bringToFront")
        return page

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self._dir.cleanup()


class BarePage:
    def __init__(self, browser: BareChromium, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def add_init_script(self, source: str) -> None:
        self.send("Page.addScriptToEvaluateOnNewDocument", {"source": source})

    def goto(self, url: str) -> None:
        self.send("Page.navigate", {"url": url})

    def evaluate(self, fn: str, arg: Any = None) -> Any:
        """Call a JS function source (as Playwright's page.evaluate takes) and await its value."""
        expr = f"({fn})({json.dumps(arg)})"
        res = self.send(
            "Runtime.evaluate", {"expression": expr, "awaitPromise": True, "returnByValue": True}
        )
        if "exceptionDetails" in res:
            raise CDPError(str(res["exceptionDetails"])[:500])
        return res["result"].get("value")

    def wait_for(self, fn: str, timeout: float = 60.0, poll: float = 0.1) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            v = self.evaluate(fn)
            if v:
                return v
            if time.monotonic() > deadline:
                raise CDPError(f"timed out waiting for {fn[:80]}")
            time.sleep(poll)

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})


class BareNotebook:
    """A JupyterLab notebook in a BarePage, with the part of the browser tests' NotebookPage
    that the first-paint measurement uses (`page.evaluate`, `page.wait_for_function`, `open`,
    `run_all`, `wait_widgets`, `kjson`, `root().evaluate`)."""

    def __init__(self, page: BarePage) -> None:
        from _page import _EXECUTE, _KERNEL_READY, READY, ROOT  # tests/browser

        self.page = _PlaywrightLike(page)
        self._bare = page
        self._execute, self._ready_js = _EXECUTE, _KERNEL_READY
        self._ready_sel, self._root_sel = READY, ROOT

    def open(self, url: str) -> None:
        self._bare.goto(url)
        self._bare.wait_for(self._ready_js, timeout=90)
        self._bare.evaluate(
            "() => { const s = window.jupyterapp.shell; if (s.collapseLeft) s.collapseLeft(); }"
        )

    def run_all(self) -> None:
        self._bare.evaluate(
            "async () => { await window.jupyterapp.commands.execute('notebook:run-all-cells'); }"
        )
        self._bare.wait_for(self._ready_js, timeout=600)

    def wait_widgets(self, count: int = 1, timeout: float = 60.0) -> None:
        sel = json.dumps(self._ready_sel)
        self._bare.wait_for(f"() => document.querySelectorAll({sel}).length >= {count}", timeout)

    def kjson(self, expr: str) -> Any:
        res = self._bare.evaluate(self._execute, f"import json as _j\nprint(_j.dumps({expr}))")
        if res["err"] or res["status"] != "ok":
            raise CDPError(f"kernel error: {res['err']}")
        return json.loads(res["out"].strip().splitlines()[-1])

    def root(self) -> _Root:
        return _Root(self._bare, self._root_sel)


class _PlaywrightLike:
    def __init__(self, page: BarePage) -> None:
        self._page = page

    def evaluate(self, fn: str, arg: Any = None) -> Any:
        return self._page.evaluate(fn, arg)

    def wait_for_function(self, fn: str, timeout: float = 30_000) -> Any:
        return self._page.wait_for(fn, timeout=timeout / 1e3, poll=0.05)


class _Root:
    def __init__(self, page: BarePage, selector: str) -> None:
        self._page, self._sel = page, selector

    def evaluate(self, fn: str) -> Any:
        sel = json.dumps(self._sel)
        return self._page.evaluate(f"() => ({fn})(document.querySelector({sel}))")


def screenshot(page: BarePage, path: Path) -> Path:
    """The page as it is now, as a PNG."""
    import base64

    data = page.send("Page.captureScreenshot", {"format": "png"})["data"]
    path.write_bytes(base64.b64decode(data))
    return path
