"""Progress and cancel callbacks of the long core computations.

Every long core function (dependencies, functional areas, dominant flows, city
networks, spatial interaction fits, the street network, services, transit access,
DEGURBA) takes the two keyword
arguments the other long core phases take (as :func:`.regions.intramax.intramax`
and :func:`.growth.patches.growth_patches`): ``progress``, a callable told the
percentage done (0 to 100), and ``is_canceled``, a callable returning True when
the user asked to stop. The Processing algorithms pass ``feedback.setProgress``
and ``feedback.isCanceled``.

A :class:`Ticker` checks the cancel flag at each checkpoint between two phases
of the work, and reports the percentage done there, never going back; when the flag
is set it raises :class:`Canceled`, which the public function catches to
return None (as ``growth_patches`` does), so that nothing half-computed is
returned: :func:`cancelable` does this for a function taking a ``tick``. A
checkpoint costs one call of each callable: they are placed between phases or
every so many iterations, never in an inner loop. Where a partial result means
something, the function returns it marked as canceled instead, as
:func:`.regions.intramax.intramax` (``reason="canceled"``) and
:func:`.citynet.centrality.flow_centralities` (``info["canceled"]``, what was
not computed NaN) do; the Processing algorithms then write nothing.
"""

from __future__ import annotations

import functools

#: Points snapped (or measured in a straight line) between two checkpoints.
CHUNK = 10_000


def within(progress, start, end):
    """``progress`` told 0 to 100 as ``start`` to ``end`` percent of a longer run; None stays None.

    Examples
    --------
    >>> seen = []
    >>> within(seen.append, 20, 60)(50.0)
    >>> seen, within(None, 0, 50)
    ([40.0], None)
    """
    if progress is None:
        return None
    return lambda value: progress(start + (end - start) * float(value) / 100.0)


def required(result):
    """``result`` of a nested long phase, or :class:`Canceled` when it was canceled (it returned None)."""
    if result is None:
        raise Canceled()
    return result


class Canceled(Exception):
    """Raised at a checkpoint when ``is_canceled()`` is true; public functions turn it into None."""


class Ticker:
    """Report progress within ``[start, end]`` percent and stop when canceled.

    Examples
    --------
    >>> seen = []
    >>> tick = Ticker(seen.append)
    >>> tick(0.5); tick.part(0.5, 1.0)(0.5); tick(0.6); tick.done()
    >>> seen
    [50.0, 75.0, 100.0]
    >>> try:
    ...     Ticker(None, lambda: True)(0.1)
    ... except Canceled:
    ...     print("canceled")
    canceled
    """

    def __init__(self, progress=None, is_canceled=None, start=0.0, end=100.0, _shared=None):
        self.progress, self.is_canceled, self.start, self.end = progress, is_canceled, float(start), float(end)
        self._last = _shared if _shared is not None else [-1.0]  # shared by the parts: never go back

    def __call__(self, fraction):
        """Checkpoint: ``fraction`` (0 to 1) of this ticker's range is done; stop if canceled (then
        nothing is reported)."""
        self.check()
        self.report(fraction)

    def report(self, fraction):
        """Report that ``fraction`` (0 to 1) of this ticker's range is done (never going back)."""
        if self.progress is not None:
            value = self.start + (self.end - self.start) * min(max(float(fraction), 0.0), 1.0)
            if value > self._last[0]:
                self._last[0] = value
                self.progress(value)

    def done(self):
        """Report the end of this ticker's range, without checking the cancel flag (the work is done)."""
        self.report(1.0)

    def check(self):
        """Raise :class:`Canceled` when the user asked to stop (no progress report)."""
        if self.is_canceled is not None and self.is_canceled():
            raise Canceled()

    def part(self, first, last):
        """A ticker for the part ``[first, last]`` (fractions of this one's range) of the work."""
        span = self.end - self.start
        return Ticker(self.progress, self.is_canceled, self.start + span * first, self.start + span * last,
                      self._last)


def cancelable(function):
    """Give ``function`` (which takes a ``tick`` keyword, a :class:`Ticker`) the keywords ``progress``
    and ``is_canceled`` instead: it then returns None when canceled, and reports 100 when done.

    Examples
    --------
    >>> @cancelable
    ... def total(values, *, tick):
    ...     out = 0
    ...     for number, value in enumerate(values, 1):
    ...         out += value
    ...         tick(number / len(values))
    ...     return out
    >>> seen = []
    >>> total([1, 2, 3, 4], progress=seen.append), seen
    (10, [25.0, 50.0, 75.0, 100.0])
    >>> calls = []
    >>> total([1, 2, 3, 4], is_canceled=lambda: len(calls.append(1) or calls) > 2), len(calls)
    (None, 3)
    """

    @functools.wraps(function)
    def run(*args, progress=None, is_canceled=None, **kwargs):
        tick = Ticker(progress, is_canceled)
        try:
            tick.check()
            result = function(*args, tick=tick, **kwargs)
        except Canceled:
            return None
        tick.done()
        return result

    return run
