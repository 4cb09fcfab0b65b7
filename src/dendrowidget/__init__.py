"""dendrowidget: interactive, exact hierarchical clustering dendrograms for Jupyter."""

from . import datasets
from ._errors import InputError
from ._link import Link, link
from ._widget import Dendrogram

__all__ = ["Dendrogram", "InputError", "Link", "datasets", "link"]
__version__ = "0.1.0"
