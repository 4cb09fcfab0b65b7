"""Fixtures of the browser tests: one Jupyter server and one Chromium for the session, a fresh
page (and kernel) per test, notebooks written with nbformat into the server's root."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import _notebooks
import pytest
from _lab import LabServer
from _page import ARTIFACTS, NotebookPage

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("DENDROWIDGET_CHROMIUM") or "/usr/bin/chromium"
    found = shutil.which(path) if not os.path.isabs(path) else path
    if not found or not os.access(found, os.X_OK):
        pytest.fail(
            f"Chromium is needed for the browser tests and was not found at {path!r}. "
            "Install it: `apt-get install chromium` (Debian/Ubuntu), or point "
            "DENDROWIDGET_CHROMIUM at a Chromium binary.",
            pytrace=False,
        )
    return found


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    server = LabServer(tmp_path_factory.mktemp("jupyter"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    for old in ARTIFACTS.glob("FAILED-*.png"):  # from an earlier run
        old.unlink()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    if rep.when == "call":
        item.browser_failed = rep.failed
    return rep


@pytest.fixture
def nbpage(request, browser, lab: LabServer) -> Iterator[NotebookPage]:
    """A fresh browser context and page; every dialog is recorded (and dismissed). A failing
    test leaves a screenshot of the whole page in artifacts/FAILED-<test>.png."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(30_000)
    dialogs: list[str] = []

    def on_dialog(d) -> None:
        dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", on_dialog)
    try:
        nb = NotebookPage(page, dialogs)
        yield nb
        if getattr(request.node, "browser_failed", False):
            for j, pg in enumerate(context.pages):
                suffix = "" if j == 0 else f"-{j}"
                shot = NotebookPage(pg, []).shot(f"FAILED-{request.node.name}{suffix}", i=None)
                print(f"screenshot of the failure: {shot}")
    finally:
        context.close()
        lab.shutdown_kernels()
        lab.reset_settings()


@pytest.fixture
def write_notebook(lab: LabServer):
    """write_notebook(name, [cell sources]) -> name of a notebook in the server's root. A source
    given as `Hidden(...)` is written with its input collapsed."""

    def write(name: str, cells: list[str]) -> str:
        return _notebooks.write_notebook(lab.root, name, cells)

    return write
