"""Nystuen-Dacey dominant flows: hand-computed cases, then Austria and Canada checked by plain loops."""

import csv
import math
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import dominant
from alliance_territories.alliance_plugin.core import flows as ft
from alliance_territories.alliance_plugin.core.errors import AllianceError, EmptyInputError, InvalidValueError


def parents(out):
    """nd_parent as a list, None where missing (NaN in pandas' text columns)."""
    return [None if pd.isna(p) else p for p in out["nd_parent"]]


def table(rows, flow_type="flow"):
    return pd.DataFrame(rows, columns=["origin", "destination", "value"]).assign(flow_type=flow_type)


# A sends 30 to B and 20 to C; B sends 40 to C; C sends 10 to B; D sends 5 to C; E has no flow.
# Inflows: A 0, B 30 + 10 = 40, C 20 + 40 + 5 = 65, D 0, E 0.
# A's largest flow goes to B (40 > 0): dominated by B. B's goes to C (65 > 40): dominated by C.
# C's goes to B, smaller: C is a root. D's goes to C. E is isolated.
HAND = table([("A", "B", 30), ("A", "C", 20), ("B", "C", 40), ("C", "B", 10), ("D", "C", 5)])
IDS = ["A", "B", "C", "D", "E"]


def test_hand_case_hierarchy():
    result = dominant.dominant_flows(HAND, IDS)
    out = result.territories
    assert out.index.tolist() == IDS
    assert out["nd_class"].tolist() == ["dominated", "intermediate", "dominant", "dominated", "isolated"]
    assert parents(out) == ["B", "C", None, "C", None]
    assert out["nd_root"].tolist() == ["C", "C", "C", "C", "E"]
    assert out["nd_level"].tolist() == [2, 1, 0, 1, 0]
    assert out["nd_direct"].tolist() == [0, 1, 2, 0, 0]
    assert out["nd_subordinates"].tolist() == [0, 1, 3, 0, 0]
    assert out["nd_size"].tolist() == [0, 40, 65, 0, 0]
    assert out["nd_flow"].tolist() == [30, 40, 0, 5, 0]
    assert result.flows.values.tolist() == [["A", "B", 30.0], ["B", "C", 40.0], ["D", "C", 5.0]]
    assert result.share == pytest.approx(75 / 105)
    assert result.params == {"size": "inflow", "flow_type": None}


def test_same_result_whatever_the_row_and_territory_order():
    reference = dominant.dominant_flows(HAND, IDS).territories
    shuffled = HAND.sample(frac=1.0, random_state=3).reset_index(drop=True)
    again = dominant.dominant_flows(shuffled, ["E", "D", "C", "B", "A"]).territories
    pd.testing.assert_frame_equal(reference, again.loc[IDS])


def test_tie_goes_to_the_smallest_code_whatever_the_order_of_ids():
    # A sends 10 to C and 10 to B; B and C are both larger than A: B wins (smallest code).
    flows = table([("A", "C", 10), ("A", "B", 10), ("D", "B", 50), ("D", "C", 50)])
    for ids in (["A", "B", "C", "D"], ["D", "C", "B", "A"]):
        out = dominant.dominant_flows(flows, ids).territories
        assert out.loc["A", "nd_parent"] == "B"
        assert out.loc["D", "nd_parent"] == "B"


def test_equal_sizes_never_dominate_each_other():
    # A and B send each other 10: equal inflows, neither is strictly larger, no cycle.
    out = dominant.dominant_flows(table([("A", "B", 10), ("B", "A", 10)]), ["A", "B"]).territories
    assert out["nd_class"].tolist() == ["independent", "independent"]
    assert out["nd_parent"].isna().all()
    assert out["nd_root"].tolist() == ["A", "B"]


