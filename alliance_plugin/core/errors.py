"""Typed errors raised by the core.

All of them derive from :class:`AllianceError`, itself a ``ValueError``: the
Processing glue turns any of them into a ``QgsProcessingException`` in one
place, so their messages are written for the person who runs the algorithm.
"""


class AllianceError(ValueError):
    """An input the user can fix; the message says what was expected and given."""


class EmptyInputError(AllianceError):
    """A table or layer that must hold rows holds none."""


class FieldNotFoundError(AllianceError):
    """A named or auto-detected field is not in the table."""


class InvalidValueError(AllianceError):
    """Values that cannot be used as given (missing, negative, not numbers)."""


class ConvergenceError(AllianceError):
    """An iterative estimation stopped before reaching its tolerance."""


def first_labels(labels, limit=5):
    """Render the first ``limit`` labels of an iterable for an error message.

    Examples
    --------
    >>> first_labels([3, 17, 18, 20, 21, 40, 41])
    '3, 17, 18, 20, 21 and 2 more'
    >>> first_labels(["01004"])
    '01004'
    """
    labels = list(labels)
    shown = ", ".join(str(label) for label in labels[:limit])
    rest = len(labels) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown
