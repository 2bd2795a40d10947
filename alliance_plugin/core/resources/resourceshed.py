"""Resource-sheds: the nearest territories in surplus whose surpluses cover a territory's deficit.

The foodshed of a city is the area that could feed it (Peters et al. 2009,
"Mapping potential foodsheds in New York State"; Zumkehr and Campbell 2015,
"The potential for local croplands to meet US food demand"). Here, for one
resource, territory ``i`` is in deficit when ``net_i = production - consumption < 0``
(deficit ``d_i = -net_i``) and territory ``j`` in surplus when ``net_j > 0``
(surplus ``s_j``). Distances are straight lines between the territories' inner
points (a point inside each polygon), in metres; territories without a point
take no part.

Allocation rules (``rule``):

- ``"independent"`` (default, the potential supply area of foodshed studies):
  each territory in deficit, on its own, takes the whole surpluses of the
  territories in surplus from the nearest (ties: the smallest code first) until
  their sum reaches its deficit. Surpluses are not shared out between
  territories in deficit: two neighbouring cities may count the same farms. A
  deficit larger than all the surpluses together has no shed (``covered`` False,
  no member).
- ``"shared"``: surpluses are consumed once. Territories in deficit are served
  one after the other from the largest deficit (ties: smallest code), each
  taking what is left of the surpluses, nearest first, until its deficit is
  covered or nothing is left (``covered`` False, the members it took listed).

Per territory in deficit: ``radius`` the distance to the farthest member taken,
``n`` the number of members, ``covered`` whether they cover the deficit; each
member's ``amount`` is what it gives: its whole (remaining) surplus, the last
member only what completes the deficit, so the amounts sum to the deficit
when covered. ``radius`` is NaN without members.

The nearest surpluses come from a k-d tree (``scipy.spatial.cKDTree``) queried
for the k nearest with k growing fourfold until each deficit is covered; rows
are ordered by (distance, code) so that ties never depend on the input order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

SHED_RULES = ("independent", "shared")
#: k nearest asked first; then fourfold until covered.
FIRST_K = 16
#: rows x k of one query batch (memory: about 40 bytes each).
BATCH_CELLS = 4_000_000


@dataclass
class Sheds:
    """Per row of the input: ``radius`` (NaN: no member), ``n``, ``covered`` (meaningful for deficits);
    ``members``: deficit, member (row positions), distance, amount."""

    radius: np.ndarray
    n: np.ndarray
    covered: np.ndarray
    members: pd.DataFrame


def _tolerance(need):
    return 1e-9 * np.maximum(1.0, need)


def _ordered(dist, idx, rank):
    """Each row's neighbours ordered by distance, then code rank."""
    order = np.lexsort((rank[idx], dist), axis=-1)
    return np.take_along_axis(dist, order, axis=1), np.take_along_axis(idx, order, axis=1)


def resource_sheds(net, xy, rank, *, rule="independent"):
    """The resource-shed of every row with ``net < 0`` (see the module).

    ``net``: production - consumption per row; ``xy``: (n, 2) inner points in metres (NaN: none);
    ``rank``: each row's code rank (ties). Returns :class:`Sheds`.

    Examples
    --------
    A city 100 short; suppliers of 60, 30 and 50 at 1, 2 and 3 km: the two nearest give 90, the
    third completes with 10, so the radius is 3 km and three members are taken.

    >>> xy = np.array([[0, 0], [1000, 0], [0, 2000], [3000, 0]], dtype=float)
    >>> s = resource_sheds(np.array([-100.0, 60, 30, 50]), xy, np.arange(4))
    >>> float(s.radius[0]), int(s.n[0]), bool(s.covered[0]), s.members["amount"].tolist()
    (3000.0, 3, True, [60.0, 30.0, 10.0])
    """
    net = np.asarray(net, dtype=float)
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    rank = np.asarray(rank)
    n = len(net)
    radius, count, covered = np.full(n, np.nan), np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    placed = np.isfinite(xy).all(axis=1)
    deficit = np.flatnonzero((net < 0) & placed)
    surplus = np.flatnonzero((net > 0) & placed)
    empty = pd.DataFrame({"deficit": np.array([], dtype=np.int64), "member": np.array([], dtype=np.int64),
                          "distance": np.array([], dtype=float), "amount": np.array([], dtype=float)})
    if len(deficit) == 0 or len(surplus) == 0:
        return Sheds(radius, count, covered, empty)
    from scipy.spatial import cKDTree

    tree = cKDTree(xy[surplus])
    amount, surplus_rank = net[surplus], rank[surplus]
    if rule == "shared":
        members = _shared(tree, xy, net, rank, deficit, amount, surplus_rank, radius, count, covered)
    else:
        members = _independent(tree, xy, net, deficit, amount, surplus_rank, radius, count, covered)
    if not members:
        return Sheds(radius, count, covered, empty)
    table = pd.DataFrame({k: np.concatenate([m[k] for m in members]) for k in ("deficit", "member", "distance",
                                                                              "amount")})
    table["member"] = surplus[table["member"].to_numpy()]
    order = np.lexsort((table["distance"].to_numpy(), rank[table["deficit"].to_numpy()]))
    return Sheds(radius, count, covered, table.iloc[order].reset_index(drop=True))


