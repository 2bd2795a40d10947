"""Regions from flows: Intramax, modularity communities, region statistics.

Known answers: a 4-zone matrix whose Intramax values are computed by hand
below; the Austrian interregional migration flows (sample_data/austria, 9
NUTS-2 regions, contiguity from their polygons) and random sparse cases
checked against a dense brute-force Intramax written here (every pair of
regions evaluated at every step, rows and columns summed after each merge);
region statistics checked by a plain pandas group-by.
"""

import importlib.util
import sqlite3
import sys

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core import regions
from alliance_territories.alliance_plugin.core.errors import AllianceError, InvalidValueError
from alliance_territories.alliance_plugin.core.flows import FlowColumns, validate_flows
from alliance_territories.alliance_plugin.core.geometry import contiguity


def table(rows, flow_type="flow"):
    origin, destination, value = zip(*rows) if rows else ((), (), ())
    return pd.DataFrame({"origin": list(origin), "destination": list(destination),
                         "flow_type": flow_type, "value": np.asarray(value, dtype=float)})


# Rows: origin; columns: destination A B C D. Every outflow O = 100.
HAND = np.array([[50, 30, 10, 10],
                 [20, 60, 10, 10],
                 [5, 5, 70, 20],
                 [5, 5, 30, 60]], dtype=float)
ZONES = ["A", "B", "C", "D"]


def matrix_flows(matrix, codes):
    return table([(codes[i], codes[j], matrix[i, j]) for i in range(len(codes))
                  for j in range(len(codes)) if matrix[i, j] > 0])


# ---------------------------------------------------------------- brute force

def brute_intramax(matrix, adjacency=None, target=1):
    """Dense Intramax: evaluate every pair at every step (O(n^3) overall).

    ``matrix`` holds T_ij (diagonal included); ``adjacency`` a list of sets of
    positions or None. Ties go to the pair whose main members (largest
    outflow, then first position) rank first, as in the module.
    """
    n = len(matrix)
    outflow = matrix.sum(axis=1)
    rank = np.empty(n, dtype=int)
    rank[np.lexsort((np.arange(n), -outflow))] = np.arange(n)
    m = matrix.astype(float).copy()
    reps, sizes = list(range(n)), [1] * n
    adj = None if adjacency is None else [set(s) for s in adjacency]
    history = []
    while len(reps) > target:
        o, d = m.sum(axis=1), m.sum(axis=0)
        best = None
        for i in range(len(reps)):
            for j in range(i + 1, len(reps)):
                if adj is not None and j not in adj[i]:
                    continue
                value = 0.0
                if m[i, j] > 0:
                    value = m[i, j] / (o[i] * d[j])
                if m[j, i] > 0:
                    value += m[j, i] / (o[j] * d[i])
                if value <= 0:
                    continue
                key = (-value, tuple(sorted((rank[reps[i]], rank[reps[j]]))))
                if best is None or key < best[0]:
                    best = (key, i, j)
        if best is None:
            break
        (neg, _), i, j = best
        keep, lose = sorted((reps[i], reps[j]), key=lambda t: rank[t])
        m[i, :] += m[j, :]
        m[:, i] += m[:, j]
        m = np.delete(np.delete(m, j, axis=0), j, axis=1)
        reps[i], sizes[i] = keep, sizes[i] + sizes[j]
        history.append((keep, lose, -neg, sizes[i]))
        del reps[j], sizes[j]
        if adj is not None:
            adj[i] = (adj[i] | adj[j]) - {i, j}
            del adj[j]
            adj = [{k - (k > j) if k != j else i - (i > j) for k in s} - {idx} for idx, s in enumerate(adj)]
    return history


def as_tuples(result, codes):
    position = {c: k for k, c in enumerate(codes)}
    return [(position[a], position[b], value, size) for a, b, value, size in
            result.history[["a", "b", "interaction", "size"]].itertuples(index=False)]


def assert_same_history(result, codes, expected):
    got = as_tuples(result, codes)
    assert [g[:2] + g[3:] for g in got] == [e[:2] + e[3:] for e in expected]
    assert [g[2] for g in got] == pytest.approx([e[2] for e in expected], rel=1e-12)


def grid_adjacency(rows, cols):
    pairs = []
    for r in range(rows):
        for c in range(cols):
            k = r * cols + c
            if c + 1 < cols:
                pairs.append((k, k + 1))
            if r + 1 < rows:
                pairs.append((k, k + cols))
    return pairs


