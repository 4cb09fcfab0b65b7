"""One error type for bad input, so callers can catch it whatever its source."""

from traitlets import TraitError


class InputError(TraitError, ValueError):
    """Bad input: the message says what was wrong and what to do.

    A ValueError for ordinary callers and a TraitError so traitlets reports it from validators.
    """


class ColumnError(InputError, KeyError):
    """A column name that the table does not have."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""
