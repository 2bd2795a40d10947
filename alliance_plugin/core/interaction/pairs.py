"""The pairs a spatial interaction model is fitted on: read from a flow table, checked, completed.

A flow table holds one row per ordered pair ``(i, j)``: the ``origin`` and
``destination`` codes, the volume ``T_ij`` and the separation ``d_ij``. The
modelling assumptions about pairs (Flowerdew and Aitkin 1982, as in spint):

- zero flows are ordinary observations, and volumes need not be integers
  (weighted counts);
- only the pairs given are modelled: a pair missing from the table is not a zero
  flow. :func:`complete_pairs` lists every ordered pair, with zeros, to model them;
- intrazonal pairs (i == j) are left out unless asked for;
- one row per ordered pair, one flow type at a time (:func:`sum_flow_types`
  sums the types per pair).

What is refused, naming the pairs (:func:`check_pairs`): no pair left to model,
missing, negative or infinite flows or distances, a zero distance under power
decay (its logarithm is a regressor), and flows that are all zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, FieldNotFoundError, InvalidValueError, first_labels


def complete_pairs(flows, territory_ids, *, value="value", intrazonal=False, max_pairs=5_000_000):
    """Every ordered pair of territories, with the flows given and zeros elsewhere.

    A gravity model fitted on the listed (positive) flows only ignores every
    zero; this table lets the model see them. One flow type at a time: the
    ``flow_type`` column, if any, must hold a single value.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A"], "destination": ["B"], "value": [5.0]})
    >>> complete_pairs(flows, ["A", "B", "C"])[["origin", "destination", "value"]].values.tolist()
    [['A', 'B', 5.0], ['A', 'C', 0.0], ['B', 'A', 0.0], ['B', 'C', 0.0], ['C', 'A', 0.0], ['C', 'B', 0.0]]
    """
    ids = pd.Index(np.asarray(territory_ids, dtype=object).astype(str))
    if ids.has_duplicates:
        raise InvalidValueError("Territory ids must be unique; repeated: {ids}.",
                                ids=first_labels(ids[ids.duplicated()]))
    n = len(ids)
    total = n * n if intrazonal else n * (n - 1)
    if total > max_pairs:
        raise InvalidValueError("{n} territories make {total:,} pairs, more than max_pairs={max_pairs:,}.", n=n,
                                total=total, max_pairs=max_pairs)
    kinds = pd.unique(flows["flow_type"]) if "flow_type" in flows.columns else ["flow"]
    if len(kinds) > 1:
        raise InvalidValueError("The flows hold several flow types ({kinds}): select one first.",
                                kinds=first_labels(kinds))
    o = ids.get_indexer(np.asarray(flows["origin"], dtype=object).astype(str))
    d = ids.get_indexer(np.asarray(flows["destination"], dtype=object).astype(str))
    if (o < 0).any() or (d < 0).any():
        raise InvalidValueError("{n_unknown} flows have codes that are not territories.",
                                n_unknown=int(((o < 0) | (d < 0)).sum()))
    volume = np.bincount(o.astype(np.int64) * n + d, weights=flows[value].to_numpy(float), minlength=n * n)
    oo, dd = np.divmod(np.arange(n * n), n)
    keep = np.ones(n * n, dtype=bool) if intrazonal else oo != dd
    return pd.DataFrame({"origin": pd.Categorical.from_codes(oo[keep], categories=ids),
                         "destination": pd.Categorical.from_codes(dd[keep], categories=ids),
                         "flow_type": kinds[0] if len(kinds) else "flow", "value": volume[keep]})


def sum_flow_types(flows, *, value="value", distance="distance", label="total"):
    """One row per ordered pair: the volumes of every flow type summed, the flow type ``label``.

    A gravity model takes one row per pair; a table of several flow types
    (commuting and school trips, say) is modelled as their sum. The pair keeps
    its distance, which must be the same in all its rows: a pair whose rows
    give different distances (or a distance and none) is refused, naming the
    pairs, as the sum would not know which one to take. Pairs keep the order of
    their first row.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B"], "destination": ["B", "B", "A"],
    ...                       "flow_type": ["work", "study", "work"], "value": [3.0, 2.0, 4.0],
    ...                       "distance": [1.5, 1.5, 1.5]})
    >>> sum_flow_types(flows).values.tolist()
    [['A', 'B', 'total', 5.0, 1.5], ['B', 'A', 'total', 4.0, 1.5]]
    """
    frame = pd.DataFrame({"origin": np.asarray(flows["origin"], dtype=object),
                          "destination": np.asarray(flows["destination"], dtype=object),
                          "value": numeric_column(flows, value, "flow"),
                          "distance": numeric_column(flows, distance, "distance")})
    grouped = frame.groupby(["origin", "destination"], sort=False)
    low, high = grouped["distance"].transform("min"), grouped["distance"].transform("max")
    count, known = grouped["distance"].transform("size"), grouped["distance"].transform("count")
    differs = ((low != high) | ((known > 0) & (known < count))).to_numpy()
    if differs.any():
        bad = frame[differs].groupby(["origin", "destination"], sort=False)["distance"].agg(
            lambda values: " / ".join("none" if v != v else f"{v:g}" for v in pd.unique(values)))
        raise InvalidValueError("{n_pairs} pairs have different distances in their rows of different flow types "
                                "({pairs}): the flow types are summed per pair, which needs one distance per "
                                "pair. Give each pair the same distance in every row, or keep one flow type.",
                                n_pairs=len(bad), pairs=first_labels([f"{o}->{d}: {text}"
                                                                      for (o, d), text in bad.items()]))
    summed = grouped.agg(value=("value", "sum"), distance=("distance", "first")).reset_index()
    return pd.DataFrame({"origin": summed["origin"], "destination": summed["destination"], "flow_type": label,
                         value: summed["value"], distance: summed["distance"]})


@dataclass
class ModelPairs:
    """The modelled pairs as arrays: territory codes, positions, volumes and distances.

    ``labels`` holds the sorted territory codes; ``o`` and ``d`` the positions
    of each pair's origin and destination in ``labels``; ``y`` the volumes,
    ``dist`` the distances, ``rows`` the labels of the input rows they come
    from; ``excluded`` counts the intrazonal pairs left out.
    """

    labels: np.ndarray
    o: np.ndarray
    d: np.ndarray
    y: np.ndarray
    dist: np.ndarray
    rows: pd.Index
    excluded: int


def name_pairs(data, mask, limit=5):
    """The first ``limit`` pairs where ``mask`` holds, as ``"A->B, ..."`` (and how many more), for messages.

    Examples
    --------
    >>> data = ModelPairs(np.array(["A", "B"], dtype=object), np.array([0, 1, 0]), np.array([1, 0, 0]),
    ...                   np.zeros(3), np.zeros(3), pd.RangeIndex(3), 0)
    >>> name_pairs(data, np.array([True, True, True]), limit=2)
    'A->B, B->A and 1 more'
    """
    where = np.flatnonzero(mask)[:limit]
    text = [f"{data.labels[data.o[i]]}->{data.labels[data.d[i]]}" for i in where]
    rest = int(mask.sum()) - len(where)
    return ", ".join(text) + (f" and {rest} more" if rest > 0 else "")


def numeric_column(flows, name, role):
    """Column ``name`` of ``flows`` as floats (non-numbers become NaN); ``role`` names it if it is missing."""
    if name not in flows.columns:
        raise FieldNotFoundError("The {role} column '{name}' is not in the flow table; its columns are {columns}.",
                                 role=role, name=name, columns=first_labels(list(flows.columns), 12))
    return pd.to_numeric(flows[name], errors="coerce").to_numpy(dtype=float)


def _codes(values, role, index):
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if (codes < 0).any():
        raise InvalidValueError("{n_missing} flows have no {role} code (rows {index}).",
                                n_missing=int((codes < 0).sum()), role=role, index=first_labels(index[codes < 0]))
    return codes, np.array([str(u) for u in np.asarray(uniques, dtype=object)], dtype=object)


def prepare_pairs(flows, *, value, distance, flow_type, intrazonal):
    """The pairs to model from a flow table: ``(ModelPairs, the flow rows they come from)``.

    Selects ``flow_type`` (required when the table holds several), refuses a
    missing ``origin`` or ``destination`` column or code and repeated pairs, and
    leaves intrazonal pairs out unless ``intrazonal``.
    """
    for name in ("origin", "destination"):
        if name not in flows.columns:
            raise FieldNotFoundError("The flow table needs an '{name}' column; its columns are {columns}.",
                                     name=name, columns=first_labels(list(flows.columns), 12))
    if len(flows) == 0:
        raise EmptyInputError("The flow table has no rows.")
    if "flow_type" in flows.columns:
        kinds = pd.unique(flows["flow_type"].astype(str))
        if flow_type is None and len(kinds) > 1:
            raise InvalidValueError("The flows hold {n_kinds} flow types ({kinds}): choose one with flow_type=.",
                                    n_kinds=len(kinds), kinds=first_labels(sorted(kinds)))
        if flow_type is not None:
            if str(flow_type) not in set(kinds):
                raise InvalidValueError("No flow of type '{flow_type}'; the types are {kinds}.",
                                        flow_type=flow_type, kinds=first_labels(sorted(kinds)))
            flows = flows[(flows["flow_type"].astype(str) == str(flow_type)).to_numpy()]
    y, dist = numeric_column(flows, value, "flow"), numeric_column(flows, distance, "distance")
    oc, olab = _codes(flows["origin"], "origin", flows.index)
    dc, dlab = _codes(flows["destination"], "destination", flows.index)
    labels = np.unique(np.concatenate([olab, dlab]))
    o = np.searchsorted(labels, olab)[oc]
    d = np.searchsorted(labels, dlab)[dc]
    data = ModelPairs(labels, o, d, y, dist, flows.index, 0)
    key = o.astype(np.int64) * len(labels) + d
    repeated = pd.Series(key).duplicated(keep=False).to_numpy()
    if repeated.any():
        raise InvalidValueError("{n_repeated} rows repeat a pair ({pairs}): give one row per origin and "
                                "destination.", n_repeated=int(repeated.sum()),
                                pairs=name_pairs(data, repeated))
    keep = np.ones(len(y), dtype=bool) if intrazonal else o != d
    data.excluded = int((~keep).sum())
    return _subset(data, keep), flows[keep] if data.excluded else flows


def _subset(data, keep):
    return ModelPairs(data.labels, data.o[keep], data.d[keep], data.y[keep], data.dist[keep], data.rows[keep],
                      data.excluded)


def check_pairs(data, decay):
    """Refuse pairs a Poisson model with this ``decay`` cannot take (see the module docstring)."""
    if len(data.y) == 0:
        raise EmptyInputError("No pair is left to model (intrazonal pairs are left out unless "
                              "intrazonal=True).")
    for label, mask in (("a missing or non-numeric flow", np.isnan(data.y)),
                        ("a negative flow", data.y < 0), ("an infinite flow", np.isinf(data.y)),
                        ("a missing distance", np.isnan(data.dist)), ("a negative distance", data.dist < 0),
                        ("an infinite distance", np.isinf(data.dist))):
        if mask.any():
            raise InvalidValueError("{n_pairs} pairs have {label}: {pairs}.", n_pairs=int(mask.sum()),
                                    label=label, pairs=name_pairs(data, mask))
    if decay == "power" and (data.dist <= 0).any():
        mask = data.dist <= 0
        raise InvalidValueError("Power decay takes the logarithm of distance, which must be positive; {n_pairs} "
                                "pairs have a zero distance: {pairs}. Use exponential decay or positive "
                                "distances.", n_pairs=int(mask.sum()),
                                pairs=name_pairs(data, mask))
    if not (data.y > 0).any():
        raise InvalidValueError("Every flow is zero: there is nothing to fit.")
