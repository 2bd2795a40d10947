"""The reciprocity account between classes of territories: who provides what to whom (issue 15).

Territories are grouped into classes (urban centre, peri-urban, rural: DEGURBA
units, functional-area roles, INSEE attraction-area roles, or any class field).
Flows of several types (:class:`..flows.pairs.FlowTable`) are read as provision:

- **direction**: a flow origin -> destination is read as "the origin provides to
  the destination" (food, water, energy, materials shipped; waste sent for
  treatment is a service the destination provides only when its type is listed
  below), EXCEPT the types of ``provider_is_destination``, where people travel
  to what is provided: commuting (workers go from home to their jobs: the
  destination provides the jobs) and the use of services (people go to the
  service). Default: the commuting types of :data:`..dependencies.COMMUTING_TYPES`
  plus ``home-work`` and ``services``; types are compared case aside.
- flows inside a class (both ends in the same class, internal flows included) and
  flows with an end without class are left out: the account is between classes.

For each ordered pair of classes (A, B), A != B, and each type t, in the type's
own unit: ``provided_ab`` what A provides to B, ``provided_ba`` the reverse,
``balance = provided_ab - provided_ba``, ``share_a = provided_ab / (provided_ab +
provided_ba)`` (NaN when both are 0).

For each unordered pair across the types with any exchange (``n_types`` of
them): ``types_a_provides`` the types with ``share_a > 0.5``, ``types_b_provides``
those with ``share_a < 0.5``, and our reciprocity index (not an official one)

    R = 1 - |2 * mean_t(share_a,t) - 1|

Each type counts once, measured as a share in its own unit, so tonnes of food
and numbers of commuters are never added. R = 1 when, on average over the types,
each side provides as much as it receives (A gives food, B gives jobs: shares 1
and 0, mean 0.5); R = 0 when one side provides everything of every type; R is
the same for (A, B) and (B, A).

Per territory and type: ``gives_to_other_classes`` (what it provides to
territories of other classes), ``receives_from_other_classes``, ``net`` (their
difference); per territory: ``net_contribution = mean_t (g_t - r_t) / (g_t + r_t)``
over the types it exchanges (-1 to 1: 1 only gives, -1 only receives), the types
it gives more of than it receives (``gives``) and the reverse (``receives``),
``n_types``; its class's ``partner_class`` (the other class that takes the largest
part of the class's exchanges, summed over types as shares of each type's
exchanges, ties to the smallest class) and the ``reciprocity`` of that pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..dependencies import COMMUTING_TYPES
from ..flows.codes import codes_as_text
from ..flows.pairs import FlowTable, ratio
from .values import names_where

#: Types whose flows go to the provider (see the module).
PROVIDER_IS_DESTINATION = frozenset(COMMUTING_TYPES | {"home-work", "services"})
TABLE_COLUMNS = ("class_a", "class_b", "flow_type", "provided_ab", "provided_ba", "balance", "share_a")
PAIR_COLUMNS = ("class_a", "class_b", "reciprocity", "n_types", "types_a_provides", "types_b_provides")
CONTRIBUTION_COLUMNS = ("territory", "class", "flow_type", "gives_to_other_classes",
                        "receives_from_other_classes", "net")
TERRITORY_COLUMNS = ("class", "gives", "receives", "net_contribution", "n_types", "reciprocity", "partner_class")


@dataclass
class Reciprocity:
    """What :func:`reciprocity_account` computed (see the module for each column)."""

    table: pd.DataFrame  # TABLE_COLUMNS, both orders of every pair
    pairs: pd.DataFrame  # PAIR_COLUMNS, class_a < class_b
    contributions: pd.DataFrame  # CONTRIBUTION_COLUMNS
    territories: pd.DataFrame  # TERRITORY_COLUMNS, indexed by territory
    rows_without_class: int  # flow rows with an end whose territory has no class
    destination_types: list  # the types read as going to the provider


def reciprocity_index(shares):
    """``1 - |2 * mean(shares) - 1|`` over the defined shares (NaN when none).

    Examples
    --------
    >>> reciprocity_index([1.0, 0.0]), reciprocity_index([1.0, 1.0]), reciprocity_index([1.0, 0.5])
    (1.0, 0.0, 0.5)
    """
    shares = np.asarray(shares, dtype=float)
    shares = shares[np.isfinite(shares)]
    return float(1.0 - abs(2.0 * shares.mean() - 1.0)) if len(shares) else float("nan")


def _type_list(frame, mask):
    return frame[mask].groupby(["class_a", "class_b"], sort=False)["flow_type"].agg(lambda t: ",".join(sorted(t)))


def reciprocity_account(flows, classes, *, provider_is_destination=PROVIDER_IS_DESTINATION):
    """The reciprocity account of the classes ``classes`` (territory -> class) from ``flows`` (see the module).

    Examples
    --------
    The rural territory R ships food to the city C, and R's residents commute to jobs in C (C provides
    the jobs): food from the rural class, jobs from the city class, R = 1.

    >>> flows = pd.DataFrame({"origin": ["R", "R"], "destination": ["C", "C"],
    ...                       "flow_type": ["food", "commuting"], "value": [10.0, 4.0]})
    >>> result = reciprocity_account(FlowTable(flows, ["C", "R"]), pd.Series({"C": "city", "R": "rural"}))
    >>> result.pairs[["class_a", "class_b", "reciprocity", "types_a_provides", "types_b_provides"]].values.tolist()
    [['city', 'rural', 1.0, 'commuting', 'food']]
    """
    flows = FlowTable.of(flows)
    ids = flows.ids
    names = codes_as_text(pd.Series(classes).reindex(ids)).to_numpy(dtype=object)
    class_codes, class_names = pd.factorize(pd.Series(names, dtype=object), sort=True)
    class_names = np.asarray(class_names, dtype=object)
    destination_types = {str(t).strip().lower() for t in provider_is_destination}
    kinds = pd.Series(flows.kind, dtype=object)
    type_codes, type_names = pd.factorize(kinds, sort=True)
    type_names = np.asarray(type_names, dtype=object)
    reversed_type = np.array([str(t).strip().lower() in destination_types for t in type_names], dtype=bool)
    reverse = reversed_type[type_codes] if len(type_codes) else np.zeros(0, dtype=bool)
    provider = np.where(reverse, flows.destination, flows.origin)
    receiver = np.where(reverse, flows.origin, flows.destination)
    c_from, c_to = class_codes[provider], class_codes[receiver]
    classed = (c_from >= 0) & (c_to >= 0)
    across = classed & (c_from != c_to)
    n_types, n_classes = len(type_names), len(class_names)

    # Ordered class pairs and types.
    key = (c_from[across].astype(np.int64) * n_classes + c_to[across]) * n_types + type_codes[across]
    total = np.bincount(key, weights=flows.value[across], minlength=n_classes * n_classes * n_types)
    cube = total.reshape(n_classes, n_classes, n_types)
    exchanged = (cube + cube.transpose(1, 0, 2))
    seen = np.zeros(cube.shape, dtype=bool)
    seen.ravel()[np.unique(key)] = True
    seen |= seen.transpose(1, 0, 2)
    a, b, t = np.nonzero(seen)
    table = pd.DataFrame({"class_a": class_names[a], "class_b": class_names[b], "flow_type": type_names[t],
                          "provided_ab": cube[a, b, t], "provided_ba": cube[b, a, t]})
    table["balance"] = table["provided_ab"] - table["provided_ba"]
    table["share_a"] = ratio(table["provided_ab"], table["provided_ab"] + table["provided_ba"])

    pairs = _pairs(table)
    partner = _partners(exchanged, class_names)
    contributions, per_territory = _territories(flows, provider, receiver, across, type_codes, type_names,
                                                class_codes, class_names)
    territory_class = pd.Series(names, index=ids, dtype=object)
    per_territory.insert(0, "class", territory_class.where(pd.notna(territory_class), None))
    lookup = pd.concat([pairs, pairs.rename(columns={"class_a": "class_b", "class_b": "class_a"})])
    lookup = lookup.set_index(["class_a", "class_b"])["reciprocity"]
    partner_of = territory_class.map(partner)
    per_territory["reciprocity"] = lookup.reindex(pd.MultiIndex.from_arrays(
        [territory_class.to_numpy(dtype=object), partner_of.to_numpy(dtype=object)])).to_numpy(dtype=float)
    per_territory["partner_class"] = partner_of.where(partner_of.notna(), None).astype(object)
    return Reciprocity(table, pairs, contributions, per_territory[list(TERRITORY_COLUMNS)],
                       int((~classed).sum()), sorted(type_names[reversed_type].tolist()))


def _pairs(table):
    """Per unordered pair (class_a < class_b): the index, its number of types and who provides which."""
    half = table[(table["class_a"] < table["class_b"]) & table["share_a"].notna()]
    if half.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("reciprocity", "n_types") else object)
                             for c in PAIR_COLUMNS})
    grouped = half.groupby(["class_a", "class_b"], sort=True)
    pairs = grouped["share_a"].agg(reciprocity_index).rename("reciprocity").to_frame()
    pairs["n_types"] = grouped.size()
    pairs["types_a_provides"] = _type_list(half, half["share_a"] > 0.5).reindex(pairs.index).fillna("")
    pairs["types_b_provides"] = _type_list(half, half["share_a"] < 0.5).reindex(pairs.index).fillna("")
    return pairs.reset_index()[list(PAIR_COLUMNS)]


def _partners(exchanged, class_names):
    """Each class's partner: the other class with the largest sum over types of its share of the class's
    exchanges of that type (ties to the smallest class)."""
    n = len(class_names)
    if n == 0:
        return {}
    per_type = exchanged.sum(axis=1, keepdims=True)  # class x 1 x type
    shares = np.divide(exchanged, per_type, out=np.zeros_like(exchanged), where=per_type > 0).sum(axis=2)
    np.fill_diagonal(shares, 0.0)
    best = shares.argmax(axis=1)  # the first maximum: the smallest class name (sorted)
    return {class_names[i]: class_names[best[i]] for i in range(n) if shares[i, best[i]] > 0}


def _territories(flows, provider, receiver, across, type_codes, type_names, class_codes, class_names):
    """The contributions per territory and type, and the summary per territory."""
    ids = flows.ids
    n, n_types = len(ids), len(type_names)
    size = n * n_types
    gives = np.bincount(provider[across] * n_types + type_codes[across], weights=flows.value[across],
                        minlength=size).reshape(n, n_types)
    receives = np.bincount(receiver[across] * n_types + type_codes[across], weights=flows.value[across],
                           minlength=size).reshape(n, n_types)
    touched = np.zeros(size, dtype=bool)
    touched[provider[across] * n_types + type_codes[across]] = True
    touched[receiver[across] * n_types + type_codes[across]] = True
    touched = touched.reshape(n, n_types)
    who, kind = np.nonzero(touched)
    class_of = np.where(class_codes >= 0, class_names[np.maximum(class_codes, 0)] if len(class_names) else None,
                        None)
    contributions = pd.DataFrame({
        "territory": ids.to_numpy(dtype=object)[who], "class": class_of[who], "flow_type": type_names[kind],
        "gives_to_other_classes": gives[who, kind], "receives_from_other_classes": receives[who, kind]})
    contributions["net"] = contributions["gives_to_other_classes"] - contributions["receives_from_other_classes"]
    both = gives + receives
    contribution = np.divide(gives - receives, both, out=np.full(both.shape, np.nan), where=both > 0)
    exchanged = both > 0
    counted = exchanged.sum(axis=1)
    mean = np.divide(np.nansum(np.where(exchanged, contribution, 0.0), axis=1), counted,
                     out=np.full(n, np.nan), where=counted > 0)

    summary = pd.DataFrame({"gives": names_where(gives > receives, type_names),
                            "receives": names_where(receives > gives, type_names),
                            "net_contribution": mean, "n_types": counted}, index=ids)
    return contributions, summary


def class_centroids(points, classes):
    """The mean of the member territories' inner points per class (``points``: x, y indexed by territory).

    Examples
    --------
    >>> pts = pd.DataFrame({"x": [0.0, 2.0, 10.0], "y": [0.0, 2.0, 0.0]}, index=["A", "B", "C"])
    >>> class_centroids(pts, pd.Series({"A": "u", "B": "u", "C": "r"})).loc["u"].tolist()
    [1.0, 1.0]
    """
    names = codes_as_text(pd.Series(classes).reindex(points.index))
    frame = points[["x", "y"]].assign(cls=names.to_numpy(dtype=object)).dropna()
    return frame.groupby("cls", sort=True)[["x", "y"]].mean()


def class_lines(table, centroids):
    """One row per ordered pair and type with ``provided_ab > 0`` (class_a, class_b, flow_type, provided_ab),
    with the line from class_a's centroid to class_b's (None when a class has no centroid)."""
    import shapely

    rows = table[table["provided_ab"] > 0][["class_a", "class_b", "flow_type", "provided_ab"]].reset_index(drop=True)
    start = centroids.reindex(rows["class_a"]).to_numpy(dtype=float)
    end = centroids.reindex(rows["class_b"]).to_numpy(dtype=float)
    coords = np.stack([start, end], axis=1) if len(rows) else np.zeros((0, 2, 2))
    lines = np.full(len(rows), None, dtype=object)
    drawn = np.isfinite(coords).all(axis=(1, 2)) if len(rows) else np.zeros(0, dtype=bool)
    if drawn.any():
        lines[drawn] = shapely.linestrings(coords[drawn])
    return rows, lines
