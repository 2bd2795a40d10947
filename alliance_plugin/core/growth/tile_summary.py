"""Sums per territory of growth patches found tile by tile, added up on the cluster into growth_summary's table.

Each tile of :mod:`.tiles` (and the edge pass) returns :func:`partial_summary`
of the patches it keeps; ``scripts/growth_batch.py`` sums them in a tree
(:func:`combine_summaries`) and :func:`finish_summary` turns the sums into
:func:`~.patches.growth_summary`'s table for the whole set. Pure numpy and pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .patches import GROWTH_CLASSES

#: Columns of the partial summaries summed on the cluster (:func:`partial_summary`).
SUM_COLUMNS = tuple(f"area_{c}" for c in GROWTH_CLASSES) + tuple(f"n_{c}" for c in GROWTH_CLASSES) + ("weighted",)


def partial_summary(frame, territory):
    """Sums per territory (None left out) of a set of patches: area and number per class, area x LEI.

    Summed over tiles by :func:`combine_summaries` and finished by :func:`finish_summary`, they give
    :func:`~.patches.growth_summary` of the whole set.
    """
    codes = pd.Series(np.asarray(territory, dtype=object), dtype=object)
    known = codes.notna().to_numpy()
    table = pd.DataFrame({"territory": codes[known].to_numpy(),
                          "area": frame["area"].to_numpy(dtype=float)[known],
                          "weighted": (frame["area"] * frame["lei"]).to_numpy(dtype=float)[known],
                          "growth_class": frame["growth_class"].to_numpy()[known]})
    out = pd.DataFrame(index=pd.Index(pd.unique(table["territory"]), dtype=object, name="territory"))
    for kind in GROWTH_CLASSES:
        mine = table[table["growth_class"] == kind].groupby("territory")["area"]
        out[f"area_{kind}"] = mine.sum().reindex(out.index, fill_value=0.0).to_numpy(dtype=float)
        out[f"n_{kind}"] = mine.size().reindex(out.index, fill_value=0).to_numpy(dtype=np.int64)
    out["weighted"] = table.groupby("territory")["weighted"].sum().reindex(out.index, fill_value=0.0).to_numpy()
    out.attrs["unassigned_area"] = float(frame["area"].to_numpy(dtype=float)[~known].sum())
    return out


def combine_summaries(*parts):
    """Sum partial results (``{"summary", "unassigned", "stats"}``) of tiles or of this function."""
    frames = [p["summary"] for p in parts if len(p["summary"])]
    summary = pd.concat(frames).groupby(level=0, sort=True).sum() if frames else parts[0]["summary"]
    return {"summary": summary, "unassigned": sum(p["unassigned"] for p in parts),
            "stats": [s for p in parts for s in p["stats"]]}


def finish_summary(sums):
    """:func:`~.patches.growth_summary`'s table from summed partials."""
    out = pd.DataFrame(index=pd.Index(sums.index, dtype=object, name="territory"))
    for kind in GROWTH_CLASSES:
        out[f"area_{kind}"] = sums[f"area_{kind}"].to_numpy(dtype=float)
    total = out[[f"area_{k}" for k in GROWTH_CLASSES]].sum(axis=1).to_numpy()
    out["area_added"] = total
    out["n_patches"] = sums[[f"n_{k}" for k in GROWTH_CLASSES]].sum(axis=1).to_numpy().astype(np.int64)
    for kind in GROWTH_CLASSES:
        out[f"n_{kind}"] = sums[f"n_{kind}"].to_numpy().astype(np.int64)
    out["share_outlying"] = np.divide(out["area_outlying"].to_numpy(), total, out=np.full(len(total), np.nan),
                                      where=total > 0)
    out["awmei"] = np.divide(sums["weighted"].to_numpy(dtype=float), total, out=np.full(len(total), np.nan),
                             where=total > 0)
    return out
