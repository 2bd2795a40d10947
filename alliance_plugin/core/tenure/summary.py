"""Summaries of an overlay per parcel and per territory: coverage, tenure x constraint, SDG 1.4.2 proxies, flags.

:func:`coverage` gives the per-parcel, per-class table of an overlay;
:func:`tenure_summary` crosses tenure with constraints per territory and gives
the SDG 1.4.2 spatial proxies; :func:`tenure_flags` flags parcels at risk
(methods.md, section 6).

- Shares of a constraint (growth front, hazard, protected land) are shares of
  the *parcel* area it covers: land outside every parcel (streets, water) is
  not counted. A role given several classes assumes them disjoint.
- The SDG 1.4.2 indicator itself comes from registries and surveys: the
  shares computed here are spatial proxies and are labelled so
  (:data:`PROXY_LABELS`).
- NULL tenure values count as ``unknown``.
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np
import pandas as pd

from ..errors import FieldNotFoundError, InvalidValueError, first_labels
from .classes import CLASSES, INSECURE

ALL_PARCELS = "all_parcels"
ALL_AREA = "all"

Summary = namedtuple("Summary", "crosstab proxies")

PROXY_LABELS = {
    "proxy_parcels_documented": "SDG 1.4.2 spatial proxy: share of parcels with documented rights",
    "proxy_area_documented": "SDG 1.4.2 spatial proxy: share of parcel area with documented rights",
    "proxy_population_documented": "SDG 1.4.2 spatial proxy: share of population on parcels with "
                                   "documented rights",
    "proxy_growth_insecure": "SDG 1.4.2 spatial proxy: share of growth-front parcel area under informal, "
                             "customary or unknown tenure",
}


def _as_classes(classes):
    if classes is None:
        return []
    return [classes] if isinstance(classes, str) else list(classes)


def coverage(overlay, *, share=False):
    """One row per parcel (indexed by id), one column per zone class: area covered, or share.

    Examples
    --------
    >>> import shapely
    >>> from .overlay import overlay_areas
    >>> out = overlay_areas([shapely.box(0, 0, 2, 1), shapely.box(5, 5, 6, 6)], [shapely.box(1, 0, 3, 3)],
    ...                     parcel_ids=[1, 2], zone_classes=["growth"])
    >>> coverage(out, share=True)["growth"].tolist()
    [0.5, 0.0]
    """
    column = "share" if share else "area"
    ids = overlay.parcels["parcel_id"]
    wide = overlay.areas.pivot(index="parcel_id", columns="class", values=column)
    return wide.reindex(index=pd.Index(ids, name="parcel_id"),
                        columns=pd.Index(overlay.info["classes"], name="class")).fillna(0.0)


def _role_share(shares, classes):
    """Share of each parcel covered by a role's classes (assumed disjoint), at most 1."""
    present = [c for c in classes if c in shares.columns]
    if not present:
        return pd.Series(0.0, index=shares.index)
    return shares[present].sum(axis=1).clip(upper=1.0)


def _inside(share, min_share):
    return (share > 0) if min_share <= 0 else (share >= min_share)


def _parcel_frame(parcel_table, overlay, tenure, columns):
    missing = [c for c in [tenure, *columns] if c is not None and c not in parcel_table.columns]
    if missing:
        raise FieldNotFoundError("Expected the parcel table to have the columns {missing}; it has {columns}.",
                                 missing=first_labels(missing), columns=first_labels(parcel_table.columns, 10))
    area = pd.Series(overlay.parcels["area"].to_numpy(), index=overlay.parcels["parcel_id"].to_numpy())
    unknown = parcel_table.index.difference(area.index)
    if len(unknown):
        raise InvalidValueError("Expected every parcel of the table in the overlay (same ids); not there: "
                                "{unknown}.", unknown=first_labels(unknown))
    classes = parcel_table[tenure].astype(object).where(parcel_table[tenure].notna(), "unknown")
    wrong = pd.unique(classes[~classes.isin(CLASSES)])
    if len(wrong):
        raise InvalidValueError("Expected tenure classes ({classes}, see tenure_classes); the column {tenure!r} "
                                "holds {wrong}.", classes=', '.join(CLASSES),
                                tenure=tenure, wrong=first_labels(wrong))
    frame = pd.DataFrame({"tenure": classes.to_numpy(dtype=object),
                          "area": area.reindex(parcel_table.index).to_numpy()}, index=parcel_table.index)
    return frame