def random_matrix(rng, n, density=0.15, isolated=()):
    matrix = np.where(rng.random((n, n)) < density, rng.integers(1, 50, (n, n)), 0).astype(float)
    matrix[np.diag_indices(n)] = np.where(rng.random(n) < 0.7, rng.integers(0, 200, n), 0)
    for k in isolated:
        matrix[k, :] = 0
        matrix[:, k] = 0
    return matrix


# ---------------------------------------------------------------- hand-computed Intramax

def test_first_merge_and_values_by_hand():
    # O = 100 for all; D = (80, 100, 120, 100).
    # I_AB = 30/(100*100) + 20/(100*80)  = 0.0055  (the largest)
    # I_CD = 20/(100*100) + 30/(100*120) = 0.0045
    # I_AD = 10/(100*100) + 5/(100*80) = 0.001625; I_BD = 0.0015; I_AC = 0.0014583; I_BC = 0.0013333
    # After A+B (O = 200, D = 180): I_(AB)C = 20/(200*120) + 10/(100*180) = 0.0013889,
    # I_(AB)D = 20/(200*100) + 10/(100*180) = 0.0015556, I_CD unchanged: C+D next.
    # Last: T_(AB)(CD) = 40, T_(CD)(AB) = 20: I = 40/(200*220) + 20/(200*180) = 0.0014646.
    result = regions.intramax(matrix_flows(HAND, ZONES), ZONES)
    history = result.history
    assert history.columns.tolist() == list(regions.HISTORY_COLUMNS)
    assert history[["step", "a", "b", "size", "n_regions"]].values.tolist() == [
        [1, "A", "B", 2, 3], [2, "C", "D", 2, 2], [3, "A", "C", 4, 1]]
    assert history["interaction"].tolist() == pytest.approx([0.0055, 0.0045, 40 / 44000 + 20 / 36000])
    assert result.reason == "target" and result.n_regions == 1
    assert result.membership["region"].tolist() == ["A"] * 4


def test_stop_at_a_number_of_regions_and_cut_the_hierarchy():
    flows = matrix_flows(HAND, ZONES)
    two = regions.intramax(flows, ZONES, n_regions=2)
    assert two.membership["region"].tolist() == ["A", "A", "C", "C"]
    assert len(two.history) == 2 and two.message == "Reached the requested 2 regions."
    full = regions.intramax(flows, ZONES)
    for k in (1, 2, 3, 4):
        cut = regions.cut_hierarchy(full.history, ZONES, k)
        assert cut.equals(regions.intramax(flows, ZONES, n_regions=k).membership["region"])


def test_contiguity_forbids_a_merge():
    # A and B are not adjacent (A-C, B-D, C-D are): C+D first (0.0045), then
    # I_(CD)A = 10/(200*80) + 20/(100*220) = 0.0015341 beats I_(CD)B = 0.0014091.
    adjacent = pd.DataFrame({"a": ["A", "B", "C"], "b": ["C", "D", "D"]})
    result = regions.intramax(matrix_flows(HAND, ZONES), ZONES, contiguity=adjacent)
    assert result.history[["a", "b", "size"]].values.tolist() == [["C", "D", 2], ["A", "C", 3], ["A", "B", 4]]
    assert result.history["interaction"].tolist()[:2] == pytest.approx([0.0045, 10 / 16000 + 20 / 22000])
    position = {c: k for k, c in enumerate(ZONES)}
    adjacency = [set() for _ in ZONES]
    for a, b in adjacent.itertuples(index=False):
        adjacency[position[a]].add(position[b])
        adjacency[position[b]].add(position[a])
    assert_same_history(result, ZONES, brute_intramax(HAND, adjacency))


def test_territories_without_flows_and_self_flows_only_stay_alone():
    flows = pd.concat([matrix_flows(HAND, ZONES), table([("F", "F", 10.0), ("A", "E", 0.0)])])
    ids = ZONES + ["E", "F"]
    result = regions.intramax(flows, ids)
    assert result.reason == "no_interaction" and result.n_regions == 3
    assert result.membership["region"].tolist() == ["A"] * 4 + ["E", "F"]
    assert result.membership["isolated"].tolist() == [False] * 4 + [True, True]
    assert result.message == ("Stopped at 3 regions: no two of them exchange flows "
                              "(each is a component of the flow graph).")


