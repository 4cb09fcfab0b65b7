"""``jupyter nbconvert --to dendrowidget_html``: JupyterLab's HTML export of a notebook whose
widgets render offline. The stock export loads require.js, the ipywidgets html-manager and
anywidget from three CDNs; this one inlines the ~2 KB page loader that ``to_html`` uses instead
(``static/standalone.js``), which renders every anywidget model (dendrowidget's and others') from
the widget state the notebook saved. Classic ipywidgets (sliders, boxes) are not rendered by it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nbconvert.exporters import HTMLExporter
from traitlets import default

from ._export import inline_script, loader_source

TEMPLATES = Path(__file__).parent / "nbconvert_templates"


class OfflineHTMLExporter(HTMLExporter):
    """HTML with anywidget-based widgets rendered from the saved state, no network needed."""

    export_from_notebook = "HTML (widgets offline)"

    @default("template_name")
    def _template_name_default(self) -> str:
        return "dendrowidget"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [*super()._default_extra_template_basedirs(), str(TEMPLATES)]

    def _init_resources(self, resources: Any) -> Any:
        resources = super()._init_resources(resources)
        resources["dendrowidget_loader"] = inline_script(loader_source())
        return resources
