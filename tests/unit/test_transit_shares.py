"""Shares of the population with access (core/transit/shares.py), against hand sums."""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import transit
from alliance_territories.alliance_plugin.core.errors import InvalidValueError


def test_access_shares_overall_and_by_group():
    groups = pd.DataFrame({"sex": ["f", "m", "f", "m"], "territory": ["a", "a", "b", "c"]})
    out = transit.access_shares([True, False, False, True], [10, 30, 20, 0], groups)
    table = out.set_index(["group", "value"])
    assert table.loc[("total", "all"), "share"] == pytest.approx(10 / 60)
    assert table.loc[("sex", "f"), "share"] == pytest.approx(10 / 30)
    assert table.loc[("sex", "m"), "with_access"] == 0
    assert table.loc[("territory", "a"), "share"] == pytest.approx(0.25)
    assert np.isnan(table.loc[("territory", "c"), "share"])
    assert len(out) == 1 + 2 + 3
    assert [tuple(r) for r in out[["group", "value", "population", "with_access"]].itertuples(index=False)] == [
        ("total", "all", 60, 10), ("sex", "f", 30, 10), ("sex", "m", 30, 0), ("territory", "a", 40, 10),
        ("territory", "b", 20, 0), ("territory", "c", 0, 0)]
    with pytest.raises(InvalidValueError, match="negative"):
        transit.access_shares([True], [-1])
    with pytest.raises(InvalidValueError, match="as many"):
        transit.access_shares([True, False], [1])


def test_access_table_per_territory_by_hand():
    flag = [True, False, True, True]
    pop = [10.0, 30.0, 60.0, 5.0]
    out = transit.access_table(flag, pop, {"sex": ["f", "m", "m", "f"]}, territory=["t2", "t1", "t1", None])
    rows = {(r.territory, r.group, r.value): (r.population, r.with_access) for r in out.itertuples()}
    assert rows == {("all", "total", "all"): (105.0, 75.0), ("all", "sex", "f"): (15.0, 15.0),
                    ("all", "sex", "m"): (90.0, 60.0), ("t1", "total", "all"): (90.0, 60.0),
                    ("t1", "sex", "m"): (90.0, 60.0), ("t2", "total", "all"): (10.0, 10.0),
                    ("t2", "sex", "f"): (10.0, 10.0)}
    assert out["share"].tolist() == pytest.approx([75 / 105, 1.0, 60 / 90, 60 / 90, 60 / 90, 1.0, 1.0])


def test_overall_share_in_percent():
    assert transit.overall_share([True, False, True], [10, 30, 60]) == (100.0, 70.0, pytest.approx(70.0))
    assert transit.overall_share([False, False], [0.0, 0.0]) == (0.0, 0.0, None)  # nobody: no share
    assert transit.overall_share([False], [4.0]) == (4.0, 0.0, 0.0)


def test_percent_shares_replace_the_share():
    table = transit.access_table([True, False], [1.0, 3.0])
    out = transit.percent_shares(table)
    assert list(out.columns) == ["territory", "group", "value", "population", "with_access", "share_pct"]
    assert out["share_pct"].tolist() == [25.0]


def test_territory_shares_in_the_order_of_the_codes():
    table = transit.access_table([True, False, True], [10.0, 30.0, 60.0], {"sex": ["f", "m", "m"]},
                                 territory=["t1", "t1", "t2"])
    out = transit.territory_shares(table, pd.Series(["t2", "t3", "t1"]), index=[4, 5, 6])
    assert list(out.columns) == ["population", "with_access", "transit_share"] and out.index.tolist() == [4, 5, 6]
    assert out["population"].tolist() == [60.0, 0.0, 40.0]
    assert out["with_access"].tolist() == [60.0, 0.0, 10.0]
    np.testing.assert_allclose(out["transit_share"], [1.0, np.nan, 0.25])
