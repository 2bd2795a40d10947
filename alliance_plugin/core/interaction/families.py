"""Wilson's family of spatial interaction models: masses, regressors, fixed effects, design matrices.

The four members of the family (Wilson 1971; Fotheringham and O'Kelly 1989),
for the flow ``T_ij`` from i to j and the separation ``d_ij``::

    unconstrained           log E[T_ij] = k   + mu log V_i + alpha log W_j + beta f(d_ij)
    production-constrained  log E[T_ij] = a_i                + alpha log W_j + beta f(d_ij)
    attraction-constrained  log E[T_ij] = b_j + mu log V_i                  + beta f(d_ij)
    doubly-constrained      log E[T_ij] = a_i + b_j                         + beta f(d_ij)

with ``f(d) = log d`` (power decay) or ``f(d) = d`` (exponential decay); ``V_i``
and ``W_j`` are mass variables (populations, jobs, or the totals ``O_i``, ``D_j``)
and ``a_i``, ``b_j`` origin and destination fixed effects (the balancing factors).

Fixed effects are parametrised as PySAL's spint does (Oshan 2016): with
``constant=True`` an intercept, then one effect per origin (per destination)
except the first in text order, the reference; a doubly-constrained model also
drops the first destination without a constant. spint's design matrix is:
intercept, origin dummies, destination dummies, masses, distance.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels
from .pairs import name_pairs, numeric_column

FAMILIES = ("unconstrained", "production", "attraction", "doubly")
DECAYS = ("power", "exponential")
DECAY_ALIASES = {"power": "power", "pow": "power", "exponential": "exponential", "exp": "exponential"}
"""The accepted spellings of each decay, and the decay they stand for."""


def family_masses(flows, family, *, origin=None, destination=None, value="value"):
    """The masses ``(V_i, W_j)`` a family takes, each a Series indexed by territory code, or None.

    ``origin`` and ``destination`` are masses given per territory (a Series
    indexed by code; non-numeric values become NaN). A mass not given is, by
    default, each territory's total outflow ``O_i`` (inflow ``D_j``) in
    ``flows``, all its rows counted. A constrained model replaces a side's mass
    by fixed effects: that side is None.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B"], "destination": ["B", "C", "C"],
    ...                       "value": [1, 2, 4]})
    >>> origin, destination = family_masses(flows, "unconstrained", destination=pd.Series({"B": "7", "C": "x"}))
    >>> origin.to_dict(), destination.to_dict()
    ({'A': 3.0, 'B': 4.0}, {'B': 7.0, 'C': nan})
    >>> family_masses(flows, "doubly")
    (None, None)
    """
    totals = (flows.groupby("origin", observed=True)[value].sum(),
              flows.groupby("destination", observed=True)[value].sum())
    masses = [pd.to_numeric(given, errors="coerce") if given is not None else total.astype(float)
              for given, total in zip((origin, destination), totals)]
    return (masses[0] if family in ("unconstrained", "attraction") else None,
            masses[1] if family in ("unconstrained", "production") else None)


def _mass(flows, data, mass, side):
    """log of a mass given as a column of the flows or a Series indexed by territory code."""
    positions = data.o if side == "origin" else data.d
    if isinstance(mass, str):
        values, name = numeric_column(flows, mass, f"{side} mass"), mass
    else:
        series = pd.Series(mass)
        index = pd.Index(np.asarray(series.index, dtype=object).astype(str))
        if index.has_duplicates:
            raise InvalidValueError("The {side} masses repeat territories: {index}.", side=side,
                                    index=first_labels(index[index.duplicated()]))
        found = index.get_indexer(data.labels)
        per_label = np.where(found >= 0, pd.to_numeric(series, errors="coerce").to_numpy(float)[found], np.nan)
        values, name = per_label[positions], str(series.name or f"{side}_mass")
        unknown = np.isnan(values)
        if unknown.any():
            raise InvalidValueError("{n_unknown} {side}s have no {side} mass: {labels}.",
                                    n_unknown=len(np.unique(positions[unknown])), side=side,
                                    labels=first_labels(data.labels[np.unique(positions[unknown])]))
    bad = ~(values > 0) | np.isinf(values)
    if bad.any():
        raise InvalidValueError("The {side} mass '{name}' must be positive and finite (its logarithm is a "
                                "regressor); {n_bad} pairs have {kinds} values: {pairs}.",
                                side=side, name=name, n_bad=int(bad.sum()),
                                kinds=', '.join(sorted({_describe(v) for v in values[bad]})),
                                pairs=name_pairs(data, bad))
    return np.log(values), name


def _describe(v):
    return "missing" if np.isnan(v) else "infinite" if np.isinf(v) else "zero" if v == 0 else "negative"


def regressors(flows, data, family, decay, constant, origin_mass, destination_mass):
    """Regressors other than fixed effects: matrix, and (name, symbol, description) of each column.

    ``data`` is the :class:`.pairs.ModelPairs` of ``flows``; a mass is a column
    of ``flows`` or a Series indexed by territory code, and must be positive.
    """
    columns, labels = [], []
    if family == "unconstrained" and constant:
        columns.append(np.ones(len(data.y)))
        labels.append(("intercept", "k", "1"))
    for side, mass, symbol, allowed in (("origin", origin_mass, "mu", ("unconstrained", "attraction")),
                                        ("destination", destination_mass, "alpha",
                                         ("unconstrained", "production"))):
        if mass is None:
            continue
        if family not in allowed:
            if side == "origin":
                raise InvalidValueError("The {family}-constrained model has origin effects: it cannot also take "
                                        "an origin mass; leave origin_mass empty.", family=family)
            raise InvalidValueError("The {family}-constrained model has destination effects: it cannot also take "
                                    "a destination mass; leave destination_mass empty.", family=family)
        log_mass, name = _mass(flows, data, mass, side)
        columns.append(log_mass)
        labels.append((f"{side}_mass", symbol, f"log({name})"))
    columns.append(np.log(data.dist) if decay == "power" else data.dist)
    labels.append(("distance", "beta", "log(distance)" if decay == "power" else "distance"))
    return np.column_stack(columns), labels


def constrained_groups(data, family):
    """Compact origin and destination indices of the modelled pairs, and their codes.

    Refuses an origin (destination) with only zero flows in a model that
    constrains origins (destinations): its effect would be minus infinity.
    """
    uo, o = np.unique(data.o, return_inverse=True)
    ud, d = np.unique(data.d, return_inverse=True)
    for side, idx, uniq, needed in (("origin", o, uo, ("production", "doubly")),
                                    ("destination", d, ud, ("attraction", "doubly"))):
        if family in needed:
            empty = np.bincount(idx, weights=data.y, minlength=len(uniq)) <= 0
            if empty.any():
                params = dict(family=family, n_empty=int(empty.sum()), labels=first_labels(data.labels[uniq[empty]]))
                if side == "origin":
                    raise InvalidValueError("A {family}-constrained model needs a positive total flow for every "
                                            "origin (its origin effect would be minus infinity); {n_empty} origins "
                                            "have only zero flows: {labels}. Remove their pairs or use another "
                                            "model.", **params)
                raise InvalidValueError("A {family}-constrained model needs a positive total flow for every "
                                        "destination (its destination effect would be minus infinity); {n_empty} "
                                        "destinations have only zero flows: {labels}. Remove their pairs or use "
                                        "another model.", **params)
    return o, d, data.labels[uo], data.labels[ud]


def count_components(o, d, n_o, n_d):
    """Number of groups of territories linked by pairs (origins and destinations as a bipartite graph).

    Fixed effects compare only within a group.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(o)), (o, n_o + d)), shape=(n_o + n_d, n_o + n_d))
    return connected_components(graph, directed=False)[0]


