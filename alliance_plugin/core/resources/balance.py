"""Resource balances per territory and resource, and what the flows say about supply (issue 15).

For each territory ``i`` and resource ``r`` (values from :mod:`.values`, in the
resource's own unit):

- ``net = production - consumption``: a surplus when positive, a deficit when negative;
- ``self_sufficiency = production / consumption``: NULL (NaN) when consumption is 0,
  never an infinity (a territory that consumes nothing is neither self-sufficient
  nor dependent);
- with flows of the resource's type (the flow table's ``flow_type`` equal to the
  resource's name, case aside; a flow origin -> destination is a shipment from the
  origin to the destination): ``inflow`` the sum of the flows received from other
  territories; ``import_dependency = inflow / consumption`` (NULL when consumption
  is 0; it may exceed 1 when the territory re-exports); ``local_sourcing`` the share
  of the inflow coming from suppliers whose inner point lies within ``local_distance``
  metres of the territory's inner point, or, with ``areas``, from suppliers of the
  same functional area (a supplier without a point or an area is not local);
  ``hhi = sum_j (T_ji / inflow_i)^2`` over the suppliers j (supplier concentration,
  0 to 1); ``main_supplier`` the largest supplier (ties to the smallest code);
  ``n_suppliers`` the number of suppliers with a positive flow. ``local_sourcing``,
  ``hhi`` and ``main_supplier`` are NULL without inflow; every flow field is NULL
  for a resource whose type has no flow row (nothing is known of its supply);
- the resource-shed of each territory in deficit (:mod:`.resourceshed`):
  ``shed_radius_m``, ``shed_n``, ``shed_covered``, and its members.

Per territory, across resources (:func:`territory_summary`): the lowest
self-sufficiency over the resources it consumes (``self_sufficiency_min``) and
that resource (``worst_resource``, ties to the first given), the largest import
dependency, the lowest local sourcing, the largest radius of its covered sheds,
and its resources in deficit (comma-separated; empty when none).

The indicators follow foodshed and urban-metabolism studies: self-sufficiency
and import dependency as in Zumkehr and Campbell (2015, "The potential for local
croplands to meet US food demand") and Peters et al. (2009, "Mapping potential
foodsheds in New York State"); supplier concentration as the
Herfindahl-Hirschman index (Hirschman 1964), as in :mod:`..dependencies`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import InvalidValueError
from ..flows.codes import code_rank
from ..flows.pairs import FlowPairs, FlowTable, ratio, territory_index
from .resourceshed import SHED_RULES, resource_sheds
from .values import names_where, validate_values

BALANCE_COLUMNS = ("territory", "resource", "unit", "production", "consumption", "net", "self_sufficiency",
                   "inflow", "import_dependency", "local_sourcing", "hhi", "main_supplier", "n_suppliers",
                   "shed_radius_m", "shed_n", "shed_covered")
SHED_COLUMNS = ("territory", "member", "resource", "distance_m", "amount")
SUMMARY_COLUMNS = ("self_sufficiency_min", "worst_resource", "import_dependency_max", "local_sourcing_min",
                   "shed_radius_max_m", "deficit_resources")


@dataclass
class ResourceBalance:
    """What :func:`resource_balance` computed."""

    #: one row per territory and resource (:data:`BALANCE_COLUMNS`)
    balance: pd.DataFrame
    #: one row per territory in deficit and member of its resource-shed (:data:`SHED_COLUMNS`)
    sheds: pd.DataFrame
    #: per territory (index: every territory id), :data:`SUMMARY_COLUMNS`
    territories: pd.DataFrame
    #: resources whose flow type has no flow row, when flows were given
    resources_without_flows: list = field(default_factory=list)
    #: flow types that are no resource (left out)
    other_flow_types: list = field(default_factory=list)


def as_points(points, ids):
    """``points`` (a frame with columns x, y indexed by territory, or None) as an (n, 2) array on ``ids``."""
    if points is None:
        return np.full((len(ids), 2), np.nan)
    return points.reindex(ids)[["x", "y"]].to_numpy(dtype=float)


def supply(flows, flow_type, xy, *, local_distance=None, areas=None):
    """Inflow, local sourcing, HHI, main supplier (position, -1 if none) and number of suppliers per territory,
    from the rows of ``flows`` (a :class:`FlowTable`) of one type (see the module)."""
    ids = flows.ids
    n = len(ids)
    rows = flows.kind == flow_type
    value = flows.value[rows]
    # Pairs keyed by receiver: FlowPairs' "origin" is the receiver, its partners the suppliers.
    pairs = FlowPairs(flows.destination[rows], flows.origin[rows], value, n, rank=code_rank(ids), ids=ids)
    external = pairs.external & (pairs.volume > 0)
    receiver, supplier, volume = pairs.origin[external], pairs.destination[external], pairs.volume[external]
    inflow = np.bincount(receiver, weights=volume, minlength=n).astype(float)
    n_suppliers = np.bincount(receiver, minlength=n)
    share = volume / inflow[receiver]
    hhi = np.where(inflow > 0, np.bincount(receiver, weights=share ** 2, minlength=n), np.nan)
    if areas is not None:
        area = np.asarray(areas, dtype=object)
        local = pd.notna(area[receiver]) & (area[receiver] == area[supplier])
    elif local_distance is not None:
        gap = np.hypot(*(xy[supplier] - xy[receiver]).T)
        local = np.isfinite(gap) & (gap <= local_distance)
    else:
        local = None
    local_share = (ratio(np.bincount(receiver[local], weights=volume[local], minlength=n), inflow)
                   if local is not None else np.full(n, np.nan))
    main, _ = pairs.main_partners()
    return inflow, local_share, hhi, main, n_suppliers


def resource_balance(values, points=None, flows=None, *, territory_ids=None, local_distance=None, areas=None,
                     shed_rule="independent"):
    """Balances, supply from the flows and resource-sheds of every territory and resource (see the module).

    Parameters
    ----------
    values : pandas.DataFrame
        territory, resource, unit, production, consumption (:mod:`.values`), of known territories.
    points : pandas.DataFrame, optional
        x, y of each territory's inner point in metres, indexed by territory (NaN: no point);
        without points there are no resource-sheds and no local sourcing by distance.
    flows : FlowTable, optional
        Flows between the territories, typed by resource (their ids are the territories).
    territory_ids : sequence, optional
        The territories (default: the flows' ids, else the points' index, else the values' territories).
    local_distance : float, optional
        Metres: suppliers within it are local. ``areas`` (territory -> area code) wins when given.
    shed_rule : str
        ``"independent"`` or ``"shared"`` (:mod:`.resourceshed`).

    Examples
    --------
    >>> v = pd.DataFrame({"territory": ["C", "R"], "resource": "food", "unit": "t",
    ...                   "production": [0.0, 50.0], "consumption": [30.0, 0.0]})
    >>> pts = pd.DataFrame({"x": [0.0, 3000.0], "y": [0.0, 4000.0]}, index=["C", "R"])
    >>> result = resource_balance(v, pts)
    >>> result.balance[["territory", "net", "self_sufficiency", "shed_radius_m", "shed_n"]].values.tolist()
    [['C', -30.0, 0.0, 5000.0, 1.0], ['R', 50.0, nan, nan, nan]]
    """
    if shed_rule not in SHED_RULES:
        raise InvalidValueError("The resource-shed rule '{rule}' is unknown; expected one of {rules}.",
                                rule=shed_rule, rules=", ".join(SHED_RULES))
    values = validate_values(values)
    if flows is not None:
        flows = FlowTable.of(flows, territory_ids)
        ids = flows.ids
    elif territory_ids is not None:
        ids = territory_index(territory_ids)
    elif points is not None:
        ids = territory_index(points.index)
    else:
        ids = territory_index(pd.unique(values["territory"]))
    position = ids.get_indexer(values["territory"].to_numpy(dtype=object))
    if (position < 0).any():
        from ..errors import first_labels

        raise InvalidValueError("{n} rows of values are of codes that are not territories ({codes}): expected "
                                "values of the given territories (see match_values).", n=int((position < 0).sum()),
                                codes=first_labels(values["territory"][position < 0].unique()))
    xy = as_points(points, ids)
    area = None if areas is None else pd.Series(areas).reindex(ids).to_numpy(dtype=object)
    resources = list(pd.unique(values["resource"]))
    flow_types = {str(t).strip().lower(): t for t in (flows.types if flows is not None else [])}
    parts, sheds, without = [], [], []
    for resource in resources:
        rows = (values["resource"] == resource).to_numpy()
        part = values[rows].copy()
        where = position[rows]
        part["net"] = part["production"] - part["consumption"]
        part["self_sufficiency"] = ratio(part["production"], part["consumption"])
        flow_type = flow_types.get(str(resource).strip().lower())
        for column in ("inflow", "import_dependency", "local_sourcing", "hhi"):
            part[column] = np.nan
        part["main_supplier"], part["n_suppliers"] = None, np.nan
        if flow_type is not None:
            inflow, local, hhi, main, n_suppliers = supply(flows, flow_type, xy, local_distance=local_distance,
                                                           areas=area)
            part["inflow"] = inflow[where]
            part["import_dependency"] = ratio(inflow[where], part["consumption"])
            part["local_sourcing"], part["hhi"] = local[where], hhi[where]
            supplier = main[where]
            part["main_supplier"] = np.where(supplier >= 0, ids.to_numpy(dtype=object)[np.maximum(supplier, 0)],
                                             None)
            part["n_suppliers"] = n_suppliers[where].astype(float)
        elif flows is not None:
            without.append(resource)
        shed = resource_sheds(part["net"].to_numpy(), xy[where], code_rank(ids)[where], rule=shed_rule)
        part["shed_radius_m"], part["shed_n"] = shed.radius, shed.n.astype(float)
        part["shed_covered"] = shed.covered
        part["shed_covered"] = part["shed_covered"].astype(object)
        part.loc[part["net"].to_numpy() >= 0, ["shed_n", "shed_covered"]] = np.nan
        part["_t"] = where
        parts.append(part)
        if len(shed.members):
            sheds.append(pd.DataFrame({
                "territory": part["territory"].to_numpy(dtype=object)[shed.members["deficit"].to_numpy()],
                "member": part["territory"].to_numpy(dtype=object)[shed.members["member"].to_numpy()],
                "resource": resource, "distance_m": shed.members["distance"].to_numpy(),
                "amount": shed.members["amount"].to_numpy()}))
    order = {r: i for i, r in enumerate(resources)}
    balance = (pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*BALANCE_COLUMNS, "_t"]))
    balance = (balance.assign(_r=balance["resource"].map(order)).sort_values(["_t", "_r"], kind="stable")
               .reset_index(drop=True))
    balance = balance[list(BALANCE_COLUMNS)]
    for column in ("main_supplier", "shed_covered", "unit"):  # NULL as None in text and boolean columns
        balance[column] = balance[column].astype(object).where(balance[column].notna(), None)
    shed_table = (pd.concat(sheds, ignore_index=True) if sheds else pd.DataFrame(
        {c: pd.Series(dtype=float if c in ("distance_m", "amount") else object) for c in SHED_COLUMNS}))
    return ResourceBalance(balance, shed_table, territory_summary(balance, ids), without,
                           sorted(set(flow_types) - {str(r).strip().lower() for r in resources}))


def territory_summary(balance, ids):
    """Per territory across resources: :data:`SUMMARY_COLUMNS` (see the module); NULL for a territory without
    values.

    Examples
    --------
    >>> b = pd.DataFrame({"territory": ["A", "A"], "resource": ["food", "water"], "net": [-1.0, 2.0],
    ...                   "self_sufficiency": [0.5, 2.0], "import_dependency": [0.1, np.nan],
    ...                   "local_sourcing": [np.nan, np.nan], "shed_radius_m": [900.0, np.nan]})
    >>> [str(v) for v in territory_summary(b, ["A", "B"]).loc["A"]]
    ['0.5', 'food', '0.1', 'nan', '900.0', 'food']
    """
    ids = pd.Index(ids, dtype=object)
    out = pd.DataFrame(index=ids, columns=list(SUMMARY_COLUMNS), dtype=object)
    if balance.empty:
        return out
    grouped = balance.groupby("territory", sort=False)
    sufficiency = balance.dropna(subset=["self_sufficiency"])
    worst = sufficiency.sort_values("self_sufficiency", kind="stable").drop_duplicates("territory")
    worst = worst.set_index("territory")
    out["self_sufficiency_min"] = worst["self_sufficiency"].reindex(ids).astype(float)
    out["worst_resource"] = worst["resource"].reindex(ids).astype(object)
    out["import_dependency_max"] = grouped["import_dependency"].max().reindex(ids).astype(float)
    out["local_sourcing_min"] = grouped["local_sourcing"].min().reindex(ids).astype(float)
    out["shed_radius_max_m"] = grouped["shed_radius_m"].max().reindex(ids).astype(float)
    resources = list(pd.unique(balance["resource"]))
    rows = ids.get_indexer(balance["territory"].to_numpy(dtype=object))
    kinds = pd.Index(resources).get_indexer(balance["resource"].to_numpy(dtype=object))
    known = rows >= 0
    deficit = np.zeros((len(ids), len(resources)), dtype=bool)
    deficit[rows[known], kinds[known]] = (balance["net"].to_numpy(dtype=float) < 0)[known]
    listed = names_where(deficit, resources)
    has_values = np.zeros(len(ids), dtype=bool)
    has_values[rows[known]] = True
    out["deficit_resources"] = np.where(has_values, listed, None)
    out["worst_resource"] = out["worst_resource"].where(out["worst_resource"].notna(), None)
    out["deficit_resources"] = out["deficit_resources"].where(out["deficit_resources"].notna(), None)
    return out
