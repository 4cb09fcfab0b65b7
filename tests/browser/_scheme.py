"""Light or dark, read from a screenshot: the colour the page really shows in a box (the canvas's
background, a toolbar button's fill, the page around the widget), so a test sees what a person
sees, not what a stylesheet claims."""

from __future__ import annotations

import io

import numpy as np
from playwright.sync_api import Locator, Page


def screenshot_rgb(page: Page) -> np.ndarray:
    from PIL import Image

    png = page.screenshot()
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def box_color(rgb: np.ndarray, box: dict[str, float], inset: int = 3) -> tuple[int, int, int]:
    """The most common colour inside a box (page px), a few px in from its border."""
    x0, y0 = round(box["x"]) + inset, round(box["y"]) + inset
    x1, y1 = round(box["x"] + box["width"]) - inset, round(box["y"] + box["height"]) - inset
    patch = rgb[max(0, y0) : max(0, y1), max(0, x0) : max(0, x1)].reshape(-1, 3)
    assert len(patch), f"empty box {box}"
    colors, counts = np.unique(patch, axis=0, return_counts=True)
    return tuple(int(v) for v in colors[counts.argmax()])  # type: ignore[return-value]


def luminance(color: tuple[int, int, int]) -> float:
    r, g, b = (c / 255 for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def scheme_of(color: tuple[int, int, int]) -> str:
    return "dark" if luminance(color) < 0.5 else "light"


def widget_colors(page: Page, root: Locator) -> dict[str, tuple[int, int, int]]:
    """Canvas background, the Reset button's fill and the search box's fill, from one
    screenshot."""
    root.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # no hover tint on the button
    page.wait_for_timeout(100)
    rgb = screenshot_rgb(page)
    boxes = {
        "canvas": root.locator("canvas").first.bounding_box(),
        "button": root.locator(".dendrowidget-button").first.bounding_box(),
        "search": root.locator(".dendrowidget-search").first.bounding_box(),
    }
    return {k: box_color(rgb, b) for k, b in boxes.items() if b is not None}
