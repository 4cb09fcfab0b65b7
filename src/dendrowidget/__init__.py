"""dendrowidget: interactive, exact hierarchical clustering dendrograms for Jupyter."""

from . import datasets
from ._errors import InputError
from ._widget import Dendrogram

__all__ = ["Dendrogram", "InputError", "datasets"]
__version__ = "0.1.0"