def _query(tree, points, k, rank):
    dist, idx = tree.query(points, k=k)
    dist, idx = dist.reshape(len(points), -1), idx.reshape(len(points), -1)
    return _ordered(dist, idx, rank)


def _independent(tree, xy, net, deficit, amount, rank, radius, count, covered):
    """Each deficit on its own takes whole surpluses, nearest first (vectorised over the deficits)."""
    m, total = len(amount), amount.sum()
    need = -net[deficit]
    coverable = need <= total + _tolerance(need)
    covered[deficit] = coverable
    pending, k, members = deficit[coverable], min(m, FIRST_K), []
    while len(pending):
        unresolved = []
        step = max(1, BATCH_CELLS // k)
        for start in range(0, len(pending), step):
            rows = pending[start:start + step]
            dist, idx = _query(tree, xy[rows], k, rank)
            want = -net[rows]
            cum = np.cumsum(amount[idx], axis=1)
            hit = cum >= (want - _tolerance(want))[:, None]
            found = hit.any(axis=1)
            last = hit.argmax(axis=1)
            line = np.arange(len(rows))
            # Resolved when covered before the k-th neighbour's distance (no unseen tie) or every surplus seen.
            done = found & ((k >= m) | (dist[line, last] < dist[:, -1]))
            unresolved.append(rows[~done])
            if not done.any():
                continue
            d_rows, d_last = rows[done], last[done]
            radius[d_rows] = dist[done, d_last]
            count[d_rows] = d_last + 1
            take = np.arange(k)[None, :] <= d_last[:, None]
            given = amount[idx[done]]
            before = np.where(d_last > 0, cum[done, np.maximum(d_last - 1, 0)], 0.0)
            given[np.arange(len(d_rows)), d_last] = want[done] - before
            members.append({"deficit": np.broadcast_to(d_rows[:, None], take.shape)[take],
                            "member": idx[done][take], "distance": dist[done][take], "amount": given[take]})
        pending = np.concatenate(unresolved) if unresolved else np.array([], dtype=np.int64)
        k = min(m, k * 4)
    return members


def _shared(tree, xy, net, rank, deficit, amount, surplus_rank, radius, count, covered):
    """Deficits from the largest, each taking what is left of the surpluses, nearest first (one at a time;
    the first neighbours of every deficit are asked of the tree at once)."""
    m = len(amount)
    left = amount.copy()
    members = []
    order = deficit[np.lexsort((rank[deficit], net[deficit]))]  # most negative net first, ties to the code
    first_k = min(m, FIRST_K)
    near_dist, near_idx = np.empty((len(order), first_k)), np.empty((len(order), first_k), dtype=np.int64)
    step = max(1, BATCH_CELLS // first_k)
    for start in range(0, len(order), step):
        near_dist[start:start + step], near_idx[start:start + step] = _query(
            tree, xy[order[start:start + step]], first_k, surplus_rank)
    tolerance = _tolerance(amount)
    remaining = float(left.sum())
    for position, row in enumerate(order):
        if remaining <= 0:
            break
        want = -net[row]
        k, dist, idx = first_k, near_dist[position], near_idx[position]
        while True:
            cum = np.cumsum(left[idx])
            hit = np.flatnonzero(cum >= want - _tolerance(want))
            if len(hit) and (k >= m or dist[hit[0]] < dist[-1]):
                last, whole = hit[0], True
                break
            if k >= m:
                last, whole = len(idx) - 1, False
                break
            k = min(m, k * 4)
            dist, idx = _query(tree, xy[row:row + 1], k, surplus_rank)
            dist, idx = dist[0], idx[0]
        idx, dist = idx[:last + 1], dist[:last + 1]
        given = left[idx].copy()
        if whole:
            given[-1] = want - (cum[last - 1] if last > 0 else 0.0)
        keep = given > 0
        left[idx] -= given
        emptied = idx[left[idx] < tolerance[idx]]
        left[emptied] = 0.0
        remaining = float(left.sum())
        covered[row] = whole
        count[row] = int(keep.sum())
        if keep.any():
            radius[row] = dist[keep].max()
            members.append({"deficit": np.full(int(keep.sum()), row), "member": idx[keep],
                            "distance": dist[keep], "amount": given[keep]})
    return members
