"""A real `marimo run` server for the browser tests. Every page opened on it is a new marimo
session (its own kernel), so each test starts from the app's first run. Config, state and caches
live in a temp dir: no user settings leak in (marimo's theme among them)."""

from __future__ import annotations

import os
import sys
import urllib.request
from pathlib import Path

from _server import ServerProcess, free_port

REPO = Path(__file__).resolve().parents[2]


class MarimoServer(ServerProcess):
    name = "marimo"

    def __init__(self, app: Path, base: Path) -> None:
        super().__init__(base / "marimo.log")
        self.app, self.base = app, base
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            d = self.base / var.lower()
            d.mkdir(parents=True, exist_ok=True)
            env[var] = str(d)
        src = str(REPO / "src")
        env["PYTHONPATH"] = src + os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else src
        return env

    def start(self, timeout: float = 60.0) -> None:
        cmd = [
            *(sys.executable, "-m", "marimo", "run", str(self.app)),
            *("--headless", "--host", "127.0.0.1", "--port", str(self.port), "--no-token"),
        ]
        self.launch(cmd, self.base, self.env(), self._answers, timeout)

    def _answers(self) -> None:
        with urllib.request.urlopen(self.url + "/", timeout=5) as r:
            r.read()