def tenure_summary(parcel_table, overlay, *, tenure="tenure", territory=None, population=None,
                   growth=None, hazard=None, protected=None, min_share=0.0):
    """Tenure x constraint cross-tabulation and SDG 1.4.2 spatial proxies, per territory.

    Parameters
    ----------
    parcel_table : pandas.DataFrame
        Indexed by parcel id (the ids given to :func:`overlay_areas`), with the
        tenure class column (from :func:`tenure_classes`; NULL counts as
        ``unknown``) and optionally a territory and a population column.
    overlay : Overlay
        The result of :func:`overlay_areas`.
    tenure, territory, population : str or None
        Column names. Without ``territory`` there is one territory, ``all``;
        parcels whose territory is NULL form a territory of their own (NULL).
        NULL population counts as 0.
    growth, hazard, protected : str or sequence of str, optional
        The zone classes playing each role (disjoint if several); each named
        role adds ``<role>_area`` (parcel area covered) and
        ``proxy_<role>_insecure`` (its share under informal, customary or
        unknown tenure). A role whose classes have no zone gives area 0.
    min_share : float
        A parcel counts in a constraint class when its covered share is
        positive and at least this.

    Returns
    -------
    Summary
        ``crosstab``: ``territory, tenure, constraint, parcels, area`` (plus
        ``population``), where ``constraint`` is a zone class (``area`` is
        the covered area, ``parcels`` those inside) or ``all_parcels`` (all
        parcels, their whole area); observed combinations only.
        ``proxies``: one row per territory with ``parcels, area`` (and
        ``population``), ``proxy_parcels_documented``,
        ``proxy_area_documented`` (and ``proxy_population_documented``) and
        the role columns; shares over nothing are NaN. They are spatial
        proxies of SDG 1.4.2, not the indicator: see :data:`PROXY_LABELS`.

    Examples
    --------
    >>> import shapely
    >>> from .overlay import overlay_areas
    >>> parcels = [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(2, 0, 3, 1)]
    >>> out = overlay_areas(parcels, [shapely.box(0.5, 0, 3, 1)], parcel_ids=[1, 2, 3], zone_classes=["ring"])
    >>> table = pd.DataFrame({"tenure": ["documented", "informal", None]}, index=[1, 2, 3])
    >>> proxies = tenure_summary(table, out, growth="ring").proxies
    >>> proxies[["proxy_parcels_documented", "growth_area", "proxy_growth_insecure"]].round(3).values.tolist()
    [[0.333, 2.5, 0.8]]
    """
    frame = _parcel_frame(parcel_table, overlay, tenure, [territory, population])
    frame["territory"] = parcel_table[territory].to_numpy(dtype=object) if territory else ALL_AREA
    pop = population is not None
    frame["population"] = pd.to_numeric(parcel_table[population], errors="coerce").fillna(0.0).to_numpy() \
        if pop else 0.0
    frame["one"] = 1
    keys = ["territory", "tenure"]
    base = frame.groupby(keys, dropna=False, sort=True).agg(
        parcels=("one", "sum"), area=("area", "sum"), population=("population", "sum")).reset_index()
    base.insert(2, "constraint", ALL_PARCELS)
    long = overlay.areas.join(frame[["territory", "tenure", "population"]], on="parcel_id", how="inner")
    long["one"] = _inside(long["share"], min_share).astype(np.int64)
    long["population"] = long["population"] * long["one"]
    cross = long.groupby([*keys, "class"], dropna=False, sort=True).agg(
        parcels=("one", "sum"), area=("area", "sum"), population=("population", "sum")).reset_index()
    cross = pd.concat([base, cross.rename(columns={"class": "constraint"})], ignore_index=True)
    cross = cross.sort_values(["territory", "tenure"], kind="stable").reset_index(drop=True)
    return Summary(cross if pop else cross.drop(columns="population"),
                   _proxies(frame, long, pop, {"growth": growth, "hazard": hazard, "protected": protected}))