def test_population_as_size_reverses_the_hierarchy():
    # With populations, A is the largest city: B's largest flow (to C) goes to a larger city
    # (C 200 > B 100), C's (to B) does not; A's largest flow goes to B, smaller: A is independent.
    sizes = pd.Series({"A": 1000, "B": 100, "C": 200, "D": 10, "E": 1})
    result = dominant.dominant_flows(HAND, IDS, size=sizes)
    out = result.territories
    assert parents(out) == [None, "C", None, "C", None]
    assert out["nd_class"].tolist() == ["independent", "dominated", "dominant", "dominated", "isolated"]
    assert out["nd_size"].tolist() == [1000, 100, 200, 10, 1]
    assert result.share == pytest.approx(45 / 105)
    assert result.params["size"] == "given"


def test_internal_flows_count_in_the_default_size_only():
    # A keeps 100 internally; B receives 30 from A, A receives 20 from B.
    flows = table([("A", "A", 100), ("A", "B", 30), ("B", "A", 20)])
    total = dominant.dominant_flows(flows, ["A", "B"]).territories
    # Inflow with T_ii: A 120, B 30: B is dominated by A.
    assert total["nd_parent"].tolist()[1] == "A" and total["nd_class"].tolist() == ["dominant", "dominated"]
    external = dominant.dominant_flows(flows, ["A", "B"], size="external_inflow").territories
    # Without T_ii: A 20, B 30: A is dominated by B.
    assert external["nd_parent"].tolist()[0] == "B" and external["nd_size"].tolist() == [20, 30]


def test_one_flow_type_or_all():
    flows = pd.concat([table([("A", "B", 10), ("C", "B", 1)], "commuting"),
                       table([("A", "C", 50)], "food")], ignore_index=True)
    all_types = dominant.dominant_flows(flows, ["A", "B", "C"]).territories
    assert all_types.loc["A", "nd_parent"] == "C"  # 50 of food outweighs 10 of commuting
    commuting = dominant.dominant_flows(flows, ["A", "B", "C"], flow_type="commuting")
    assert commuting.territories.loc["A", "nd_parent"] == "B"
    assert commuting.params["flow_type"] == "commuting"


def test_no_flow_at_all_gives_isolated_territories_and_nan_share():
    result = dominant.dominant_flows(table([]), ["A", "B"])
    assert result.territories["nd_class"].tolist() == ["isolated", "isolated"]
    assert result.flows.empty and math.isnan(result.share)


def test_input_errors_say_what_was_expected():
    with pytest.raises(InvalidValueError, match="not territories.*Z"):
        dominant.dominant_flows(table([("A", "Z", 1)]), ["A", "B"])
    with pytest.raises(InvalidValueError, match="unique; repeated: A"):
        dominant.dominant_flows(HAND, ["A", "A", "B"])
    with pytest.raises(EmptyInputError):
        dominant.dominant_flows(HAND, [])
    with pytest.raises(InvalidValueError, match="size must be one of"):
        dominant.dominant_flows(HAND, IDS, size="population")
    with pytest.raises(InvalidValueError, match="2 have none.*D, E"):
        dominant.dominant_flows(HAND, IDS, size=pd.Series({"A": 1, "B": 2, "C": 3}))
    with pytest.raises(InvalidValueError, match="'water' is not in the table; its types are flow"):
        dominant.dominant_flows(HAND, IDS, flow_type="water")
    with pytest.raises(AllianceError, match="missing: value"):
        dominant.dominant_flows(HAND.drop(columns="value"), IDS)


def test_random_graphs_always_give_a_forest():
    # Many equal sizes (small integer flows) and every tie: parents are strictly larger, no cycle,
    # levels and subordinate counts agree with a walk up the parents.
    rng = np.random.default_rng(5)
    n = 300
    ids = [f"{i:03d}" for i in rng.permutation(n)]
    flows = table(list(zip(rng.choice(ids, 3000), rng.choice(ids, 3000), rng.integers(0, 4, 3000))))
    flows = flows.groupby(["origin", "destination"], as_index=False)["value"].sum().assign(flow_type="x")
    out = dominant.dominant_flows(flows, ids).territories
    parent = dict(zip(out.index, parents(out)))
    below = defaultdict(int)
    for code in ids:
        seen, node, depth = set(), code, 0
        while parent[node] is not None:
            assert out.loc[parent[node], "nd_size"] > out.loc[node, "nd_size"]
            assert node not in seen
            seen.add(node)
            node = parent[node]
            below[node] += 1
            depth += 1
        assert out.loc[code, "nd_root"] == node and out.loc[code, "nd_level"] == depth
    assert out["nd_subordinates"].to_dict() == {code: below[code] for code in ids}