def test_components_are_regions_of_their_own():
    flows = table([("A", "B", 5.0), ("B", "A", 1.0), ("C", "D", 2.0), ("D", "D", 3.0)])
    result = regions.intramax(flows, list("ABCD"))
    assert result.membership["region"].tolist() == ["A", "A", "D", "D"]  # D has the larger outflow
    assert result.reason == "no_interaction" and len(result.history) == 2
    adjacent = pd.DataFrame({"a": ["A"], "b": ["C"]})  # A-C adjacent but exchange nothing
    blocked = regions.intramax(flows, list("ABCD"), contiguity=adjacent)
    assert blocked.reason == "no_adjacent_pair" and blocked.n_regions == 4 and blocked.history.empty
    assert "no two adjacent regions exchange flows" in blocked.message


@pytest.mark.parametrize("ids", [[], ["A"]])
def test_zero_and_one_territory(ids):
    result = regions.intramax(table([("A", "A", 3.0)] if ids else []), ids)
    assert result.history.empty and result.n_regions == len(ids)
    assert result.membership["region"].tolist() == ids
    communities = regions.modularity_communities(table([]), ids)
    assert communities.n_regions == len(ids) and np.isnan(communities.modularity)
    stats = regions.region_statistics(table([]), ids, pd.Series(ids, index=ids, dtype=object))
    assert len(stats) == len(ids)


def test_exact_ties_follow_the_outflow_rank():
    # Three pairs with exactly the same interaction, 0.5: P-Q and T-U (T_ij = T_ji = 1,
    # T_ii = 1: 1/(2*2) + 1/(2*2)) and R-S (T_ij = T_ji = 4: 4/(4*4) + 4/(4*4)).
    # R and S have the largest outflows, so R-S goes first, then P-Q, then T-U.
    codes = list("PQRSTU")
    flows = table([("P", "Q", 1), ("Q", "P", 1), ("P", "P", 1), ("Q", "Q", 1),
                   ("R", "S", 4), ("S", "R", 4),
                   ("T", "U", 1), ("U", "T", 1), ("T", "T", 1), ("U", "U", 1)])
    result = regions.intramax(flows, codes)
    assert result.history[["a", "b", "interaction"]].values.tolist() == [
        ["R", "S", 0.5], ["P", "Q", 0.5], ["T", "U", 0.5]]
    shuffled = regions.intramax(flows.iloc[::-1], codes)
    pd.testing.assert_frame_equal(result.history, shuffled.history)


def test_row_order_and_categorical_codes_do_not_matter():
    rng = np.random.default_rng(3)
    codes = [f"{k:03d}" for k in range(25)]
    flows = matrix_flows(random_matrix(rng, 25), codes)
    shuffled = flows.sample(frac=1.0, random_state=1).astype({"origin": "category", "destination": "category"})
    before = flows.copy()
    a, b = regions.intramax(flows, codes), regions.intramax(shuffled, codes)
    pd.testing.assert_frame_equal(a.history, b.history)
    pd.testing.assert_frame_equal(flows, before)  # inputs never mutated


# ---------------------------------------------------------------- brute force on random and real cases

@pytest.mark.parametrize("seed", range(6))
def test_random_cases_match_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = 30
    matrix = random_matrix(rng, n, isolated=(7,) if seed % 2 else ())
    codes = [f"Z{k:02d}" for k in range(n)]
    result = regions.intramax(matrix_flows(matrix, codes), codes)
    assert_same_history(result, codes, brute_intramax(matrix))


@pytest.mark.parametrize("seed", range(12))
def test_tie_prone_cases_match_brute_force(seed):
    # Flows of 1 or 2 only: many exactly equal interactions, including between
    # pairs whose heap entries are stale upper bounds.
    rng = np.random.default_rng(1000 + seed)
    n = 20
    matrix = np.where(rng.random((n, n)) < 0.3, rng.integers(1, 3, (n, n)), 0).astype(float)
    matrix[np.diag_indices(n)] = rng.integers(0, 3, n) * (seed % 2)
    codes = [f"Z{k:02d}" for k in range(n)]
    pairs = grid_adjacency(4, 5)
    adjacency = [set() for _ in range(n)]
    for i, j in pairs:
        adjacency[i].add(j)
        adjacency[j].add(i)
    flows = matrix_flows(matrix, codes)
    if seed % 3:
        assert_same_history(regions.intramax(flows, codes), codes, brute_intramax(matrix))
    else:
        adjacent = pd.DataFrame({"a": [codes[i] for i, _ in pairs], "b": [codes[j] for _, j in pairs]})
        assert_same_history(regions.intramax(flows, codes, contiguity=adjacent), codes,
                            brute_intramax(matrix, adjacency))


