"""The wheel holds the built front end and the data, and imports from itself."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_wheel_holds_bundle_and_imports(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("dendrowidget-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "static/widget.js",
        "static/widget.css",
        "static/standalone.js",
        "datasets/fruits.csv",
        "datasets/make_fruits.py",
    ):
        assert f"dendrowidget/{needed}" in names, needed
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = (
        "import dendrowidget, pathlib; from dendrowidget import Dendrogram, datasets\n"
        "pkg = pathlib.Path(dendrowidget.__file__).parent\n"
        f"assert pkg.is_relative_to(pathlib.Path(r'{target}'))\n"
        "assert 'render' in (pkg / 'static' / 'widget.js').read_text()\n"
        "w = Dendrogram.from_dataframe(datasets.fruits(), label='fruit_name', n_clusters=3)\n"
        "assert w.n_clusters == 3\n"
        "page = w.to_html('page.html').read_text()\n"
        "assert 'widget-view+json' in page and 0 < len(page) < 300_000\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(target)}, cwd=tmp_path
    )