# --- real cases: the expected values come from plain loops over the CSV ----------------------------

def expected_by_loops(path, origin, destination, volume):
    """Nystuen-Dacey by hand: inflow sizes, largest outflow (ties to the smallest code), strict size."""
    flow = defaultdict(float)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            flow[row[origin], row[destination]] += float(row[volume])
    codes = sorted({o for o, _ in flow} | {d for _, d in flow})
    inflow = {c: sum(v for (o, d), v in flow.items() if d == c) for c in codes}
    parent = {}
    for c in codes:
        best = None
        for d in codes:  # ascending codes: a later equal flow does not replace the first
            if d != c and flow.get((c, d), 0) > 0 and (best is None or flow[c, d] > flow[c, best]):
                best = d
        parent[c] = best if best is not None and inflow[best] > inflow[c] else None
    children = defaultdict(list)
    for c, p in parent.items():
        if p is not None:
            children[p].append(c)
    classes = {}
    for c in codes:
        if parent[c] and children[c]:
            classes[c] = "intermediate"
        elif parent[c]:
            classes[c] = "dominated"
        elif children[c]:
            classes[c] = "dominant"
        else:
            classes[c] = "independent"
    dominant_volume = sum(flow[c, p] for c, p in parent.items() if p)
    share = dominant_volume / sum(v for (o, d), v in flow.items() if o != d)
    return codes, inflow, parent, classes, share


@pytest.mark.parametrize("folder, name, columns", [
    ("austria", "at_migration_od.csv", ("origin", "destination", "flow")),
    ("canada", "ca_migration_od.csv", ("source", "destination", "migrants")),
])
def test_real_migration_flows(data_dir, folder, name, columns):
    path = data_dir / folder / name
    codes, inflow, parent, classes, share = expected_by_loops(path, *columns)
    raw, found, _ = ft.read_flow_csv(path)
    flows = ft.validate_flows(raw, found).table
    result = dominant.dominant_flows(flows, codes)
    out = result.territories
    assert out["nd_size"].to_dict() == pytest.approx(inflow)
    assert dict(zip(out.index, parents(out))) == parent
    assert out["nd_class"].to_dict() == classes
    assert result.share == pytest.approx(share)
    assert len(result.flows) == sum(p is not None for p in parent.values())


def test_austria_and_canada_roots(data_dir):
    """What the loops find, written down: Vienna heads Austria; Canada has two trees."""
    raw, found, _ = ft.read_flow_csv(data_dir / "austria" / "at_migration_od.csv")
    austria = dominant.dominant_flows(ft.validate_flows(raw, found).table,
                                      ["AT11", "AT12", "AT13", "AT21", "AT22", "AT31", "AT32", "AT33", "AT34"])
    assert set(austria.territories["nd_root"]) == {"AT13"}  # Vienna
    assert austria.territories.loc["AT13", "nd_subordinates"] == 8
    raw, found, _ = ft.read_flow_csv(data_dir / "canada" / "ca_migration_od.csv")
    flows = ft.validate_flows(raw, found).table
    canada = dominant.dominant_flows(flows, sorted(set(flows["origin"].astype(str))))
    roots = canada.territories["nd_root"]
    assert set(roots) == {"ONT", "BC"}
    assert sorted(roots[roots == "BC"].index) == ["ALTA", "BC", "MAN", "SASK"]
    assert canada.territories.loc["SASK", "nd_level"] == 2  # Saskatchewan -> Alberta -> British Columbia


def test_roots_and_lines_for_the_processing_outputs():
    result = dominant.dominant_flows(HAND, IDS)
    assert result.n_roots == 1  # C
    assert result.lines().values.tolist() == [["A", "B", 30.0, 2], ["B", "C", 40.0, 1], ["D", "C", 5.0, 1]]
