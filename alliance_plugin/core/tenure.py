"""Land tenure against constraints: exact parcel x zone overlays (methods.md, section 6).

Four steps, each a function: :func:`tenure_classes` maps the raw tenure values
of a parcel layer to five classes; :func:`overlay_areas` measures, for every
parcel, the area covered by each constraint class (growth buffers, hazard
zones, protected areas, agricultural land, zoning); :func:`tenure_summary`
crosses tenure with constraints per territory and gives the SDG 1.4.2 spatial
proxies; :func:`tenure_flags` flags parcels at risk. :func:`coverage` gives
the per-parcel, per-class table, and :func:`overlay_areas_dask` runs the
overlay on dask-geopandas partitions with the same numbers.

Assumptions and conventions:

- Parcels and zones are shapely geometries in ONE projected CRS (the glue
  reprojects); areas are in its square units. Invalid polygons are repaired
  with ``make_valid`` (never ``buffer(0)``, which can drop half a bow-tie);
  only their polygonal part counts.
- Areas are exact intersections, not centroid tests. A zone that properly
  contains a parcel covers the parcel's own area; only parcels crossing a zone
  boundary are intersected.
- Within one class, overlapping zones never double count: the covered area is
  the area of the union of the class's zones over the parcel. Different
  classes are measured separately and may overlap (a parcel can be 100 %
  ``flood`` and 100 % ``growth``), so a parcel's class areas may sum to more
  than its area.
- A NULL or empty parcel geometry has area 0, is counted, and meets no zone; a
  parcel outside every zone has no row in the long table (its covered areas
  are 0); an empty list of zones gives no rows at all. NULL or empty tenure
  values are ``unknown``.
- Shares of a constraint (growth front, hazard, protected land) are shares of
  the *parcel* area it covers: land outside every parcel (streets, water) is
  not counted. A role given several classes assumes them disjoint.
- The SDG 1.4.2 indicator itself comes from registries and surveys: the
  shares computed here are spatial proxies and are labelled so.
- Prepared geometries are not thread-safe: with threads, each thread prepares
  its own copy of the zones and takes its own chunks of parcels.
"""

from __future__ import annotations

import re
import unicodedata
from collections import namedtuple

import numpy as np
import pandas as pd

from .errors import FieldNotFoundError, InvalidValueError, first_labels

CLASSES = ("documented", "customary", "informal", "public", "unknown")
INSECURE = ("informal", "customary", "unknown")
ALL_PARCELS = "all_parcels"
ALL_AREA = "all"

_DEFAULTS = {
    "documented": (
        "documented", "titled", "title", "title deed", "registered", "registered title", "freehold",
        "leasehold", "lease", "deed", "formal", "private property", "ownership", "certificate of occupancy",
        "propriete", "propriete privee", "proprietaire", "titre", "titre foncier", "titre de propriete",
        "immatricule", "bail", "bail emphyteotique", "certificat foncier", "livret foncier",
        "propiedad", "propiedad privada", "titulado", "titulo", "registrado", "escritura",
        "propriedade", "titulada"),
    "customary": (
        "customary", "customary land", "customary tenure", "traditional", "tribal", "coutumier",
        "coutumiere", "droit coutumier", "foncier coutumier", "terre coutumiere", "consuetudinario"),
    "informal": (
        "informal", "informal settlement", "informal occupation", "squatter", "squatting", "squat",
        "occupation informelle", "informel", "informelle", "sans titre", "occupant sans titre",
        "occupation precaire", "precaire", "irregular", "illegal", "unregistered", "untitled", "no title",
        "unauthorised", "unauthorized", "encroachment", "slum", "bidonville", "asentamiento informal"),
    "public": (
        "public", "public land", "state", "state land", "government", "crown", "crown land", "municipal",
        "commune", "domaine public", "domaine de l etat", "domaine prive de l etat", "etat", "domanial",
        "domaine national", "collectivite", "collectivite territoriale", "municipalite", "publico",
        "estatal", "dominio publico", "federal"),
    "unknown": ("unknown", "inconnu", "inconnue", "n a", "na", "nd", "none", "null", "unspecified",
                "not known", "non renseigne", "indetermine"),
}
DEFAULT_MAPPING = {raw: cls for cls, raws in _DEFAULTS.items() for raw in raws}

Overlay = namedtuple("Overlay", "areas parcels pieces info")
Summary = namedtuple("Summary", "crosstab proxies")

