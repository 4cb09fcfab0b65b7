"""Progress for long builds: a bar of named stages that appears only once work passes a second."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Stages:
    """`with stages.step("linkage"): ...` advances one bar; nothing shows for quick builds."""

    def __init__(self, names: list[str], enabled: bool = True) -> None:
        self._bar: Any = None
        if enabled:
            try:
                from tqdm.auto import tqdm
            except ImportError:  # tqdm is optional: no bar, no failure
                return
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
