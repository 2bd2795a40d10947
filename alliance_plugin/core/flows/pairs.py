"""The flow structure every flow algorithm takes: flows matched to a territory index.

A canonical flow table (:mod:`.table`) holds rows ``origin, destination,
flow_type, value``: the volume ``T_ij`` going *from* i *to* j, of one flow type.
A row whose origin is its destination is an *internal* flow ``T_ii`` (for
commuting: people working where they live). Notation as in methods.md,
section 1: the outflow ``O_i = sum_j T_ij`` (what leaves i) and the inflow
``D_j = sum_i T_ij`` (what arrives in j) both include the internal flow.

:class:`FlowTable` ties the rows to the territories, once: the territory index
``ids`` (unique codes, in the order given) and, for every row, the positions of
its origin and destination in ``ids``, its volume and its flow type. Building
it refuses, with a message that says what was expected:

- territory ids that repeat (each territory is one node of every flow graph);
- a table without the columns ``origin``, ``destination`` and ``value``
  (``flow_type`` may be absent: every row is then of the type ``flow``);
- codes that are not territories (match the flows first, see
  :func:`.table.match_territories`, which counts and lists them);
- volumes that are missing, infinite or negative.

Every flow algorithm (dependencies, dominant flows, regions, functional areas,
city networks) takes a :class:`FlowTable`, or a canonical DataFrame and the
territory ids, from which it builds one. The Processing algorithms build it
once per run.

:class:`FlowPairs` sums the rows per (origin, destination) pair and holds what
the indicators need: ``outflow``, ``inflow``, ``internal`` per territory, the
reverse flow ``T_ji`` of every pair, each origin's partners by decreasing
volume (ties to the smallest code) and their ranks. Ratios are taken with
:func:`ratio`: NaN (written as NULL) where the denominator is 0, never an
infinity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, InvalidValueError, first_labels
from .codes import code_order, code_rank
from .table import DEFAULT_FLOW_TYPE


def ratio(numerator, denominator, scale=1.0):
    """``scale * numerator / denominator``, NaN where the denominator is not positive (never inf).

    Examples
    --------
    >>> ratio([1.0, 2.0, 3.0], [4.0, 0.0, -1.0]).tolist()
    [0.25, nan, nan]
    >>> ratio([1.0], [4.0], 100.0).tolist()
    [25.0]
    """
    num = np.asarray(numerator, dtype=float)
    den = np.asarray(denominator, dtype=float)
    out = np.divide(num, den, out=np.full(num.shape, np.nan), where=den > 0)
    return out * scale if scale != 1.0 else out


def territory_index(territory_ids, *, allow_empty=False):
    """The territory ids as a unique text index; an error names the repeated ones.

    Examples
    --------
    >>> territory_index(["B", "A"]).tolist()
    ['B', 'A']
    """
    if not isinstance(territory_ids, (pd.Index, pd.Series, np.ndarray, list, tuple)):
        territory_ids = list(territory_ids)
    ids = pd.Index(territory_ids, dtype=object)
    if len(ids) == 0 and not allow_empty:
        raise EmptyInputError("No territory was given: expected at least one territory id.")
    if ids.has_duplicates:
        raise InvalidValueError("Territory ids must be unique; repeated: {ids}.",
                                ids=first_labels(ids[ids.duplicated()].unique()))
    return ids


def positions(codes, ids):
    """Positions of ``codes`` in ``ids`` (-1 for a code that is not there).

    Categorical codes (as :func:`.table.validate_flows` makes them) are looked
    up once per category.
    """
    if isinstance(getattr(codes, "dtype", None), pd.CategoricalDtype):
        lookup = np.append(ids.get_indexer(codes.cat.categories), -1)
        return lookup[codes.cat.codes.to_numpy()]
    return ids.get_indexer(np.asarray(codes, dtype=object))


class FlowTable:
    """Canonical flows matched to a territory index, validated once (see the module).

    Attributes
    ----------
    ids : pandas.Index
        The territories, unique, in the order given.
    origin, destination : numpy.ndarray of int64
        Position in ``ids`` of each row's origin and destination.
    value : numpy.ndarray of float
        Each row's volume (finite, not negative).
    kind : numpy.ndarray of object
        Each row's flow type.
    frame : pandas.DataFrame
        The canonical rows themselves.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B"], "destination": ["A", "B", "A"],
    ...                       "flow_type": "commuting", "value": [5.0, 3.0, 2.0]})
    >>> table = FlowTable(flows, ["B", "A"])
    >>> table.origin.tolist(), table.destination.tolist(), table.types
    ([1, 1, 0], [1, 0, 1], ['commuting'])
    >>> pairs = table.pairs()
    >>> pairs.outflow.tolist(), pairs.inflow.tolist(), pairs.internal.tolist()
    ([2.0, 8.0], [3.0, 7.0], [0.0, 5.0])
    """

    def __init__(self, flows, territory_ids, *, allow_empty=True):
        ids = territory_index(territory_ids, allow_empty=allow_empty)
        missing = [c for c in ("origin", "destination", "value") if c not in flows.columns]
        if missing:
            raise InvalidValueError("A flow table needs the columns origin, destination, flow_type, value; missing: "
                                    "{missing}.", missing=', '.join(missing))
        o, d = positions(flows["origin"], ids), positions(flows["destination"], ids)
        unknown_rows = (o < 0) | (d < 0)
        if unknown_rows.any():
            unknown = sorted({str(c) for c in pd.unique(pd.concat(
                [flows["origin"].astype(object)[o < 0], flows["destination"].astype(object)[d < 0]]))})
            raise InvalidValueError("{n_unknown} flow codes are not territories ({unknown}): expected flows between "
                                    "the given territories (see match_territories).",
                                    n_unknown=len(unknown), unknown=first_labels(unknown))
        value = flows["value"].to_numpy(dtype=float)
        bad = ~np.isfinite(value)
        if bad.any():
            raise InvalidValueError("{n_missing} rows have a missing or non-numeric volume in '{volume}' ({rows}).",
                                    n_missing=bad.sum(), volume="value", rows=first_labels(flows.index[bad]))
        negative = value < 0
        if negative.any():
            raise InvalidValueError("{n_negative} rows have a negative volume in '{volume}' ({rows}).",
                                    n_negative=negative.sum(), volume="value",
                                    rows=first_labels(flows.index[negative]))
        kind = (np.asarray(flows["flow_type"], dtype=object) if "flow_type" in flows.columns
                else np.full(len(flows), DEFAULT_FLOW_TYPE, dtype=object))
        self._set(ids, o.astype(np.int64), d.astype(np.int64), value, kind, flows)

    def _set(self, ids, origin, destination, value, kind, frame):
        self.ids, self.origin, self.destination, self.value, self.kind, self.frame = (
            ids, origin, destination, value, kind, frame)
        self._cache = {}
        return self

    @classmethod
    def of(cls, flows, territory_ids=None, *, allow_empty=True):
        """``flows`` itself when it is a FlowTable of these territories, else a FlowTable built from it."""
        if isinstance(flows, cls):
            if territory_ids is None or flows.ids.equals(pd.Index(list(territory_ids), dtype=object)):
                if not allow_empty and len(flows.ids) == 0:
                    territory_index(flows.ids)
                return flows
            flows = flows.frame
        return cls(flows, territory_ids, allow_empty=allow_empty)

    def _subset(self, keep, ids=None, origin=None, destination=None, kind=None):
        return FlowTable.__new__(FlowTable)._set(
            self.ids if ids is None else ids, (self.origin if origin is None else origin)[keep],
            (self.destination if destination is None else destination)[keep], self.value[keep],
            (self.kind if kind is None else kind)[keep], self.frame[keep] if keep is not Ellipsis else self.frame)

    def __len__(self):
        return len(self.value)

    @property
    def types(self):
        """The flow types present, sorted."""
        if "types" not in self._cache:
            self._cache["types"] = sorted(pd.unique(self.kind))
        return self._cache["types"]

    @property
    def total_volume(self):
        """The sum of the volumes."""
        return float(self.frame["value"].sum())

    def of_type(self, flow_type):
        """The rows of one flow type (``None``: every row); an error lists the types when it has none."""
        if flow_type is None:
            return self
        keep = self.kind == flow_type
        if not keep.any():
            raise InvalidValueError("The flow type '{flow_type}' is not in the table; its types are {types}.",
                                    flow_type=flow_type,
                                    types=first_labels(sorted(pd.unique(self.kind).astype(str)), 12))
        return self._subset(keep)

    def as_one_type(self, flow_type):
        """The same rows, every one of the type ``flow_type`` (their volumes then add up in every pair)."""
        table = self._subset(Ellipsis, kind=np.full(len(self), flow_type, dtype=object))
        table.frame = self.frame.assign(flow_type=flow_type)
        return table

    def positive(self):
        """The rows with a positive volume."""
        if "positive" not in self._cache:
            self._cache["positive"] = self._subset(self.value > 0)
        return self._cache["positive"]

    def in_code_order(self):
        """The same flows on the territories sorted by code (:func:`.codes.code_order`): the order in
        which a position tie is a smallest-code tie."""
        if "code_order" not in self._cache:
            order = code_order(self.ids)
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order))
            self._cache["code_order"] = self._subset(Ellipsis, ids=self.ids[order], origin=rank[self.origin],
                                                     destination=rank[self.destination])
        return self._cache["code_order"]

    def pairs(self, *, tie_order=None):
        """The flows summed per pair (:class:`FlowPairs`).

        ``tie_order="code"`` sorts each origin's partners of equal volume by code
        whatever the order of ``ids``; None takes ``ids`` to be in code order.
        """
        if ("pairs", tie_order) not in self._cache:
            rank = code_rank(self.ids) if tie_order == "code" else None
            self._cache["pairs", tie_order] = FlowPairs(self.origin, self.destination, self.value, len(self.ids),
                                                        rank=rank, ids=self.ids)
        return self._cache["pairs", tie_order]

    def matrix(self):
        """The sparse territory x territory flow matrix (scipy CSR) and its row and column sums
        (``O_i`` and ``D_j``)."""
        from scipy import sparse

        n = len(self.ids)
        matrix = sparse.csr_matrix((self.value, (self.origin, self.destination)), shape=(n, n))
        matrix.sum_duplicates()
        return matrix, np.asarray(matrix.sum(axis=1)).ravel(), np.asarray(matrix.sum(axis=0)).ravel()


class FlowPairs:
    """Flows summed per (origin, destination), with the orderings every indicator needs.

    Attributes
    ----------
    n : int
        Number of territories (positions 0 .. n-1, those of ``ids``).
    key, origin, destination, volume : numpy.ndarray
        One entry per pair, sorted by ``key = origin * n + destination``.
    outflow, inflow, internal : numpy.ndarray
        ``O_i``, ``D_i`` (both including ``T_ii``) and ``T_ii`` per territory.
    external : numpy.ndarray of bool
        The pairs between different territories.
    has_internal : bool
        Whether any row has its origin as destination: without one, the table
        says nothing about what stays inside a territory.

    :attr:`order` sorts the flows between different territories by origin,
    decreasing volume, then destination code (``rank``: each position's rank
    in text order of the codes, :func:`.codes.code_rank`; without it, the
    positions are taken to be in code order): the first of each origin is its
    main partner, ties going to the smallest code whatever the order of the
    territories, and the position in its run gives the rank.
    """

    def __init__(self, origin, destination, volume, n, rank=None, ids=None):
        key = np.asarray(origin).astype(np.int64) * n + destination
        self.key, inverse = np.unique(key, return_inverse=True)
        self.volume = np.bincount(inverse, weights=volume, minlength=len(self.key)).astype(float)
        self.origin, self.destination, self.n, self.ids = self.key // n, self.key % n, n, ids
        self.outflow = np.bincount(self.origin, weights=self.volume, minlength=n).astype(float)
        self.inflow = np.bincount(self.destination, weights=self.volume, minlength=n).astype(float)
        self.external = self.origin != self.destination
        self.has_internal = bool((~self.external).any())  # at least one origin = destination row
        self.internal = np.bincount(self.origin[~self.external], weights=self.volume[~self.external],
                                    minlength=n).astype(float)
        self._rank, self._order = rank, None

    @property
    def order(self):
        """Positions of the external pairs by origin, decreasing volume, then destination code."""
        if self._order is None:
            ext = np.flatnonzero(self.external)
            small = np.uint16 if self.n <= np.iinfo(np.uint16).max else np.int64
            # A stable sort of small unsigned integers is a radix sort: linear time.
            if self._rank is not None:  # destinations in code order, so that ties keep the code order
                ext = ext[np.argsort(np.asarray(self._rank)[self.destination[ext]].astype(small), kind="stable")]
            by_volume = ext[np.argsort(-self.volume[ext], kind="stable")]  # ties keep the code order
            origin = self.origin[by_volume].astype(small)
            self._order = by_volume[np.argsort(origin, kind="stable")]
        return self._order

    def flow(self, origin, destination):
        """``T_ij`` for arrays of origin and destination positions (0 where nothing flows)."""
        found = pd.Index(self.key).get_indexer(np.asarray(origin) * self.n + np.asarray(destination))
        return np.where(found >= 0, self.volume[np.maximum(found, 0)], 0.0)

    def reverse(self):
        """``T_ji`` for every pair (0 when nothing flows back)."""
        return self.flow(self.destination, self.origin)

    def ranks(self):
        """Rank of each external flow within its origin, 1 for the largest; ties share the best."""
        order = self.order
        o, v = self.origin[order], self.volume[order]
        position = np.arange(len(o))
        new_origin = np.ones(len(o), dtype=bool)
        new_origin[1:] = o[1:] != o[:-1]
        new_value = new_origin.copy()
        new_value[1:] |= v[1:] != v[:-1]
        origin_start = np.maximum.accumulate(np.where(new_origin, position, 0))
        value_start = np.maximum.accumulate(np.where(new_value, position, 0))
        rank = np.zeros(len(self.key), dtype=np.int64)
        rank[order] = value_start - origin_start + 1
        return rank

    def main_partners(self):
        """Position of each origin's largest partner (-1 if none) and the flow to it."""
        positive = self.order[self.volume[self.order] > 0]
        o = self.origin[positive]
        first = np.ones(len(o), dtype=bool)
        first[1:] = o[1:] != o[:-1]
        partner = np.full(self.n, -1, dtype=np.int64)
        flow = np.zeros(self.n)
        partner[o[first]] = self.destination[positive[first]]
        flow[o[first]] = self.volume[positive[first]]
        return partner, flow

    def touched(self):
        """Territories that send or receive a flow from another territory (zero flows count when given)."""
        touched = np.zeros(self.n, dtype=bool)
        touched[self.origin[self.external]] = True
        touched[self.destination[self.external]] = True
        return touched
