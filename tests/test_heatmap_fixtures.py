"""The JavaScript tests read tests/fixtures/heatmap/heatmap.json: it must still be what the Python
payload code and numpy produce today."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).parent / "fixtures" / "make_heatmap_fixtures.py"


def test_heatmap_fixture_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("make_heatmap_fixtures", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stored = json.loads(module.OUT.read_text())
    fresh = json.loads(json.dumps(module.build()))
    assert stored == fresh, f"out of date: run .venv/bin/python {SCRIPT}"
