"""Standalone HTML export: one small file that renders the widget offline, no CDN, no server.

The page holds Jupyter's own widget-state format (the model's synced state, binary buffers as
base64, the widget's ES module and CSS as the ``_esm``/``_css`` values a live model has), one view
spec, and ``static/standalone.js`` inlined: a tiny model object (get/set/on/off/save_changes/send)
that imports the ES module from a Blob URL and renders it. An anywidget needs nothing more, so
neither require.js nor the ipywidgets html-manager is inlined (3.8 MB before, ~40 KB now).
The same loader renders notebooks exported with nbconvert (see ``_nbconvert.py``).
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path
from typing import Any

_STATIC = Path(__file__).parent / "static"

# Inline <script> bodies must not contain "</script" or "<!--" (the HTML parser would end the
# script or switch to its escaped state). In JavaScript source "<\/" and "<\!--" mean the same
# inside strings and regular expressions, the only places such text can occur in the bundle.
_SCRIPT_END = re.compile(r"<(/script|!--)", re.IGNORECASE)

# ipywidgets' base traits the page has no use for (layout is a reference to another model).
_DROP = {"layout", "tabbable", "tooltip", "_dom_classes", "_view_count"}
# With no kernel behind the page: nothing to expand, nothing computing.
_OFFLINE = {"_expandable": False, "busy": False, "expanded_leaf": None}

MIME_STATE = "application/vnd.jupyter.widget-state+json"
MIME_VIEW = "application/vnd.jupyter.widget-view+json"

# The page follows the OS's light or dark scheme, as the widget does outside JupyterLab
# (js/host/scheme.js); the background is the widget's own for that scheme.
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dendrowidget {version}">
<title>{title}</title>
<style>
  :root {{ color-scheme: light dark; }}
  body {{ margin: 16px; font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
         background: #ffffff; color: rgba(0, 0, 0, 0.87); }}
  @media (prefers-color-scheme: dark) {{
    body {{ background: #111111; color: rgba(255, 255, 255, 0.87); }}
  }}
  .dendrowidget-export {{ max-width: 1400px; }}
</style>
</head>
<body>
<div class="dendrowidget-export">
<script type="{mime_state}">
{state}
</script>
<script type="{mime_view}">
{view}
</script>
</div>
<script type="module">
{loader}
</script>
</body>
</html>
"""


def inline_script(source: str) -> str:
    return _SCRIPT_END.sub(lambda m: "<\\" + m.group(1), source)


def json_in_script(value: Any) -> str:
    # "<" as \u003c: no "</script" or "<!--" can appear, and JSON.parse reads it back the same.
    return json.dumps(value).replace("<", "\\u003c")


def loader_source() -> str:
    path = _STATIC / "standalone.js"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(
            f"the page loader is missing at {path}: it is built with the front end. Run "
            "`npm run build` (or `pip install -e .`) in the repository."
        ) from None


def model_state(widget: Any) -> dict[str, Any]:
    """The widget's saved model in Jupyter's widget-state format (buffers as base64)."""
    from ipywidgets.widgets.widget import _remove_buffers

    state = {k: v for k, v in widget.get_state().items() if k not in _DROP}
    state.update({k: v for k, v in _OFFLINE.items() if k in state})
    later = getattr(widget, "_heatmap_later", None)
    if later is not None:  # no kernel to ask for the codes later: the page gets them now
        state["_heatmap"] = later
    state, paths, buffers = _remove_buffers(state)
    return {
        "model_name": state["_model_name"],
        "model_module": state["_model_module"],
        "model_module_version": state["_model_module_version"],
        "state": state,
        "buffers": [
            {"path": p, "encoding": "base64", "data": base64.b64encode(b).decode("ascii")}
            for p, b in zip(paths, buffers, strict=True)
        ],
    }


def page_html(widget: Any, *, title: str | None = None) -> str:
    """The standalone page of ``widget`` (current cut, selection, zoom) as a string."""
    from . import __version__

    model_id = str(widget.model_id)
    state = {"version_major": 2, "version_minor": 0, "state": {model_id: model_state(widget)}}
    view = {"version_major": 2, "version_minor": 0, "model_id": model_id}
    if title is None:
        title = str(getattr(widget, "title", "") or "") or "dendrogram"
    return _PAGE.format(
        version=html.escape(__version__),
        title=html.escape(title),
        mime_state=MIME_STATE,
        mime_view=MIME_VIEW,
        state=json_in_script(state),
        view=json_in_script(view),
        loader=inline_script(loader_source()),
    )


def write_html(widget: Any, path: str | Path, *, title: str | None = None) -> Path:
    """Write ``widget`` as one standalone HTML file that renders offline; returns its path."""
    out = Path(path)
    text = page_html(widget, title=title)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
