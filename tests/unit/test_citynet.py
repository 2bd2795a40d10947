"""City sizes and flow-graph centralities: hand-computed cases, then real data checked independently.

Real cases: the UN's 30 largest agglomerations x 18 years (rank-size against numpy's least
squares), the Austrian and Canadian migration flows (strengths by plain loops, PageRank by a
numpy power iteration, betweenness by a brute-force all-pairs count: none calls the core).
"""

import csv
import math
import sqlite3
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import citynet, dominant
from alliance_territories.alliance_plugin.core import flows as ft
from alliance_territories.alliance_plugin.core.citynet import pagerank
from alliance_territories.alliance_plugin.core.errors import (AllianceError, EmptyInputError,
                                                               FieldNotFoundError, InvalidValueError)


def table(rows, flow_type="flow"):
    return pd.DataFrame(rows, columns=["origin", "destination", "value"]).assign(flow_type=flow_type)


# --- rank-size and primacy, by hand ------------------------------------------------------------

def test_exact_zipf_line():
    # P_r = 1050 / (r - 1/2): ln(r - 1/2) = ln 1050 - ln P exactly, so b = 1 and the residuals are 0.
    result = citynet.rank_size(pd.Series({"W": 2100.0, "X": 700.0, "Y": 420.0, "Z": 300.0}))
    stats = result.statistics
    assert stats["n"] == 4 and stats["cutoff"] == 300 and stats["largest"] == "W"
    assert stats["b"] == pytest.approx(1.0)
    assert stats["b_se"] == pytest.approx(math.sqrt(2 / 4))
    assert stats["intercept"] == pytest.approx(math.log(1050))
    assert stats["r2"] == pytest.approx(1.0)
    assert stats["primacy"] == pytest.approx(3.0)
    assert stats["four_city"] == pytest.approx(2100 / (700 + 420 + 300))
    assert stats["note"] == "" and stats["n_left_out"] == 0
    cities = result.cities
    assert cities.index.tolist() == ["W", "X", "Y", "Z"] and cities["rank"].tolist() == [1, 2, 3, 4]
    assert cities["ln_rank"].tolist() == pytest.approx(np.log([0.5, 1.5, 2.5, 3.5]))
    assert cities["residual"].abs().max() < 1e-12 and cities["size_deviation"].abs().max() < 1e-12


def test_cut_off_and_left_out_cities_are_reported():
    sizes = pd.Series({"W": 2100.0, "X": 700.0, "Y": 420.0, "Z": 300.0, "S": 10.0, "M": np.nan, "N": 0.0})
    by_size = citynet.rank_size(sizes, min_size=300).statistics
    by_count = citynet.rank_size(sizes, top_n=4).statistics
    for stats in (by_size, by_count):
        assert stats["n"] == 4 and stats["cutoff"] == 300 and stats["n_left_out"] == 3
        assert stats["b"] == pytest.approx(1.0)
    assert citynet.rank_size(sizes).statistics["n"] == 5  # missing and zero sizes are left out


def test_equal_sizes_are_ranked_by_code():
    cities = citynet.rank_size(pd.Series({"B": 100.0, "A": 100.0, "C": 50.0})).cities
    assert cities.index.tolist() == ["A", "B", "C"]


@pytest.mark.parametrize("sizes, note", [
    ({}, "0 cities"),
    ({"A": 10.0, "B": 5.0}, "2 cities"),
    ({"A": 10.0, "B": 10.0, "C": 10.0}, "same size"),
])
def test_too_few_cities_give_nan_and_a_note(sizes, note):
    stats = citynet.rank_size(pd.Series(sizes, dtype=float)).statistics
    assert math.isnan(stats["b"]) and math.isnan(stats["b_se"]) and note in stats["note"]
    if len(sizes) == 2:
        assert stats["primacy"] == 2.0 and math.isnan(stats["four_city"])