def _ratio(num, den):
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    return np.divide(num, den, out=np.full(num.shape, np.nan), where=den > 0)


def _proxies(frame, long, pop, roles):
    frame = frame.assign(doc=(frame["tenure"] == "documented").astype(float))
    frame = frame.assign(doc_area=frame["doc"] * frame["area"], doc_pop=frame["doc"] * frame["population"])
    by = frame.groupby("territory", dropna=False, sort=True)
    out = by.agg(parcels=("one", "sum"), area=("area", "sum"), population=("population", "sum"),
                  doc=("doc", "sum"), doc_area=("doc_area", "sum"), doc_pop=("doc_pop", "sum"))
    out["proxy_parcels_documented"] = _ratio(out["doc"], out["parcels"])
    out["proxy_area_documented"] = _ratio(out["doc_area"], out["area"])
    if pop:
        out["proxy_population_documented"] = _ratio(out["doc_pop"], out["population"])
    out = out.drop(columns=["doc", "doc_area", "doc_pop"] + ([] if pop else ["population"]))
    insecure = long["tenure"].isin(INSECURE).to_numpy()
    for role, classes in roles.items():
        if classes is None:
            continue
        mine = long["class"].isin(_as_classes(classes)).to_numpy()
        area = long["area"].to_numpy()[mine]
        part = long.loc[mine, ["territory", "area"]].assign(bad=area * insecure[mine])
        sums = part.groupby("territory", dropna=False).sum().reindex(out.index, fill_value=0.0)
        out[f"{role}_area"] = sums["area"].to_numpy(dtype=float)
        out[f"proxy_{role}_insecure"] = _ratio(sums["bad"], sums["area"])
    return out.reset_index()


def tenure_flags(parcel_table, overlay, *, tenure="tenure", growth=None, hazard=None, agriculture=None,
                 min_share=0.0):
    """Documented flags per parcel, for the roles given.

    - ``flag_insecure_growth``: informal, customary or unknown tenure inside
      the growth classes;
    - ``flag_hazard``: any tenure inside the hazard classes;
    - ``flag_agriculture_growth``: inside the agriculture classes and inside
      the growth classes (each share measured on the whole parcel).

    "Inside" means a covered share that is positive and at least
    ``min_share`` (0: any overlap; 0.5: half the parcel). A role's share is
    the sum of its classes' shares, at most 1: give a role disjoint classes,
    or one class for all its zones, for it to be exact. Roles not given have
    no columns; NULL geometries have shares 0 and no flag.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``parcel_table``: ``tenure``, ``share_<role>`` for each
        role given, and the boolean flags that its roles allow.

    Examples
    --------
    >>> import shapely
    >>> from .overlay import overlay_areas
    >>> out = overlay_areas([shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)], [shapely.box(0.8, 0, 3, 1)],
    ...                    parcel_ids=["a", "b"], zone_classes=["buffer"])
    >>> table = pd.DataFrame({"tenure": ["informal", "documented"]}, index=["a", "b"])
    >>> tenure_flags(table, out, growth="buffer", min_share=0.5)["flag_insecure_growth"].tolist()
    [False, False]
    >>> tenure_flags(table, out, growth="buffer")["flag_insecure_growth"].tolist()
    [True, False]
    """
    frame = _parcel_frame(parcel_table, overlay, tenure, [])
    shares = coverage(overlay, share=True).reindex(parcel_table.index)
    out = pd.DataFrame({"tenure": frame["tenure"]}, index=parcel_table.index)
    inside = {}
    for role, classes in (("growth", growth), ("hazard", hazard), ("agriculture", agriculture)):
        if classes is not None:
            out[f"share_{role}"] = _role_share(shares, _as_classes(classes)).to_numpy()
            inside[role] = _inside(out[f"share_{role}"], min_share)
    if "growth" in inside:
        out["flag_insecure_growth"] = inside["growth"] & out["tenure"].isin(INSECURE)
    if "hazard" in inside:
        out["flag_hazard"] = inside["hazard"]
    if "growth" in inside and "agriculture" in inside:
        out["flag_agriculture_growth"] = inside["growth"] & inside["agriculture"]
    return out
