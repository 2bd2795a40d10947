"""Progress and cancel callbacks of the long flow computations (issue 13).

Every long core function of the flow family takes ``progress`` (told 0 to 100) and
``is_canceled``: progress increases and ends at 100, a cancel stops the work at the next
checkpoint (the function returns None, or for centralities what was computed with
``info["canceled"]``), and the callbacks never change a result.
"""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import citynet, dependencies, dominant, functional_areas
from alliance_territories.alliance_plugin.core.flows.pairs import FlowTable
from alliance_territories.alliance_plugin.core.progress import Canceled, Ticker, cancelable
from alliance_territories.alliance_plugin.core.interaction import fit_gravity

N = 60  # territories T00..T59 on a 10 x 6 grid of 1 km


def case():
    """Two flow types between N territories (every territory sends to 8 others), populations and cities."""
    rng = np.random.default_rng(3)
    ids = [f"T{i:02d}" for i in range(N)]
    rows = []
    for kind in ("commuting", "school"):
        for i in range(N):
            rows.append((ids[i], ids[i], kind, float(rng.integers(50, 200))))
            for j in rng.choice([k for k in range(N) if k != i], size=8, replace=False):
                rows.append((ids[i], ids[j], kind, float(rng.integers(1, 60))))
    flows = pd.DataFrame(rows, columns=["origin", "destination", "flow_type", "value"])
    population = pd.Series(rng.integers(100, 5000, N).astype(float), index=ids)
    city = pd.Series([i % 12 == 0 for i in range(N)], index=ids)
    return flows, ids, population, city


FLOWS, IDS, POPULATION, CITY = case()