@pytest.mark.parametrize("seed", range(6))
def test_random_grid_with_contiguity_matches_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    rows, cols = 5, 6
    n = rows * cols
    matrix = random_matrix(rng, n, density=0.25)
    codes = [f"Z{k:02d}" for k in range(n)]
    pairs = grid_adjacency(rows, cols)
    adjacency = [set() for _ in range(n)]
    for i, j in pairs:
        adjacency[i].add(j)
        adjacency[j].add(i)
    table_pairs = pd.DataFrame({"a": [codes[i] for i, _ in pairs], "b": [codes[j] for _, j in pairs]})
    result = regions.intramax(matrix_flows(matrix, codes), codes, contiguity=table_pairs)
    expected = brute_intramax(matrix, adjacency)
    assert_same_history(result, codes, expected)
    assert result.n_regions == n - len(expected)
    # Every region of every cut is contiguous.
    graph = nx.Graph(pairs)
    for k in (3, 8, 15):
        cut = regions.cut_hierarchy(result.history, codes, k)
        for _, members in cut.groupby(cut):
            assert nx.is_connected(graph.subgraph([codes.index(c) for c in members.index]))


def _wkb(blob):
    """GeoPackage geometry blob: 'GP', version, flags, srs id, envelope, then WKB."""
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 0b111]
    return shapely.from_wkb(bytes(blob[8 + envelope:]))


@pytest.fixture(scope="module")
def austria(data_dir):
    raw = pd.read_csv(data_dir / "austria" / "at_migration_od.csv", dtype={"origin": str, "destination": str})
    flows = validate_flows(raw, FlowColumns("origin", "destination", "flow")).table
    with sqlite3.connect(data_dir / "austria" / "at_nuts2_regions.gpkg") as connection:
        rows = connection.execute("SELECT nuts2, geom FROM regions ORDER BY nuts2").fetchall()
    codes = [code for code, _ in rows]
    adjacent = contiguity(codes, [_wkb(blob) for _, blob in rows])
    matrix = (raw.pivot_table(index="origin", columns="destination", values="flow", aggfunc="sum")
              .reindex(index=codes, columns=codes).fillna(0.0).to_numpy())
    return flows, codes, adjacent, matrix


def _adjacency_sets(adjacent, codes):
    sets = [set() for _ in codes]
    for a, b in adjacent.itertuples(index=False):
        sets[codes.index(a)].add(codes.index(b))
        sets[codes.index(b)].add(codes.index(a))
    return sets


def test_austria_matches_brute_force(austria):
    flows, codes, adjacent, matrix = austria
    assert len(codes) == 9 and len(adjacent) == 13  # Vienna (AT13) touches Lower Austria only
    result = regions.intramax(flows, codes)
    assert_same_history(result, codes, brute_intramax(matrix))
    assert result.history[["a", "b"]].values.tolist()[:4] == [
        ["AT33", "AT34"], ["AT31", "AT32"], ["AT22", "AT21"], ["AT13", "AT12"]]
    with_contiguity = regions.intramax(flows, codes, contiguity=adjacent)
    assert_same_history(with_contiguity, codes, brute_intramax(matrix, _adjacency_sets(adjacent, codes)))


def test_austria_contiguity_can_leave_an_island(austria):
    flows, codes, adjacent, matrix = austria
    cut = adjacent[~((adjacent["a"] == "AT33") & (adjacent["b"] == "AT34"))]  # Vorarlberg cut off
    result = regions.intramax(flows, codes, contiguity=cut)
    assert_same_history(result, codes, brute_intramax(matrix, _adjacency_sets(cut, codes)))
    assert result.reason == "no_adjacent_pair" and result.n_regions == 2
    assert result.membership.loc["AT34", "region"] == "AT34"


# ---------------------------------------------------------------- communities

def two_clusters():
    rows = []
    for group in ("ABCD", "EFGH"):
        rows += [(i, j, 10.0) for i in group for j in group if i != j]
    rows += [("D", "E", 1.0), ("A", "A", 50.0)]
    return table(rows), list("ABCDEFGHI")


def engines():
    found = ["core", "networkx"]
    return found + ["igraph"] if importlib.util.find_spec("igraph") is not None else found