def test_size_errors():
    with pytest.raises(InvalidValueError, match="negative.*B"):
        citynet.rank_size(pd.Series({"A": 10.0, "B": -1.0}))
    with pytest.raises(InvalidValueError, match="not numbers.*B"):
        citynet.rank_size(pd.Series({"A": 10, "B": "many"}))
    with pytest.raises(InvalidValueError, match="top_n"):
        citynet.rank_size(pd.Series({"A": 10.0}), top_n=0)


def test_several_dates_at_once():
    long = pd.DataFrame({"city": ["W", "X", "Y", "Z", "W", "X", "Y"],
                         "date": [2000, 2000, 2000, 2000, 1990, 1990, 1990],
                         "population": [2100, 700, 420, 300, 1000, 500, 100]})
    result = citynet.city_size_statistics(long)
    stats = result.statistics
    assert stats.index.tolist() == [1990, 2000] and stats.index.name == "date"
    assert stats["n"].tolist() == [3, 4]
    assert stats.loc[2000, "b"] == pytest.approx(1.0)
    assert stats.loc[1990, "primacy"] == 2.0 and math.isnan(stats.loc[1990, "four_city"])
    assert result.cities.columns[:3].tolist() == ["date", "city", "rank"]
    assert result.cities.groupby("date").size().tolist() == [3, 4]
    one = citynet.city_size_statistics(long[long["date"] == 2000], date=None).statistics
    assert len(one) == 1 and one["b"].iloc[0] == pytest.approx(1.0)


def test_city_table_errors():
    long = pd.DataFrame({"city": ["A", "A"], "date": [1, 1], "population": [1.0, 2.0]})
    with pytest.raises(InvalidValueError, match="repeat a city"):
        citynet.city_size_statistics(long)
    with pytest.raises(FieldNotFoundError, match="'pop'.*city, date, population"):
        citynet.city_size_statistics(long, population="pop")
    with pytest.raises(EmptyInputError):
        citynet.city_size_statistics(long.iloc[:0])


# --- rank-size on the UN agglomerations ----------------------------------------------------------

@pytest.fixture(scope="module")
def agglomerations(data_dir):
    path = data_dir / "spdata" / "urban_agglomerations.gpkg"  # a GeoPackage is an SQLite file
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = pd.read_sql_query("SELECT year, city_code, urban_agglomeration, rank_order, "
                                 "population_millions FROM urban_agglomerations", connection)
    rows["city"] = rows["city_code"].astype(int).astype(str)
    return rows


def test_un_agglomerations_rank_size_against_numpy(agglomerations):
    assert len(agglomerations) == 540
    result = citynet.city_size_statistics(agglomerations, date="year", population="population_millions")
    stats = result.statistics
    assert len(stats) == 18 and stats.index.tolist() == sorted(agglomerations["year"].unique())
    for year, rows in agglomerations.groupby("year"):
        sizes = np.sort(rows["population_millions"].to_numpy())[::-1]
        x, y = np.log(sizes), np.log(np.arange(1, 31) - 0.5)
        (intercept, slope), *_ = np.linalg.lstsq(np.column_stack([np.ones(30), x]), y, rcond=None)
        b = -slope
        row = stats.loc[year]
        assert row["n"] == 30 and row["cutoff"] == sizes[-1] and row["n_left_out"] == 0
        assert row["b"] == pytest.approx(b, rel=1e-10)
        assert row["b_se"] == pytest.approx(b * math.sqrt(2 / 30), rel=1e-10)
        assert row["intercept"] == pytest.approx(intercept, rel=1e-10)
        assert row["primacy"] == pytest.approx(sizes[0] / sizes[1])
        assert row["four_city"] == pytest.approx(sizes[0] / sizes[1:4].sum())
        fitted = result.cities[result.cities["date"] == year]
        assert fitted["size"].to_numpy() == pytest.approx(sizes)
        residual = y - (intercept + slope * x)
        assert fitted["residual"].to_numpy() == pytest.approx(residual, abs=1e-10)
        assert fitted["size_deviation"].to_numpy() == pytest.approx(residual / b, abs=1e-10)
        # Our ranks are the UN's (no ties among the 30).
        expected_rank = rows.set_index("city")["rank_order"]
        assert (fitted.set_index("city")["rank"] == expected_rank.reindex(fitted["city"])).all()
    tokyo = agglomerations.loc[agglomerations["urban_agglomeration"] == "Tokyo", "city"].iloc[0]
    assert stats.loc[2020.0, "largest"] == tokyo


