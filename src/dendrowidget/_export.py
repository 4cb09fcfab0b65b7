"""Standalone HTML export: one file that renders the widget offline, no CDN, no server.

The page is ipywidgets' own embedding (``embed_data``: the widget state with its binary buffers as
base64, plus a view spec), rendered by ``@jupyter-widgets/html-manager``'s AMD build. Everything
that page would normally fetch from a CDN is inlined: require.js and the html-manager (copied next
to the bundle by the npm build into ``static/embed/``) and anywidget's AMD build (shipped inside
the anywidget package). The widget's own ES module and CSS travel in the state (``_esm``/``_css``),
which is why defaults are kept (``drop_defaults=False``): with the default, ``_esm`` is dropped and
the model never starts.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

_EMBED = Path(__file__).parent / "static" / "embed"

# Inline <script> bodies must not contain "</script" or "<!--" (the HTML parser would end the
# script or switch to its escaped state). In JavaScript source "<\/" and "<\!--" mean the same
# inside strings and regular expressions, the only places such text can occur in these bundles.
_SCRIPT_END = re.compile(r"<(/script|!--)", re.IGNORECASE)

# anywidget's AMD build ends in an anonymous define(); inlined, require.js could not name it.
# Give the next anonymous define the module name the widget state asks for ("anywidget").
_NAME_NEXT_DEFINE = """
(function () {
  var define0 = window.define;
  var named = function () {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] !== "string") args.unshift("anywidget");
    window.define = define0;
    return define0.apply(this, args);
  };
  named.amd = define0.amd;
  window.define = named;
})();
"""

# Renders the views once require.js, the html-manager and anywidget are defined. The html-manager
# also renders on DOMContentLoaded by itself; the scripts below sit at the end of <body>, after the
# state and view specs, so both orders find them.
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dendrowidget {version}">
<title>{title}</title>
<style>
  body {{ margin: 16px; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }}
  .dendrowidget-export {{ max-width: 1400px; }}
</style>
</head>
<body>
<div class="dendrowidget-export">
<script type="application/vnd.jupyter.widget-state+json">
{state}
</script>
{views}
</div>
<script>
{requirejs}
</script>
<script>
{name_next_define}
</script>
<script>
{anywidget}
</script>
<script>
{embed}
</script>
</body>
</html>
"""

_VIEW = '<script type="application/vnd.jupyter.widget-view+json">\n{spec}\n</script>'


def _inline(source: str) -> str:
    return _SCRIPT_END.sub(lambda m: "<\\" + m.group(1), source)


def _json_in_script(value: Any) -> str:
    # ipywidgets' own escaping of widget state inside a script element.
    from ipywidgets.embed import escape_script

    return escape_script(json.dumps(value))


def _runtime_file(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{what} is missing at {path}: the standalone export inlines it. It is copied there by "
            "the front-end build: run `npm run build` (or `pip install -e .`) in the repository."
        ) from None


def _anywidget_amd() -> Path:
    import anywidget

    return Path(anywidget.__file__).parent / "nbextension" / "index.js"


def page_html(widget: Any, *, title: str | None = None) -> str:
    """The standalone page of ``widget`` (current cut, selection, zoom) as a string."""
    from ipywidgets.embed import dependency_state, embed_data

    from . import __version__

    state = dependency_state([widget], drop_defaults=False)
    data = embed_data(views=[widget], drop_defaults=False, state=state)
    if title is None:
        title = str(getattr(widget, "title", "") or "") or "dendrogram"
    views = "\n".join(_VIEW.format(spec=_json_in_script(s)) for s in data["view_specs"])
    return _PAGE.format(
        version=html.escape(__version__),
        title=html.escape(title),
        state=_json_in_script(data["manager_state"]),
        views=views,
        requirejs=_inline(_runtime_file(_EMBED / "require.js", "require.js")),
        name_next_define=_NAME_NEXT_DEFINE,
        anywidget=_inline(_runtime_file(_anywidget_amd(), "anywidget's AMD build")),
        embed=_inline(_runtime_file(_EMBED / "embed-amd.js", "The ipywidgets html-manager")),
    )


def write_html(widget: Any, path: str | Path, *, title: str | None = None) -> Path:
    """Write ``widget`` as one standalone HTML file that renders offline; returns its path."""
    out = Path(path)
    text = page_html(widget, title=title)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
