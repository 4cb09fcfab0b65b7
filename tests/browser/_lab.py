"""A real Jupyter server (JupyterLab and Notebook 7 on one port) for the browser tests.

Everything the server reads or writes lives in one temp dir: config, data, runtime, settings,
workspaces, IPython profile and the notebooks themselves. The lab extensions of anywidget and
jupyterlab_widgets stay visible because the server runs on this venv's Python, whose
``sys.prefix/share/jupyter`` is on the data path whatever JUPYTER_DATA_DIR says.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import urllib.error
import urllib.request
from pathlib import Path

from _server import ServerProcess, free_port

REPO = Path(__file__).resolve().parents[2]

# User settings in the isolated settings dir: no "Jupyter news" toast, no update check, and every
# cell stays in the DOM (windowing would detach off-screen outputs and the widgets in them).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


class LabServer(ServerProcess):
    name = "jupyter lab"

    def __init__(self, base: Path) -> None:
        super().__init__(base / "server.log")
        self.base = base
        self.root = base / "root"
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    # ---- life cycle ---------------------------------------------------------------------
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        for var, sub in [
            ("JUPYTER_CONFIG_DIR", "config"),
            ("JUPYTER_DATA_DIR", "data"),
            ("JUPYTER_RUNTIME_DIR", "runtime"),
            ("JUPYTERLAB_SETTINGS_DIR", "settings"),
            ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
            ("IPYTHONDIR", "ipython"),
        ]:
            d = self.base / sub
            d.mkdir(parents=True, exist_ok=True)
            env[var] = str(d)
        env.pop("JUPYTER_PATH", None)
        env.pop("JUPYTER_PREFER_ENV_PATH", None)
        # The kernel imports the working tree's package (also before it is pip-installed).
        src = str(REPO / "src")
        env["PYTHONPATH"] = src + os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else src
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        return env

    def write_settings(self) -> None:
        settings = self.base / "settings"
        for plugin, values in SETTINGS.items():
            pkg, name = plugin.rsplit("/", 1)
            f = settings / pkg / f"{name}.jupyterlab-settings"
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(json.dumps(values))

    def start(self, timeout: float = 60.0) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.write_settings()
        cmd = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--ServerApp.open_browser=False",
            "--LabApp.expose_app_in_browser=True",
            "--JupyterNotebookApp.expose_app_in_browser=True",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--ServerApp.allow_root=True")
        self.launch(cmd, self.root, self.env(), lambda: self.api("GET", "/api/status"), timeout)

    # ---- REST -----------------------------------------------------------------------------
    def api(self, method: str, path: str, body: object | None = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", f"token {self.token}")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=10) as r:
            raw = r.read()
        return json.loads(raw) if raw else None

    def reset_settings(self) -> None:
        """Forget what a test changed in the user settings (the theme above all): the server
        reads them from disk on every request, so the next page starts from the defaults."""
        settings = self.base / "settings"
        for f in settings.rglob("*.jupyterlab-settings"):
            f.unlink()
        self.write_settings()

    def shutdown_kernels(self) -> None:
        """Delete every session (and its kernel): each test starts from a fresh kernel."""
        try:
            sessions = self.api("GET", "/api/sessions")
            for s in sessions or []:  # type: ignore[union-attr]
                self.api("DELETE", f"/api/sessions/{s['id']}")
        except (OSError, urllib.error.URLError):
            pass

    def lab_url(self, notebook: str) -> str:
        return f"{self.url}/lab/tree/{notebook}?reset&token={self.token}"

    def notebook7_url(self, notebook: str) -> str:
        return f"{self.url}/notebooks/{notebook}?token={self.token}"