# --- centralities by hand ----------------------------------------------------------------------

# Chain A -> B -> C -> D (10, 20, 5); E -> F (3); G alone.
CHAIN = table([("A", "B", 10), ("B", "C", 20), ("C", "D", 5), ("E", "F", 3), ("C", "C", 99)])
CHAIN_IDS = ["A", "B", "C", "D", "E", "F", "G"]


def test_chain_strengths_components_and_betweenness():
    result = citynet.flow_centralities(CHAIN, CHAIN_IDS)
    out = result.territories
    assert out["out_strength"].tolist() == [10, 20, 5, 0, 3, 0, 0]  # the internal 99 is no edge
    assert out["in_strength"].tolist() == [0, 10, 20, 5, 0, 3, 0]
    assert out["out_degree"].tolist() == [1, 1, 1, 0, 1, 0, 0]
    assert out["component"].tolist() == [0, 0, 0, 0, 1, 1, 2]
    assert out["component_size"].tolist() == [4, 4, 4, 4, 2, 2, 1]
    # B is on A->C and A->D, C on A->D and B->D: 2 of the (4-1)(4-2) = 6 ordered pairs each.
    assert out["betweenness"].tolist()[:4] == pytest.approx([0, 1 / 3, 1 / 3, 0])
    assert out["betweenness"].iloc[4:].isna().all()  # fewer than 3 territories: no intermediary
    assert out["betweenness_method"].tolist() == ["exact"] * 4 + ["undefined"] * 3
    assert out["betweenness_sources"].tolist() == [4, 4, 4, 4, 0, 0, 0]
    assert out["pagerank"].sum() == pytest.approx(1.0)
    info = result.info
    assert (info["territories"], info["edges"], info["components"], info["largest_component"]) == (7, 4, 3, 4)
    assert info["betweenness_method"] == "exact" and info["sources"] == 4 and not info["canceled"]


def test_betweenness_is_normalised_within_each_component():
    # Chains A-B-C-D and P-Q-R-S-T, and 41 territories without flows: the chains get their own
    # graphs (each under a tenth of the territories) and their own denominators.
    flows = table([("A", "B", 1), ("B", "C", 1), ("C", "D", 1),
                   ("P", "Q", 1), ("Q", "R", 1), ("R", "S", 1), ("S", "T", 1)])
    ids = list("ABCDPQRST") + [f"z{i:02d}" for i in range(41)]
    out = citynet.flow_centralities(flows, ids).territories
    assert out["betweenness"].loc[list("ABCD")].tolist() == pytest.approx([0, 2 / 6, 2 / 6, 0])
    # Q lies on P->R, P->S, P->T; R on P->S, P->T, Q->S, Q->T: of (5-1)(5-2) = 12 pairs.
    assert out["betweenness"].loc[list("PQRST")].tolist() == pytest.approx([0, 3 / 12, 4 / 12, 3 / 12, 0])
    assert out["component"].loc[["P", "A", "z00"]].tolist() == [0, 1, 2]
    assert out["betweenness"].iloc[9:].isna().all()


def test_sample_does_not_depend_on_the_order_of_territories():
    rng = np.random.default_rng(2)
    ids = [f"c{i:02d}" for i in range(30)]
    flows = table(list(zip(rng.choice(ids, 200), rng.choice(ids, 200), rng.integers(1, 9, 200))))
    flows = flows.groupby(["origin", "destination"], as_index=False)["value"].sum().assign(flow_type="x")
    one = citynet.flow_centralities(flows, ids, exact_max_nodes=10, sample_size=5, seed=4).territories
    other = citynet.flow_centralities(flows, ids[::-1], exact_max_nodes=10, sample_size=5, seed=4).territories
    assert set(one["betweenness_method"]) == {"sampled"}
    pd.testing.assert_series_equal(one["betweenness"], other["betweenness"].loc[ids])


