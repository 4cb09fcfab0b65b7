"""The offline page (`w.to_html`), no Jupyter in between: its size, the time it takes to open
(navigation to the end of the view's first frame, in a page driven over a bare DevTools
connection as a user's browser runs it, and under Playwright), and click / wheel input -> frame.

    python benchmarks/standalone.py [n ...]      (default: 1,000,000 leaves)

Complements benchmarks/browser.py (JupyterLab, zoom/pan/cut) with the click-to-select frame and
the size of an SVG export of the whole view.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

from _bare_cdp import BareChromium
from engine import random_tree
from playwright.sync_api import sync_playwright

from dendrowidget import Dendrogram

# The browser tests' launch flags (system chromium, no background networking).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from conftest import CHROMIUM_ARGS

# Installed before the page's scripts: when the view marks itself ready, the end of the next frame
# (ms since navigation started: performance.now()).
OPEN_PROBE = """(() => {
  const mo = new MutationObserver(() => {
    if (!document.querySelector('.dendrowidget[data-ready="1"]')) return;
    mo.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__opened = performance.now(); };
      ch.port2.postMessage(0);
    });
  });
  mo.observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ['data-ready']});
})()"""

# Time from the input event to the end of the frame it caused (rAF, then a task after it).
PROBE = """(type) => { window.__t = []; const c = document.querySelector('.dendrowidget canvas');
  c.addEventListener(type, () => { const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => window.__t.push(performance.now() - t0), 0));
  }, {capture: true}); }"""


def stats(page) -> str:  # type: ignore[no-untyped-def]
    t = sorted(page.evaluate("window.__t"))
    return f"median {t[len(t) // 2]:.1f} ms, p95 {t[int(len(t) * 0.95)]:.1f} ms"


def open_page(path: Path, browser):  # type: ignore[no-untyped-def]
    """A new Playwright page showing `path`; the seconds from navigation to the end of the
    view's first frame."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(OPEN_PROBE)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.__opened !== undefined", timeout=120_000)
    return page, page.evaluate("() => window.__opened") / 1e3


def open_bare(path: Path, bare) -> float:  # type: ignore[no-untyped-def]
    """The same in a page driven over a bare DevTools connection (_bare_cdp.py)."""
    page = bare.page(1280, 900)
    try:
        page.add_init_script(OPEN_PROBE)
        page.goto(path.as_uri())
        return page.wait_for("() => window.__opened", timeout=120, poll=0.05) / 1e3
    finally:
        page.close()


def measure(n: int, browser, bare) -> str:  # type: ignore[no-untyped-def]
    path = Path(tempfile.mkdtemp()) / "page.html"
    Dendrogram.from_linkage(random_tree(n)).to_html(path)
    opens, bare_opens = [], []
    for _ in range(3):  # the two drivers alternating
        bare_opens.append(open_bare(path, bare))
        page, seconds = open_page(path, browser)
        opens.append(seconds)
        page.close()
    page, _ = open_page(path, browser)
    box = page.locator(".dendrowidget canvas").bounding_box()
    page.evaluate(PROBE, "pointerup")
    changed = 0
    for i in range(30):
        before = page.get_attribute(".dendrowidget", "data-selection")
        x = box["x"] + box["width"] * (0.1 + 0.8 * i / 30)
        page.mouse.click(x, box["y"] + box["height"] * 0.8)
        page.wait_for_timeout(60)
        changed += page.get_attribute(".dendrowidget", "data-selection") != before
    click = stats(page)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.evaluate(PROBE, "wheel")
    for i in range(40):
        page.mouse.wheel(0, -60 if i < 20 else 60)
        page.wait_for_timeout(50)
    wheel = stats(page)
    # SVG export of the view as it is (level of detail kept): its size and the time to make it.
    page.keyboard.press("0")  # the whole tree
    page.evaluate("() => { window.__s0 = performance.now(); }")
    with page.expect_download() as dl:
        page.get_by_role("button", name="SVG").click()
    svg_ms = page.evaluate("() => performance.now() - window.__s0")
    svg_kb = Path(dl.value.path()).stat().st_size / 1024
    page.close()
    b = path.stat().st_size
    size = f"{b / 1e6:.1f} MB" if b >= 1e6 else f"{b / 1e3:.0f} KB"
    opened = f"{statistics.median(bare_opens):.2f} s (max {max(bare_opens):.2f} s)"
    opened_pw = f"{statistics.median(opens):.2f} s (max {max(opens):.2f} s)"
    clicks = f"{click} (selection changed on {changed}/30 clicks)"
    return (
        f"| {n:,} | {size} | {opened} | {opened_pw} | {clicks} | {wheel} | "
        f"{svg_kb:,.0f} KB in {svg_ms:.0f} ms |"
    )


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000_000]
    chromium = os.environ.get("DENDROWIDGET_CHROMIUM", "/usr/bin/chromium")
    print(
        "| leaves | page | open (median of 3) | open under Playwright | click -> frame | "
        "wheel -> frame | SVG export |"
    )
    print("|---|---|---|---|---|---|---|")
    bare = BareChromium(chromium, CHROMIUM_ARGS)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for n in sizes:
                print(measure(n, browser, bare), flush=True)
            browser.close()
    finally:
        bare.close()


if __name__ == "__main__":
    main()
