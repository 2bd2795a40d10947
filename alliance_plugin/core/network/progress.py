"""Progress and cancel callbacks of the long access phases: the street network, services and transit.

Building the graph, snapping points, inserting sources and searching paths
take the two keyword arguments every long core phase takes (as
:func:`..growth.patches.growth_patches` and :func:`..regions.intramax.intramax`;
:mod:`..flows.progress` explains them): ``progress``, told the percentage done
(0 to 100), and ``is_canceled``, asked at each checkpoint between two phases or
two chunks of points. A canceled function returns None, never a half-computed
result, and the Processing algorithm then writes nothing. The checkpoints are
those of :class:`~..flows.progress.Ticker`; a phase that calls another long
phase gives it a part of its own range (:func:`within`) and stops when that
one was canceled (:func:`required`).
"""

from __future__ import annotations

from ..flows.progress import Canceled, Ticker

__all__ = ["CHUNK", "Canceled", "Ticker", "required", "within"]

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