def test_pagerank_of_symmetric_cases():
    cycle = citynet.flow_centralities(table([("A", "B", 5), ("B", "C", 5), ("C", "A", 5)]), ["A", "B", "C"])
    assert cycle.territories["pagerank"].tolist() == pytest.approx([1 / 3] * 3)
    pair = citynet.flow_centralities(table([("A", "B", 7), ("B", "A", 7)]), ["A", "B"])
    assert pair.territories["pagerank"].tolist() == pytest.approx([0.5, 0.5])


def test_distance_is_inverse_volume_or_hops():
    # A -> D directly (volume 1, length 1) or through C (volumes 10 and 10, length 0.2).
    flows = table([("A", "D", 1), ("A", "C", 10), ("C", "D", 10)])
    weighted = citynet.flow_centralities(flows, ["A", "C", "D"]).territories
    hops = citynet.flow_centralities(flows, ["A", "C", "D"], distance="hops").territories
    assert weighted.loc["C", "betweenness"] == pytest.approx(1 / 2)  # 1 of (3-1)(3-2) pairs
    assert hops.loc["C", "betweenness"] == 0


def test_centrality_errors_are_alliance_errors(monkeypatch):
    with pytest.raises(InvalidValueError, match="not territories"):
        citynet.flow_centralities(CHAIN, ["A", "B"])
    with pytest.raises(InvalidValueError, match="distance"):
        citynet.flow_centralities(CHAIN, CHAIN_IDS, distance="km")
    with pytest.raises(InvalidValueError, match="alpha"):
        citynet.flow_centralities(CHAIN, CHAIN_IDS, alpha=1.5)
    with pytest.raises(InvalidValueError, match="sample_size"):
        citynet.flow_centralities(CHAIN, CHAIN_IDS, sample_size=1)
    with pytest.raises(EmptyInputError):
        citynet.flow_centralities(CHAIN.iloc[:0], [])
    monkeypatch.setattr(pagerank, "EXACT_PAGERANK_NODES", 0)  # the power iteration of large graphs
    with pytest.raises(InvalidValueError, match="did not converge in 1 iterations"):
        citynet.flow_centralities(CHAIN, CHAIN_IDS, max_iter=1)
    import networkx

    def no_scipy(*args, **kwargs):
        raise ImportError("No module named 'scipy'")

    monkeypatch.setattr(networkx, "pagerank", no_scipy)
    with pytest.raises(AllianceError, match="PageRank needs scipy"):
        citynet.flow_centralities(CHAIN, CHAIN_IDS)


def test_progress_and_cancel():
    seen = []
    citynet.flow_centralities(CHAIN, CHAIN_IDS, progress=seen.append)
    assert seen and seen[-1] == pytest.approx(100.0)
    canceled = citynet.flow_centralities(CHAIN, CHAIN_IDS, is_canceled=lambda: True)
    assert canceled.info["canceled"] and canceled.territories["betweenness"].isna().all()
    assert canceled.territories["in_strength"].sum() == 38  # the rest is still there


# --- real cases ------------------------------------------------------------------------------

REAL = [("austria", "at_migration_od.csv", ("origin", "destination", "flow")),
        ("canada", "ca_migration_od.csv", ("source", "destination", "migrants"))]


def read_real(data_dir, folder, name, columns):
    """The canonical flows (our reader) and, independently, a plain dict of volumes."""
    path = data_dir / folder / name
    flow = defaultdict(float)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            flow[row[columns[0]], row[columns[1]]] += float(row[columns[2]])
    raw, found, _ = ft.read_flow_csv(path)
    codes = sorted({o for o, _ in flow} | {d for _, d in flow})
    return ft.validate_flows(raw, found).table, codes, flow


