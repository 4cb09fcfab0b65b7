"""Every example notebook runs top to bottom in a real kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.ipynb"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors


def test_examples_exist() -> None:
    assert any(p.name == "fruits.ipynb" for p in EXAMPLES)


def test_marimo_app_runs_as_a_script() -> None:
    """Every cell of the marimo example runs (`python app.py` runs the app without a browser;
    tests/browser/test_marimo.py drives it in `marimo run`)."""
    import subprocess
    import sys

    app = Path(__file__).parents[1] / "examples" / "marimo_fruits.py"
    done = subprocess.run(
        [sys.executable, str(app)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