def nx_modularity(flows, ids, membership, resolution=1.0):
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for o, d, v in flows[["origin", "destination", "value"]].itertuples(index=False):
        if o != d and v > 0:
            w = graph.get_edge_data(o, d, {"weight": 0.0})["weight"]
            graph.add_edge(o, d, weight=w + v)
    groups = [set(g.index) for _, g in membership.groupby(membership)]
    return nx.community.modularity(graph, groups, weight="weight", resolution=resolution)


@pytest.mark.parametrize("engine", engines())
def test_two_obvious_clusters(engine):
    flows, ids = two_clusters()
    result = regions.modularity_communities(flows, ids, engine=engine, seed=2)
    assert result.engine == engine and result.n_regions == 3
    # Region labels: the member with the largest outflow (A's self-flow).
    assert result.membership["region"].tolist() == ["A"] * 4 + ["E"] * 4 + ["I"]
    assert result.membership["isolated"].tolist() == [False] * 8 + [True]
    assert result.modularity == pytest.approx(nx_modularity(flows, ids, result.membership["region"]))
    # By hand: m = 241, each cluster L = 120, K = 241 -> Q = 2 * (120/241 - 1/4).
    assert result.modularity == pytest.approx(2 * (120 / 241 - 0.25))


def test_leiden_needs_igraph(monkeypatch):
    flows, ids = two_clusters()
    monkeypatch.setitem(sys.modules, "igraph", None)  # import igraph now raises ImportError
    with pytest.raises(regions.OptionalDependencyError, match="pip install igraph"):
        regions.modularity_communities(flows, ids, method="leiden")
    assert issubclass(regions.OptionalDependencyError, AllianceError)


def test_leiden_when_igraph_is_there():
    pytest.importorskip("igraph")
    flows, ids = two_clusters()
    result = regions.modularity_communities(flows, ids, method="leiden", seed=1)
    assert result.membership["region"].tolist() == ["A"] * 4 + ["E"] * 4 + ["I"]
    assert result.engine == "igraph" and result.method == "leiden"
    graph = nx.les_miserables_graph()
    flows = table([(u, v, w) for u, v, w in graph.edges(data="weight")])
    for method in ("leiden", "louvain"):  # seeded through igraph's random generator
        first, again = (regions.modularity_communities(flows, sorted(graph.nodes), method=method,
                                                        engine="igraph", seed=5) for _ in range(2))
        assert first.membership.equals(again.membership)


def test_core_louvain_is_seeded_and_close_to_networkx():
    graph = nx.les_miserables_graph()
    flows = table([(u, v, w) for u, v, w in graph.edges(data="weight")])
    ids = sorted(graph.nodes)
    first = regions.modularity_communities(flows, ids, seed=7)
    again = regions.modularity_communities(flows, ids, seed=7)
    assert first.membership.equals(again.membership)
    reference = regions.modularity_communities(flows, ids, engine="networkx", seed=7)
    assert first.modularity == pytest.approx(reference.modularity, abs=0.02)
    assert first.modularity == pytest.approx(nx_modularity(flows, ids, first.membership["region"]))
    finer = regions.modularity_communities(flows, ids, seed=7, resolution=2.0)
    assert finer.n_regions > first.n_regions and finer.resolution == 2.0


def test_core_louvain_can_be_canceled():
    graph = nx.les_miserables_graph()
    flows = table([(u, v, w) for u, v, w in graph.edges(data="weight")])
    result = regions.modularity_communities(flows, sorted(graph.nodes), is_canceled=lambda: True)
    assert result.canceled and result.n_regions >= 1


def test_modularity_is_directed_flows_symmetrised():
    flows = table([("A", "B", 3.0), ("B", "A", 1.0), ("B", "C", 2.0), ("C", "C", 9.0)])
    membership = pd.Series(["x", "x", "y"], index=list("ABC"))
    # Undirected weights: A-B 4, B-C 2; m = 6; K_x = 4 + 6 = 10, K_y = 2.
    expected = 4 / 6 - (10 / 12) ** 2 - (2 / 12) ** 2
    assert regions.modularity(flows, list("ABC"), membership) == pytest.approx(expected)
    assert regions.modularity(flows, list("ABC"), membership) == pytest.approx(
        nx_modularity(flows, list("ABC"), membership))


# ---------------------------------------------------------------- region statistics

