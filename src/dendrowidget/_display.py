"""In a Jupyter kernel the tree travels after the display message, not ahead of it.

Every message the kernel sends reaches the page in order. A 1,000,000-leaf tree is 16 MB; in the
widget's comm_open it held the display message back: the page could not create the view until
the 16 MB had passed the Jupyter server and been taken in (measured: 100-130 ms after the tree
was received, the display message still had to arrive). So the comm_open leaves `_tree` out, the
display message follows it at once, and the tree comes straight after as an update of `_tree`:
the page loads the view's module and places the view while the tree is on its way.

The tree is sent once, by whichever comes first: the widget is displayed (`_ipython_display_`
publishes the display message, then sends it), the IPython cell that built it ends (a widget
shown inside a box, or not at all), or a view without it asks ({"type": "tree"}). Anywhere else
(marimo, a plain interpreter, tests) nothing is held back. Python's own `_tree` and every
`get_state()` after the comm_open (a page that reconnects, `to_html`) hold the whole tree.
"""

from __future__ import annotations

from typing import Any


def in_kernel() -> bool:
    """True inside an IPython kernel (a shell with a kernel and cell events)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return False
    ip = get_ipython()
    return ip is not None and getattr(ip, "kernel", None) is not None and hasattr(ip, "events")


def publish(bundle: Any) -> None:
    """Publish a widget's display message now (anywidget gives (data, metadata))."""
    from IPython.display import publish_display_data

    data, metadata = bundle if isinstance(bundle, tuple) else (bundle, None)
    if data:
        publish_display_data(data, metadata=metadata)
