"""dendrowidget: interactive, exact hierarchical clustering dendrograms for Jupyter."""

from . import datasets
from ._compare import compare
from ._errors import InputError
from ._link import Link, link
from ._widget import PALETTE, Dendrogram

__all__ = ["PALETTE", "Dendrogram", "InputError", "Link", "compare", "datasets", "link"]
__version__ = "0.1.0"