def pandas_statistics(flows, membership):
    frame = flows.astype({"origin": object, "destination": object}).assign(
        ro=lambda t: t["origin"].map(membership), rd=lambda t: t["destination"].map(membership))
    out = frame.groupby("ro")["value"].sum()
    inn = frame.groupby("rd")["value"].sum()
    internal = frame[frame["ro"] == frame["rd"]].groupby("ro")["value"].sum()
    expected = pd.DataFrame({"n_units": membership.value_counts()}).sort_index()
    expected["internal"] = internal.reindex(expected.index).fillna(0.0)
    expected["outflow"] = out.reindex(expected.index).fillna(0.0)
    expected["inflow"] = inn.reindex(expected.index).fillna(0.0)
    expected["sc_supply"] = expected["internal"] / expected["outflow"].where(expected["outflow"] > 0)
    expected["sc_demand"] = expected["internal"] / expected["inflow"].where(expected["inflow"] > 0)
    return expected


def test_region_statistics_on_austria(austria):
    flows, codes, _, _ = austria
    membership = regions.cut_hierarchy(regions.intramax(flows, codes).history, codes, 3)
    stats = regions.region_statistics(flows, codes, membership)
    expected = pandas_statistics(flows, membership)
    pd.testing.assert_frame_equal(stats, expected, check_names=False, check_dtype=False)
    assert stats.index.tolist() == ["AT13", "AT22", "AT31"] and stats["n_units"].sum() == 9


def test_region_statistics_with_internal_flows_and_a_flowless_territory():
    rng = np.random.default_rng(11)
    codes = [f"C{k:02d}" for k in range(20)]
    matrix = random_matrix(rng, 20, isolated=(4,))
    flows = matrix_flows(matrix, codes)
    result = regions.intramax(flows, codes, n_regions=5)
    stats = regions.region_statistics(flows, codes, result.membership)  # a table with a region column
    expected = pandas_statistics(flows, result.membership["region"])
    pd.testing.assert_frame_equal(stats, expected, check_names=False, check_dtype=False)
    assert np.isnan(stats.loc["C04", "sc_supply"]) and stats.loc["C04", "n_units"] == 1
    assert regions.modularity(flows, codes, result.membership) == pytest.approx(
        nx_modularity(flows, codes, result.membership["region"]))


# ---------------------------------------------------------------- input errors

def test_input_errors():
    flows = matrix_flows(HAND, ZONES)
    with pytest.raises(InvalidValueError, match="unique"):
        regions.intramax(flows, ["A", "A", "B", "C", "D"])
    with pytest.raises(InvalidValueError, match="not territories"):
        regions.intramax(flows, ["A", "B", "C"])
    with pytest.raises(InvalidValueError, match="at least 1"):
        regions.intramax(flows, ZONES, n_regions=0)
    with pytest.raises(InvalidValueError, match="not territories: X"):
        regions.intramax(flows, ZONES, contiguity=pd.DataFrame({"a": ["A"], "b": ["X"]}))
    with pytest.raises(InvalidValueError, match="have no region: D"):
        regions.region_statistics(flows, ZONES, pd.Series(["x"] * 3, index=ZONES[:3]))
    with pytest.raises(InvalidValueError, match="Unknown community method"):
        regions.modularity_communities(flows, ZONES, method="infomap")
    mixed = pd.concat([flows, flows.assign(flow_type="food")])
    with pytest.raises(InvalidValueError, match="several types"):
        regions.intramax(mixed, ZONES)
    chosen = regions.intramax(mixed, ZONES, flow_type="food")
    assert chosen.history["a"].tolist() == ["A", "C", "A"]
    with pytest.raises(InvalidValueError, match="'water' is not in the table"):
        regions.intramax(mixed, ZONES, flow_type="water")


def test_progress_and_cancel_of_intramax():
    rng = np.random.default_rng(5)
    codes = [f"{k:04d}" for k in range(3000)]
    matrix_rows = []
    for i in range(3000):
        for j in rng.integers(0, 3000, 4):
            matrix_rows.append((codes[i], codes[j], float(rng.integers(1, 20))))
    flows = table(matrix_rows)
    seen = []
    result = regions.intramax(flows, codes, progress=seen.append, is_canceled=lambda: len(seen) >= 1)
    assert result.reason == "canceled" and len(result.history) == 2048
    assert seen and 0 < seen[0] < 100  # percent, as QgsFeedback.setProgress
    assert result.membership["region"].nunique() == 3000 - 2048
