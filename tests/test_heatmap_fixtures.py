"""The JavaScript tests read tests/fixtures/heatmap/heatmap.json: it must still be what the Python
payload code and numpy produce today (floats to 1e-12: summation order may differ by a last bit
between numpy builds; codes and counts exactly)."""

from __future__ import annotations

import base64
import importlib.util
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

SCRIPT = Path(__file__).parent / "fixtures" / "make_heatmap_fixtures.py"


def same(a: Any, b: Any, path: str = "") -> None:
    if isinstance(a, dict) and "base64" in a:
        x, y = base64.b64decode(a["base64"]), base64.b64decode(b["base64"])
        if path.endswith("stats"):
            fx, fy = np.frombuffer(x, "<f8"), np.frombuffer(y, "<f8")
            np.testing.assert_allclose(fx, fy, rtol=1e-12, atol=0, err_msg=path)
        else:
            assert x == y, path
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            same(a[k], b[k], f"{path}/{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (u, v) in enumerate(zip(a, b, strict=True)):
            same(u, v, f"{path}[{i}]")
    elif isinstance(a, float) and isinstance(b, float):
        assert a == pytest.approx(b, rel=1e-12, abs=1e-15), path
    else:
        assert a == b, path


def test_heatmap_fixture_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("make_heatmap_fixtures", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = json.loads(module.OUT.read_text())
    fresh = json.loads(json.dumps(module.build()))
    same(
        stored, fresh
    )  # if this fails: run .venv/bin/python tests/fixtures/make_heatmap_fixtures.py
