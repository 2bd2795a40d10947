"""Typed errors raised by the core.

All of them derive from :class:`AllianceError`, itself a ``ValueError``: the
Processing glue turns any of them into a ``QgsProcessingException`` in one
place, so their messages are written for the person who runs the algorithm.
"""


import math
import numbers


class AllianceError(ValueError):
    """An input the user can fix; the message says what was expected and given.

    ``AllianceError(template, **params)`` keeps an English ``str.format`` template and its
    parameters: ``str(error)`` is the English message, and the Processing glue translates
    the template then fills it (:meth:`render`), so that the message reaches the user in
    their language. Numbers are written for people (:func:`readable`), never as numpy
    representations (``np.float64(100.0)``). A message without parameters is its own template.
    """

    def __init__(self, message="", /, **params):
        self.template = str(message)
        self.params = params
        super().__init__(self.render(self.template) if params else self.template)

    def render(self, template=None):
        """``template`` (by default the English one) filled with the parameters, numbers readable."""
        template = self.template if template is None else template
        if not self.params:
            return template
        return template.format(**{name: _for_people(value) for name, value in self.params.items()})


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


def readable(value):
    """A number as people read it: ``100`` not ``np.float64(100.0)``, ``0.25``, never ``-0``.

    Sequences become ``a, b, c``; anything else its ``str``.

    >>> readable(100.0), readable(-0.0), readable(0.1 + 0.2), readable([1000.0, 500])
    ('100', '0', '0.3', '1000, 500')
    """
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            return str(number)
        text = f"{number:.6g}"
        if "e" not in text and float(text) == int(float(text)):
            text = str(int(float(text)))
        return "0" if float(text) == 0 else text
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        value = value.tolist()
        if not isinstance(value, (list, tuple)):
            return readable(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(readable(item) for item in value)
    return str(value)


class _Number(float):
    """A float that prints readably with an empty format spec and formats normally otherwise."""

    def __format__(self, spec):
        return readable(float(self)) if not spec else format(float(self), spec)

    def __str__(self):
        return readable(float(self))

    __repr__ = __str__


def _for_people(value):
    """A parameter ready for ``str.format``: numpy scalars as Python numbers, floats readable."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return _Number(value)
    if hasattr(value, "tolist") or isinstance(value, (list, tuple, set, frozenset)):
        return readable(value)
    return value
