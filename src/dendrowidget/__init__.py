"""dendrowidget: interactive, exact hierarchical clustering dendrograms for Jupyter."""

from . import datasets
from ._compare import compare
from ._errors import InputError
from ._widget import PALETTE, Dendrogram

__all__ = ["PALETTE", "Dendrogram", "InputError", "compare", "datasets"]
__version__ = "0.1.0"