def design_matrix(o, d, n_o, n_d, Z, family, constant):
    """spint's design matrix: [intercept], origin dummies, destination dummies, regressors (sparse)."""
    import scipy.sparse as sp

    n = len(o)
    blocks = []
    if constant and family != "unconstrained":
        blocks.append(sp.csr_matrix(np.ones((n, 1))))
    if family in ("production", "doubly"):
        dummies = sp.csr_matrix((np.ones(n), (np.arange(n), o)), shape=(n, n_o))
        blocks.append(dummies[:, 1:] if constant else dummies)
    if family in ("attraction", "doubly"):
        dummies = sp.csr_matrix((np.ones(n), (np.arange(n), d)), shape=(n, n_d))
        blocks.append(dummies[:, 1:] if constant or family == "doubly" else dummies)
    blocks.append(sp.csr_matrix(Z))
    return sp.hstack(blocks).tocsr()


def effect_labels(family, constant, o_labels, d_labels):
    """(kind, territory) of each fixed-effect column of the design, spint's order."""
    out = [("intercept", None)] if constant and family != "unconstrained" else []
    if family in ("production", "doubly"):
        out += [("origin", c) for c in (o_labels[1:] if constant else o_labels)]
    if family in ("attraction", "doubly"):
        out += [("destination", c) for c in (d_labels[1:] if constant or family == "doubly" else d_labels)]
    return out


def effects_from_profile(family, constant, log_a, b):
    """Profiled effects (closed-form side ``log_a``, Newton side ``b``) in spint's parametrisation."""
    if family != "doubly":
        return np.concatenate(([log_a[0]], log_a[1:] - log_a[0])) if constant else log_a
    a = log_a
    if constant:
        return np.concatenate(([a[0] + b[0]], a[1:] - a[0], b[1:] - b[0]))
    return np.concatenate((a + b[0], b[1:] - b[0]))


def effects_table(labels, estimates, std_err, family, constant, o_labels, d_labels):
    """The fixed effects as a table (``kind, territory, estimate, std_err, reference``).

    ``labels`` come from :func:`effect_labels`; the reference levels spint drops
    are listed too, with estimate 0 and ``reference=True``.
    """
    rows = [(kind, code, est, se, False) for (kind, code), est, se in zip(labels, estimates, std_err)]
    if family in ("production", "doubly") and constant:
        rows.insert(1, ("origin", o_labels[0], 0.0, np.nan, True))
    if family in ("attraction", "doubly") and (constant or family == "doubly"):
        position = next((i for i, row in enumerate(rows) if row[0] == "destination"), len(rows))
        rows.insert(position, ("destination", d_labels[0], 0.0, np.nan, True))
    table = pd.DataFrame(rows, columns=["kind", "territory", "estimate", "std_err", "reference"])
    return table.astype({"kind": object, "territory": object, "estimate": float, "std_err": float,
                         "reference": bool})