def power_iteration_pagerank(codes, flow, alpha=0.85):
    n = len(codes)
    index = {c: i for i, c in enumerate(codes)}
    weights = np.zeros((n, n))
    for (o, d), v in flow.items():
        if o != d and v > 0:
            weights[index[o], index[d]] += v
    out = weights.sum(axis=1)
    transition = np.divide(weights, out[:, None], out=np.zeros_like(weights), where=out[:, None] > 0)
    x = np.full(n, 1 / n)
    for _ in range(10000):
        new = alpha * (x @ transition + x[out == 0].sum() / n) + (1 - alpha) / n
        if np.abs(new - x).sum() < 1e-14:
            break
        x = new
    return dict(zip(codes, new))


def brute_force_betweenness(codes, flow):
    """All-pairs shortest lengths (Floyd-Warshall), path counts, then pair-by-pair shares."""
    length = {(o, d): 1 / v for (o, d), v in flow.items() if o != d and v > 0}
    dist = {(s, t): (0.0 if s == t else length.get((s, t), math.inf)) for s in codes for t in codes}
    for k in codes:
        for s in codes:
            for t in codes:
                if dist[s, k] + dist[k, t] < dist[s, t]:
                    dist[s, t] = dist[s, k] + dist[k, t]
    same = lambda a, b: math.isclose(a, b, rel_tol=1e-12)  # noqa: E731
    sigma = {}
    for s in codes:
        sigma[s, s] = 1
        for t in sorted((t for t in codes if t != s and dist[s, t] < math.inf), key=lambda t: dist[s, t]):
            sigma[s, t] = sum(sigma[s, u] for u in codes if (u, t) in length and (s, u) in sigma
                              and same(dist[s, u] + length[u, t], dist[s, t]))
    n = len(codes)
    result = {}
    for v in codes:
        total = 0.0
        for s in codes:
            for t in codes:
                if len({s, t, v}) == 3 and dist[s, t] < math.inf and same(dist[s, v] + dist[v, t], dist[s, t]):
                    total += sigma[s, v] * sigma[v, t] / sigma[s, t]
        result[v] = total / ((n - 1) * (n - 2))
    return result


@pytest.mark.parametrize("folder, name, columns", REAL)
def test_real_centralities(data_dir, folder, name, columns):
    flows, codes, flow = read_real(data_dir, folder, name, columns)
    result = citynet.flow_centralities(flows, codes)
    out = result.territories
    out_strength = {c: sum(v for (o, d), v in flow.items() if o == c and d != c) for c in codes}
    in_strength = {c: sum(v for (o, d), v in flow.items() if d == c and o != c) for c in codes}
    assert out["out_strength"].to_dict() == pytest.approx(out_strength)
    assert out["in_strength"].to_dict() == pytest.approx(in_strength)
    assert out["out_degree"].tolist() == [len(codes) - 1] * len(codes)  # complete migration matrices
    expected = power_iteration_pagerank(codes, flow)
    assert out["pagerank"].to_dict() == pytest.approx(expected, rel=1e-9)  # solved exactly
    tight = citynet.flow_centralities(flows, codes, tol=1e-13, max_iter=1000).territories["pagerank"]
    assert tight.to_dict() == pytest.approx(expected, abs=1e-10)
    assert out["betweenness"].to_dict() == pytest.approx(brute_force_betweenness(codes, flow), abs=1e-12)
    assert result.info["betweenness_method"] == "exact" and result.info["components"] == 1


def test_sampled_betweenness_is_reproducible_and_unbiased(data_dir):
    flows, codes, flow = read_real(data_dir, *REAL[1])
    exact = citynet.flow_centralities(flows, codes).territories["betweenness"]
    sampled = citynet.flow_centralities(flows, codes, exact_max_nodes=5, sample_size=4, seed=1)
    assert sampled.info["betweenness_method"] == "sampled" and sampled.info["sources"] == 4
    assert sampled.info["sampled_components"] == {0: 4}
    assert set(sampled.territories["betweenness_method"]) == {"sampled"}
    assert set(sampled.territories["betweenness_sources"]) == {4}
    again = citynet.flow_centralities(flows, codes, exact_max_nodes=5, sample_size=4, seed=1)
    pd.testing.assert_series_equal(sampled.territories["betweenness"], again.territories["betweenness"])
    # Every source sampled is the exact computation.
    full = citynet.flow_centralities(flows, codes, exact_max_nodes=5, sample_size=10).territories
    assert full["betweenness"].tolist() == pytest.approx(exact.tolist())
    assert set(full["betweenness_method"]) == {"exact"}
    # The estimator is unbiased: over many samples its mean approaches the exact value.
    runs = [citynet.flow_centralities(flows, codes, exact_max_nodes=5, sample_size=4, seed=s)
            .territories["betweenness"] for s in range(300)]
    assert pd.concat(runs, axis=1).mean(axis=1).tolist() == pytest.approx(exact.tolist(), abs=0.02)


