"""Progress for long builds: a bar of named stages, shown once work passes a second.

In a notebook, tqdm's bar is a set of ipywidgets (HBox, FloatProgress, two HTML, their layouts
and styles) created at once even when the bar never shows; left open they are saved into the
notebook's widget state. So the bar is made only for builds big enough to take a while, and every
widget it made is closed with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

LONG_ROWS = 20_000  # below this a build takes well under a second (benchmarks/engine.py)


def _open_widgets() -> set[int]:
    try:
        from ipywidgets.widgets.widget import _instances
    except ImportError:
        return set()
    return set(_instances)


def _close_new_widgets(before: set[int]) -> None:
    try:
        from ipywidgets.widgets.widget import _instances
    except ImportError:
        return
    for key in [k for k in _instances if k not in before]:
        widget = _instances.get(key)
        if widget is not None:
            widget.close()


class Stages:
    """`with stages.step("linkage"): ...` advances one bar; nothing shows for quick builds.

    rows: the build's size (None: unknown, e.g. a lazy Dask table, which is taken as long).
    """

    def __init__(self, names: list[str], enabled: bool = True, rows: int | None = None) -> None:
        self._bar: Any = None
        self._before: set[int] = set()
        if not enabled or (rows is not None and rows < LONG_ROWS):
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:  # tqdm is optional: no bar, no failure
            return
        self._before = _open_widgets()
        # delay: the bar appears only if the build is still running after a second.
        self._bar = tqdm(total=len(names), delay=1.0, desc="dendrowidget", leave=False)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        if self._bar is not None:
            self._bar.set_postfix_str(name, refresh=False)
        try:
            yield
        finally:
            if self._bar is not None:
                self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
            _close_new_widgets(self._before)