PROXY_LABELS = {
    "proxy_parcels_documented": "SDG 1.4.2 spatial proxy: share of parcels with documented rights",
    "proxy_area_documented": "SDG 1.4.2 spatial proxy: share of parcel area with documented rights",
    "proxy_population_documented": "SDG 1.4.2 spatial proxy: share of population on parcels with "
                                   "documented rights",
    "proxy_growth_insecure": "SDG 1.4.2 spatial proxy: share of growth-front parcel area under informal, "
                             "customary or unknown tenure",
}


def normalize_tenure(value):
    """The key a raw tenure value is matched on: no accents, case-folded, words only.

    Examples
    --------
    >>> normalize_tenure("  Titre-Foncier ")
    'titre foncier'
    >>> normalize_tenure("Propriété privée"), normalize_tenure(None)
    ('propriete privee', '')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def tenure_classes(values, mapping=None, *, defaults=True):
    """Map raw tenure values to ``documented, customary, informal, public, unknown``.

    Values are matched whole, after :func:`normalize_tenure` (case, accents and
    punctuation do not matter), first against ``mapping`` then against the
    defaults (:data:`DEFAULT_MAPPING`: titled, registered, freehold, leasehold,
    propriété, titre foncier -> documented; customary, coutumier -> customary;
    informal, squatter, occupation informelle -> informal; state, public,
    domaine public, commune -> public). NULL and empty values are ``unknown``
    and not reported; any other value that matches nothing is ``unknown`` and
    reported.

    Parameters
    ----------
    values : sequence or pandas.Series
        The raw tenure value of each parcel.
    mapping : dict, optional
        Raw value -> class; it takes precedence over the defaults.
    defaults : bool
        False uses ``mapping`` alone.

    Returns
    -------
    (pandas.Series, pandas.DataFrame)
        The class of each value (aligned on ``values``' index if a Series),
        and the unmapped values with their ``count``, most frequent first;
        ``unmapped.attrs["missing"]`` counts the NULL or empty values.

    Raises
    ------
    InvalidValueError
        A mapping target is not one of the five classes.

    Examples
    --------
    >>> classes, unmapped = tenure_classes(["Titre foncier", "COUTUMIER", None, "bail?", "x", "x"])
    >>> classes.tolist()
    ['documented', 'customary', 'unknown', 'documented', 'unknown', 'unknown']
    >>> unmapped.values.tolist(), unmapped.attrs["missing"]
    ([['x', 2]], 1)
    """
    mapping = dict(mapping or {})
    wrong = sorted({str(c) for c in mapping.values() if c not in CLASSES})
    if wrong:
        raise InvalidValueError("Tenure classes must be one of {classes}; the mapping gives {wrong}.",
                                classes=', '.join(CLASSES), wrong=first_labels(wrong))
    lookup = dict(DEFAULT_MAPPING) if defaults else {}
    lookup.update({normalize_tenure(raw): cls for raw, cls in mapping.items()})
    index = values.index if isinstance(values, pd.Series) else None
    raw = pd.Series(values, dtype=object).to_numpy()
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    keys = [normalize_tenure(u) for u in uniques]
    found = np.array([lookup.get(k, "unknown") for k in keys] + ["unknown"], dtype=object)
    classes = pd.Series(found[codes], index=index, dtype=object, name="tenure")
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    unmapped = [i for i, k in enumerate(keys) if k and k not in lookup]
    report = pd.DataFrame({"value": pd.Series([uniques[i] for i in unmapped], dtype=object),
                           "count": counts[unmapped].astype(np.int64)})
    report = report.sort_values(["count"], ascending=False, kind="stable").reset_index(drop=True)
    empty = [i for i, k in enumerate(keys) if not k]
    report.attrs["missing"] = int((codes < 0).sum() + counts[empty].sum())
    return classes, report


def _polygonal(geoms):
    """The polygonal part of each geometry: lines and points of a repaired collection have no area."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    rows = np.flatnonzero(shapely.get_type_id(geoms) == 7)  # GeometryCollection
    if len(rows) == 0:
        return geoms
    parts, owner = shapely.get_parts(geoms[rows], return_index=True)
    parts, sub = shapely.get_parts(parts, return_index=True)  # a collection may hold multipolygons
    owner = owner[sub]
    keep = shapely.get_type_id(parts) == 3
    out = np.array([shapely.MultiPolygon()] * len(rows), dtype=object)
    if keep.any():
        out = shapely.multipolygons(parts[keep], indices=owner[keep], out=out)
    geoms = geoms.copy()
    geoms[rows] = out
    return geoms


def _repair(geoms):
    """Repaired polygonal geometries and a status per geometry (0 valid, 1 repaired, 2 NULL, 3 empty)."""
    import shapely

    missing = shapely.is_missing(geoms)
    empty = shapely.is_empty(geoms) & ~missing
    invalid = ~shapely.is_valid(geoms) & ~missing & ~empty
    status = np.select([missing, empty, invalid], [2, 3, 1], default=0).astype(np.int8)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    return _polygonal(geoms), status


def _union_groups(pieces, group):
    """Union of the pieces sharing a group (``group`` sorted), pairwise in vectorised rounds."""
    import shapely

    while len(group) > 1 and (group[1:] == group[:-1]).any():
        n = len(group)
        start = np.ones(n, dtype=bool)
        start[1:] = group[1:] != group[:-1]
        pos = np.arange(n)
        rank = pos - np.maximum.accumulate(np.where(start, pos, 0))
        even = np.flatnonzero(rank % 2 == 0)
        paired = even[(even + 1 < n)]
        paired = paired[group[paired + 1] == group[paired]]
        pieces = pieces.copy()
        pieces[paired] = shapely.union(pieces[paired], pieces[paired + 1])
        pieces, group = pieces[even], group[even]
    return pieces, group


class _Zones:
    """Zones as one worker sees them: its own copies, prepared, and their STR-tree.

    Prepared geometries are not thread-safe, so each thread builds its own.
    """

    def __init__(self, wkb, codes):
        import shapely

        self.geoms = shapely.from_wkb(wkb)
        shapely.prepare(self.geoms)
        self.tree = shapely.STRtree(self.geoms)
        self.bounds = shapely.bounds(self.geoms)
        self.codes = codes


def _chunk(geoms, zones, n_classes, want_pieces):
    """Covered areas of one slice of parcels: (parcel, class code, area, piece) and counters."""
    import shapely

    geoms, status = _repair(geoms)
    area = np.nan_to_num(shapely.area(geoms), nan=0.0)
    pi, zi = zones.tree.query(geoms)
    # Only a zone whose box holds the parcel's box can contain it: test those alone.
    box = shapely.bounds(geoms)[pi]
    zbox = zones.bounds[zi]
    maybe = np.flatnonzero((zbox[:, 0] <= box[:, 0]) & (zbox[:, 1] <= box[:, 1])
                           & (zbox[:, 2] >= box[:, 2]) & (zbox[:, 3] >= box[:, 3]))
    inside = np.zeros(len(pi), dtype=bool)
    inside[maybe] = shapely.contains_properly(zones.geoms[zi[maybe]], geoms[pi[maybe]])
    rest = np.flatnonzero(~inside)
    rest = rest[shapely.intersects(zones.geoms[zi[rest]], geoms[pi[rest]])]
    rp, rz = pi[rest], zi[rest]
    cut = shapely.intersection(geoms[rp], zones.geoms[rz])
    cut_area = shapely.area(cut)
    positive = cut_area > 0
    n_in = int(inside.sum())
    p = np.concatenate([pi[inside], rp[positive]])
    z = np.concatenate([zi[inside], rz[positive]])
    pair_area = np.concatenate([area[pi[inside]], cut_area[positive]])
    contained = np.arange(len(p)) < n_in
    key = p.astype(np.int64) * n_classes + zones.codes[z]
    order = np.lexsort((~contained, key))  # by key, a containing zone first
    key, contained, pair_area = key[order], contained[order], pair_area[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    size = np.diff(np.append(np.flatnonzero(first), len(key)))
    group_area, group_key = pair_area[first], key[first]
    need_union = ~contained[first] & (size > 1)  # several zones of one class cut the parcel
    pieces = None
    if want_pieces or need_union.any():
        piece = np.concatenate([geoms[pi[inside]], cut[positive]])[order]
        members = np.repeat(need_union, size)
        united, _ = _union_groups(piece[members], key[members])
        group_area[need_union] = shapely.area(united)
        if want_pieces:
            pieces = _polygonal(piece[first])
            pieces[need_union] = _polygonal(united)
    keep = group_area > 0
    counts = {"candidate_pairs": len(pi), "contained_pairs": n_in, "boundary_pairs": len(rest),
              "unions": int(need_union.sum())}
    return (group_key[keep] // n_classes, group_key[keep] % n_classes, group_area[keep],
            None if pieces is None else pieces[keep], area, status, counts)


def _parcel_index(parcels, parcel_ids):
    ids = pd.Index(parcel_ids if hasattr(parcel_ids, "dtype") else pd.Series(parcel_ids, dtype=object))
    if len(ids) != len(parcels):
        raise InvalidValueError("Expected one parcel id per parcel; got {n_ids} ids for {n_parcels} parcels.",
                                n_ids=len(ids), n_parcels=len(parcels))
    if ids.has_duplicates:
        raise InvalidValueError("Parcel ids must be unique; repeated: {ids}.",
                                ids=first_labels(ids[ids.duplicated()].unique()))
    return ids


def _zone_codes(zones, zone_classes):
    classes = pd.Series(zone_classes, dtype=object)
    if len(classes) != len(zones):
        raise InvalidValueError("Expected one class per zone; got {n_classes} classes for {n_zones} zones.",
                                n_classes=len(classes), n_zones=len(zones))
    codes, names = pd.factorize(classes, use_na_sentinel=True)
    if (codes < 0).any():
        where = first_labels(np.flatnonzero(codes < 0))
        raise InvalidValueError("Every zone needs a class (give the layer name where the class field is NULL); "
                                "zones without one at positions {where}.",
                                where=where)
    return codes.astype(np.int64), np.asarray(names, dtype=object)


def overlay_areas(parcels, zones, *, parcel_ids, zone_classes, return_pieces=False, chunk_size=None,
                  workers=1, progress=None, is_canceled=None):
    """Exact area of every parcel covered by each zone class.

    Zones are put in an STR-tree; each parcel's candidate zones come from a
    bounding-box query; a zone that ``contains_properly`` the parcel (prepared
    geometries) covers the parcel's own area with no intersection computed;
    the other zones that intersect it are intersected. Where several zones of
    one class cut a parcel, their pieces are united, so overlapping zones of a
    class never double count.

    Parameters
    ----------
    parcels, zones : array of shapely geometries
        In one projected CRS. NULL or empty parcels have area 0 and no rows;
        NULL or empty zones are ignored. Invalid geometries go through
        ``make_valid``; only their polygonal part counts.
    parcel_ids : sequence
        Unique id of each parcel, used in the outputs.
    zone_classes : sequence
        Class of each zone (for example ``flood``, ``growth``); never NULL.
    return_pieces : bool
        Also return the geometry covered per (parcel, class).
    chunk_size : int, optional
        Parcels per step; progress and cancellation are checked between
        steps. By default steps are sized as they go to last about a
        quarter of a second each.
    workers : int
        Threads; each builds its own prepared copy of the zones (prepared
        geometries are not thread-safe) and takes whole chunks of parcels
        (20,000 at most, fewer so that each thread has several). The
        results do not depend on it, nor on the chunk size.
    progress : callable(float), optional
        Told the percentage of parcels done (0 to 100).
    is_canceled : callable() -> bool, optional
        Checked between chunks (with threads, every half second); when it
        returns True the function returns None.

    Returns
    -------
    Overlay or None
        ``areas``: DataFrame ``parcel_id, class, area, share`` with one row
        per parcel and class whose covered area is positive (``share`` is the
        area over the parcel's area), in parcel order then class order of
        first appearance; ``parcels``: DataFrame ``parcel_id, area, geometry``
        (``valid``, ``repaired``, ``null`` or ``empty``), one row per parcel;
        ``pieces``: DataFrame ``parcel_id, class, geometry`` aligned with
        ``areas`` when ``return_pieces``, else None; ``info``: counts for the
        log (``parcels``, ``null_parcels``, ``empty_parcels``,
        ``repaired_parcels``, ``zones``, ``null_zones`` (NULL or empty),
        ``repaired_zones``, ``parcels_outside`` (no covered area, NULL and
        empty parcels included), ``candidate_pairs`` (boxes meet),
        ``contained_pairs``, ``boundary_pairs`` (intersected), ``unions``)
        and ``classes`` (in order of first appearance). None when canceled.

    Examples
    --------
    >>> import shapely
    >>> parcels = [shapely.box(0, 0, 2, 2), shapely.box(1, 1, 2, 2), shapely.box(5, 5, 6, 6)]
    >>> zones = [shapely.box(1, 0, 3, 3), shapely.box(0, 0, 1.5, 3)]
    >>> out = overlay_areas(parcels, zones, parcel_ids=["a", "b", "c"], zone_classes=["flood", "flood"])
    >>> out.areas.values.tolist()
    [['a', 'flood', 4.0, 1.0], ['b', 'flood', 1.0, 1.0]]
    >>> out.info["parcels_outside"]
    1
    """
    import shapely

    parcels = np.asarray(parcels, dtype=object)
    zones = np.asarray(zones, dtype=object)
    ids = _parcel_index(parcels, parcel_ids)
    codes, names = _zone_codes(zones, zone_classes)
    zone_geoms, zone_status = _repair(zones)
    wkb = shapely.to_wkb(zone_geoms)  # copies: preparing them never touches the caller's zones
    n, n_classes = len(parcels), max(len(names), 1)
    if workers and workers > 1 and n > 1000:
        # A few chunks per thread, so that none waits long for the last one.
        step = min(int(chunk_size or 20_000), max(1000, -(-n // (4 * int(workers)))))
        results = _run_threads(parcels, step, wkb, codes, n_classes, return_pieces, int(workers),
                               progress, is_canceled)
    else:
        results = _run_chunks(parcels, chunk_size, _Zones(wkb, codes), n_classes, return_pieces,
                              progress, is_canceled)
    if results is None:
        return None
    return _assemble(results, ids, names, n, zone_status, return_pieces)


def _run_chunks(parcels, chunk_size, zones, n_classes, want_pieces, progress, is_canceled):
    """Chunks one after the other; without a chunk size, sized to take about a quarter second."""
    import time

    n, start, step, results = len(parcels), 0, int(chunk_size or 2000), []
    while start < n:
        if is_canceled is not None and is_canceled():
            return None
        began = time.perf_counter()
        results.append((start, _chunk(parcels[start:start + step], zones, n_classes, want_pieces)))
        start += step
        if not chunk_size:
            rate = step / max(time.perf_counter() - began, 1e-3)
            step = int(min(max(0.25 * rate, 500), 4 * step, 200_000))
        if progress is not None:
            progress(100.0 * min(start, n) / n)
    return results


def _run_threads(parcels, step, wkb, codes, n_classes, want_pieces, workers, progress, is_canceled):
    """Chunks on a thread pool, each thread with its own zones; None when canceled."""
    import threading
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    local, stop = threading.local(), threading.Event()
    starts = range(0, len(parcels), step)

    def run(start):
        if stop.is_set():
            return start, None
        if not hasattr(local, "zones"):
            local.zones = _Zones(wkb, codes)
        return start, _chunk(parcels[start:start + step], local.zones, n_classes, want_pieces)

    results = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = {pool.submit(run, start) for start in starts}
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            results += [future.result() for future in done]
            if is_canceled is not None and is_canceled():
                stop.set()
                for future in pending:
                    future.cancel()
                return None
            if progress is not None and done:
                progress(100.0 * len(results) / len(starts))
    return sorted(results, key=lambda item: item[0])


def _assemble(results, ids, names, n, zone_status, want_pieces):
    starts = [start for start, _ in results]
    results = [result for _, result in results]
    if results:
        p = np.concatenate([r[0] + start for r, start in zip(results, starts)])
        c = np.concatenate([r[1] for r in results])
        area = np.concatenate([r[2] for r in results])
        parcel_area = np.concatenate([r[4] for r in results])
        status = np.concatenate([r[5] for r in results])
    else:
        p = c = np.zeros(0, dtype=np.int64)
        area = parcel_area = np.zeros(0)
        status = np.zeros(0, dtype=np.int8)
    id_values = ids.to_numpy()
    areas = pd.DataFrame({"parcel_id": id_values[p], "class": names[c], "area": area,
                          "share": area / parcel_area[p]})
    labels = np.array(["valid", "repaired", "null", "empty"], dtype=object)
    parcels = pd.DataFrame({"parcel_id": id_values, "area": parcel_area, "geometry": labels[status]})
    pieces = None
    if want_pieces:
        geometry = np.concatenate([r[3] for r in results]) if results else np.zeros(0, dtype=object)
        pieces = pd.DataFrame({"parcel_id": areas["parcel_id"].to_numpy(),
                               "class": areas["class"].to_numpy(), "geometry": geometry})
    info = {"parcels": n, "null_parcels": int((status == 2).sum()), "empty_parcels": int((status == 3).sum()),
            "repaired_parcels": int((status == 1).sum()), "zones": len(zone_status),
            "null_zones": int((zone_status >= 2).sum()), "repaired_zones": int((zone_status == 1).sum()),
            "parcels_outside": int(n - np.count_nonzero(np.bincount(p, minlength=n))), "classes": list(names)}
    for key in ("candidate_pairs", "contained_pairs", "boundary_pairs", "unions"):
        info[key] = int(sum(r[6][key] for r in results))
    return Overlay(areas, parcels, pieces, info)


def _as_classes(classes):
    if classes is None:
        return []
    return [classes] if isinstance(classes, str) else list(classes)


def coverage(overlay, *, share=False):
    """One row per parcel (indexed by id), one column per zone class: area covered, or share.

    Examples
    --------
    >>> import shapely
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


def _areas_partition(frame, payload, parcel_id):
    """overlay_areas on one partition of parcels; the zones come whole to every partition."""
    import shapely

    wkb, classes = payload
    out = overlay_areas(frame.geometry.to_numpy(), shapely.from_wkb(wkb),
                        parcel_ids=frame[parcel_id].to_numpy(), zone_classes=classes)
    return out.areas


def _parcels_partition(frame, parcel_id):
    import shapely

    geoms, status = _repair(frame.geometry.to_numpy())
    labels = np.array(["valid", "repaired", "null", "empty"], dtype=object)
    return pd.DataFrame({"parcel_id": frame[parcel_id].to_numpy(),
                         "area": np.nan_to_num(shapely.area(geoms), nan=0.0), "geometry": labels[status]})


def overlay_areas_dask(parcels, zones, *, parcel_id, zone_classes, npartitions=None, spatial_sort=True):
    """:func:`overlay_areas` on dask-geopandas partitions of the parcels, lazily.

    Every partition receives all the zones (one task input shared by all),
    so each parcel is measured exactly as on one machine: the numbers are
    identical, only the row order differs. Run it on a ``dask.distributed``
    cluster by creating a ``Client`` (``Client("tcp://scheduler:8786")``)
    before computing. Needs ``dask[dataframe]``, ``distributed`` and
    ``dask-geopandas``, imported here only.

    Parameters
    ----------
    parcels : geopandas.GeoDataFrame or dask_geopandas.GeoDataFrame
        The parcels with their id column, in the zones' projected CRS.
    zones : array of shapely geometries
    parcel_id : str
        Name of the unique id column.
    zone_classes : sequence
        Class of each zone.
    npartitions : int, optional
        For a GeoDataFrame: partitions to cut it into (default: about
        200,000 parcels each).
    spatial_sort : bool
        Reorder parcels along a Hilbert curve first, so that each partition
        is compact and its tree query touches few zones.

    Returns
    -------
    (dask.dataframe.DataFrame, dask.dataframe.DataFrame)
        ``areas`` and ``parcels`` as in :func:`overlay_areas`, not computed.
    """
    import dask
    import dask_geopandas
    import geopandas
    import shapely

    if isinstance(parcels, geopandas.GeoDataFrame):
        if parcel_id not in parcels.columns:
            raise FieldNotFoundError("Expected the parcel id column {parcel_id!r}; the parcels have {columns}.",
                                     parcel_id=parcel_id, columns=first_labels(parcels.columns, 10))
        parcels = dask_geopandas.from_geopandas(
            parcels[[parcel_id, parcels.geometry.name]],
            npartitions=npartitions or max(1, -(-len(parcels) // 200_000)))
    if spatial_sort and parcels.npartitions > 1:
        parcels = parcels.spatial_shuffle(by="hilbert")
    zones = np.asarray(zones, dtype=object)
    _zone_codes(zones, zone_classes)
    payload = dask.delayed((shapely.to_wkb(zones), pd.Series(zone_classes, dtype=object).to_numpy()),
                           pure=True)
    id_dtype = parcels[parcel_id].dtype
    areas_meta = pd.DataFrame({"parcel_id": pd.Series(dtype=id_dtype), "class": pd.Series(dtype=object),
                               "area": pd.Series(dtype=float), "share": pd.Series(dtype=float)})
    parcels_meta = pd.DataFrame({"parcel_id": pd.Series(dtype=id_dtype), "area": pd.Series(dtype=float),
                                 "geometry": pd.Series(dtype=object)})
    areas = parcels.map_partitions(_areas_partition, payload, parcel_id, meta=areas_meta,
                                   align_dataframes=False)
    table = parcels.map_partitions(_parcels_partition, parcel_id, meta=parcels_meta, align_dataframes=False)
    return areas, table