def test_edge_visit_budget_forces_sampling(data_dir):
    flows, codes, _ = read_real(data_dir, *REAL[0])
    # 9 territories x 72 edges = 648 visits > 100: sampled, 100 // 72 = 1 source raised to 2.
    result = citynet.flow_centralities(flows, codes, max_edge_visits=100)
    assert result.info["sampled_components"] == {0: 2}
    assert result.info["params"]["max_edge_visits"] == 100


# --- intermediary cities -----------------------------------------------------------------------

def test_intermediary_rules_by_hand():
    sizes = pd.Series({"A": 600_000, "B": 90_000, "C": 30_000, "D": 8_000, "E": 50_000})
    betweenness = pd.Series({"A": 0.1, "B": 0.5, "C": 0.0, "D": 0.0, "E": 0.5})
    roles = pd.Series({"A": "dominant", "B": "intermediate", "C": "intermediate", "D": "dominated",
                       "E": "dominated"})
    out = citynet.intermediary_cities(sizes, betweenness, roles, top_share=0.2)
    # Top 20 % of 5 = 1 territory; B and E tie at 0.5, so both are high.
    assert out["in_size_band"].tolist() == [False, True, True, False, True]
    assert out["high_betweenness"].tolist() == [False, True, False, False, True]
    assert out["nd_intermediate"].tolist() == [False, True, True, False, False]
    assert out["intermediary_score"].tolist() == [0, 3, 2, 0, 2]
    assert out["intermediary"].tolist() == [False, True, False, False, False]
    assert out.attrs["betweenness_threshold"] == 0.5
    # A quantile band: the middle three sizes (30,000 to 90,000).
    band = citynet.intermediary_cities(sizes, betweenness, roles, size_quantiles=(0.25, 0.75))
    assert band["in_size_band"].tolist() == [False, True, True, False, True]
    assert (band.attrs["min_size"], band.attrs["max_size"]) == (30_000, 90_000)
    with pytest.raises(InvalidValueError, match="top_share"):
        citynet.intermediary_cities(sizes, betweenness, roles, top_share=0)
    with pytest.raises(InvalidValueError, match="must not exceed"):
        citynet.intermediary_cities(sizes, betweenness, roles, min_size=10, max_size=1)


def test_intermediary_on_canada(data_dir):
    flows, codes, _ = read_real(data_dir, *REAL[1])
    raw = pd.read_csv(data_dir / "canada" / "ca_migration_od.csv", dtype={"source": str})
    population = raw.drop_duplicates("source").set_index("source")["pops66"]
    nd = dominant.dominant_flows(flows, codes, size=population)
    centralities = citynet.flow_centralities(flows, codes)
    out = citynet.intermediary_cities(population, centralities.territories, nd.territories,
                                      min_size=500_000, max_size=2_000_000, top_share=0.3)
    between = centralities.territories["betweenness"]
    threshold = between.sort_values(ascending=False).iloc[2]  # top 30 % of 10 provinces
    expected = ((population >= 500_000) & (population <= 2_000_000)
                & (between.reindex(population.index) >= threshold) & (between.reindex(population.index) > 0)
                & (nd.territories["nd_class"].reindex(population.index) == "intermediate"))
    assert out["intermediary"].to_dict() == expected.to_dict()
    assert out["intermediary_score"].between(0, 3).all()