def gravity_flows():
    """One row per pair (the commuting flows between different territories) with a distance in km."""
    flows = FLOWS[(FLOWS["flow_type"] == "commuting") & (FLOWS["origin"] != FLOWS["destination"])]
    position = {code: (i % 10, i // 10) for i, code in enumerate(IDS)}
    o = np.array([position[c] for c in flows["origin"]], dtype=float)
    d = np.array([position[c] for c in flows["destination"]], dtype=float)
    return flows.assign(distance=np.hypot(*(o - d).T)).reset_index(drop=True)


GRAVITY = gravity_flows()
PAIRS = dependencies.pair_indicators(FLOWS, IDS)

RUNS = {
    "flow_dependencies": lambda **kw: dependencies.flow_dependencies(FLOWS, IDS, **kw),
    "select_pairs": lambda **kw: dependencies.select_pairs(PAIRS, min_share=0.05, top_n=3, **kw),
    "functional_urban_areas": lambda **kw: functional_areas.functional_urban_areas(
        FLOWS[FLOWS["flow_type"] == "commuting"], IDS, POPULATION, city=CITY, **kw),
    "attraction_areas": lambda **kw: functional_areas.attraction_areas(
        FLOWS[FLOWS["flow_type"] == "commuting"], IDS, POPULATION, min_jobs=300.0, **kw),
    "dominant_flows": lambda **kw: dominant.dominant_flows(FLOWS, IDS, **kw),
    "fit_gravity": lambda **kw: fit_gravity(GRAVITY, family="doubly"),
}
RUNS["fit_gravity"] = lambda **kw: fit_gravity(GRAVITY, family="doubly", **kw)


def assert_same(a, b):
    """Results equal, whatever their shape (frames, tuples of frames, named tuples, fits)."""
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif hasattr(a, "params") and hasattr(a, "pairs"):  # a GravityFit
        pd.testing.assert_frame_equal(a.params, b.params)
        pd.testing.assert_frame_equal(a.pairs, b.pairs)
        assert a.stats == b.stats
    elif isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert_same(x, y)
    else:
        assert a == b or (a != a and b != b)  # NaN shares are equal here


class CancelAt:
    """An ``is_canceled`` that answers True from its ``at``-th call on, counting its calls."""

    def __init__(self, at):
        self.at, self.calls = at, 0

    def __call__(self):
        self.calls += 1
        return self.calls >= self.at


@pytest.mark.parametrize("name", sorted(RUNS))
def test_progress_increases_to_100_and_changes_nothing(name):
    seen, checks = [], CancelAt(10 ** 9)
    result = RUNS[name](progress=seen.append, is_canceled=checks)
    assert len(seen) >= 3 and seen[-1] == 100.0 and seen[0] >= 0.0
    assert all(a < b for a, b in zip(seen, seen[1:]))  # strictly increasing: never goes back
    assert checks.calls >= 3  # checked between the phases, not only at the start
    assert_same(result, RUNS[name]())  # the callbacks change no number


@pytest.mark.parametrize("name", sorted(RUNS))
def test_cancel_stops_at_the_next_checkpoint(name):
    full = CancelAt(10 ** 9)
    RUNS[name](is_canceled=full)
    for at in (1, 2, full.calls):  # before anything, at the first checkpoint, at the last one
        seen, checks = [], CancelAt(at)
        assert RUNS[name](progress=seen.append, is_canceled=checks) is None
        assert checks.calls == at  # nothing is checked (or computed) after the cancel is seen
        assert not seen or seen[-1] < 100.0  # the end is never reported


def test_fit_gravity_is_checked_between_newton_iterations():
    """Each Newton (IRLS) iteration checks the flag once: a cancel at the k-th check stops after k - 1
    iterations, and progress moves with the iterations."""
    full = CancelAt(10 ** 9)
    fit = fit_gravity(GRAVITY, family="unconstrained", is_canceled=full)
    iterations = fit.stats["iterations"]
    assert iterations >= 3
    # Checks: the start (the decorator), 0.1 (the regressors), one per iteration.
    assert full.calls == 2 + iterations
    seen = []
    fit_gravity(GRAVITY, family="unconstrained", progress=seen.append)
    inside = [p for p in seen if 10.0 < p < 90.0]  # the iterations' part of the range
    assert len(inside) >= 2


def test_centralities_keep_what_was_computed_when_canceled():
    seen = []
    whole = citynet.flow_centralities(FLOWS, IDS, progress=seen.append)
    assert seen[-1] == 100.0 and all(a < b for a, b in zip(seen, seen[1:]))
    assert not whole.info["canceled"] and whole.territories["pagerank"].notna().all()
    # Canceled before the graph is built: strengths are there, PageRank and betweenness are NaN.
    early = citynet.flow_centralities(FLOWS, IDS, is_canceled=lambda: True)
    assert early.info["canceled"] and early.territories[["pagerank", "betweenness"]].isna().all().all()
    pd.testing.assert_series_equal(early.territories["in_strength"], whole.territories["in_strength"])
    # Canceled during the betweenness: PageRank is kept, the betweenness is NaN.
    checks = CancelAt(4)  # start, graph (one chunk), after PageRank, then the first betweenness search
    late = citynet.flow_centralities(FLOWS, IDS, is_canceled=checks)
    assert checks.calls == 4 and late.info["canceled"]
    pd.testing.assert_series_equal(late.territories["pagerank"], whole.territories["pagerank"])
    assert late.territories["betweenness"].isna().all()


def test_ticker_parts_and_cancelable():
    seen = []
    tick = Ticker(seen.append)
    tick.part(0.0, 0.5)(0.5)  # 25
    tick.part(0.5, 1.0)(0.0)  # 50
    tick(0.4)  # 40 is behind: not reported
    tick.part(0.5, 1.0).done()  # 100
    assert seen == [25.0, 50.0, 100.0]
    with pytest.raises(Canceled):
        Ticker(None, lambda: True).check()

    @cancelable
    def work(n, *, tick):
        for i in range(n):
            tick((i + 1) / n)
        return n

    assert work(4) == 4
    checks = CancelAt(3)
    assert work(10, is_canceled=checks) is None and checks.calls == 3


def test_flow_table_given_once_is_used_as_is():
    """The Processing algorithms give a FlowTable: the callbacks work the same on it."""
    table = FlowTable(FLOWS, IDS)
    seen = []
    territories, pairs = dependencies.flow_dependencies(table, progress=seen.append)
    assert seen[-1] == 100.0
    assert_same((territories, pairs), dependencies.flow_dependencies(FLOWS, IDS))
