"""SDG 11.3.1 against an independent formula, and real populations (France 2019-2023, Canada
1966-1971) with built-up areas that are constructed, as documented in each test."""

import math
import sqlite3

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core.errors import InvalidValueError
from alliance_territories.alliance_plugin.core.growth import sdg11_3_1 as growth

# --- SDG 11.3.1 --------------------------------------------------------------------------------------

def independent_sdg(u0, u1, p0, p1, y):
    lcr = math.log(u1 / u0) / y
    pgr = math.log(p1 / p0) / y
    return lcr, pgr, lcr / pgr


def numeric_values(frame):
    return frame.select_dtypes("number").to_numpy(dtype=float)


def test_sdg_formula_against_an_independent_computation():
    u0, u1 = [1.2e6, 3.0e5, 8.0e5], [1.5e6, 3.3e5, 8.1e5]
    p0, p1 = [10000, 2500, 4000], [11000, 2900, 4300]
    out = growth.land_consumption(pd.Series(u0, index=["a", "b", "c"]), u1, p0, p1, 5)
    for i, code in enumerate(["a", "b", "c"]):
        lcr, pgr, ratio = independent_sdg(u0[i], u1[i], p0[i], p1[i], 5)
        row = out.loc[code]
        assert row["lcr"] == pytest.approx(lcr, rel=1e-12) and row["pgr"] == pytest.approx(pgr, rel=1e-12)
        assert row["lcrpgr"] == pytest.approx(ratio, rel=1e-12) and row["flag"] == "ok"
        assert row["urb_per_capita_t0"] == pytest.approx(u0[i] / p0[i])
        assert row["urb_per_capita_t1"] == pytest.approx(u1[i] / p1[i])
        assert row["urb_per_new_inhabitant"] == pytest.approx((u1[i] - u0[i]) / (p1[i] - p0[i]))
        assert row["explanation"] == ""
    assert out.attrs["params"]["stagnation"] == 0.001


def test_stagnating_falling_and_zero_populations_are_flagged_never_infinite():
    out = growth.land_consumption(
        urb_t0=[1e6, 1e6, 1e6, 0.0, 1e6, 1e6, np.nan, 1e6],
        urb_t1=[1.1e6, 1.1e6, 1.1e6, 5e4, 1.1e6, 1.1e6, 1e6, 1.1e6],
        pop_t0=[5000, 5000, 5000, 100, 0, 5000, 100, 5000],
        pop_t1=[5000, 5010, 4000, 120, 50, 0, 120, 6000], years=10)
    assert out["flag"].tolist() == ["stagnating", "stagnating", "declining", "no_built_up", "no_population",
                                    "no_population", "missing", "ok"]
    values = numeric_values(out)
    assert not np.isinf(values).any()
    assert out["lcrpgr"].iloc[:7].isna().all() and np.isfinite(out["lcrpgr"].iloc[7])
    assert out.loc[0, "pgr"] == 0.0 and np.isnan(out.loc[0, "urb_per_new_inhabitant"])
    assert out.loc[1, "urb_per_new_inhabitant"] == pytest.approx(1e5 / 10)  # the added area per new inhabitant
    assert "hardly changed" in out.loc[1, "explanation"]
    assert "10,000 m2 of built-up added per new inhabitant" in out.loc[1, "explanation"]
    assert "fell from 5,000 to 4,000" in out.loc[2, "explanation"]
    assert out.loc[2, "urb_per_capita_t1"] == pytest.approx(1.1e6 / 4000)
    assert "first date" in out.loc[3, "explanation"] and "second date" in out.loc[5, "explanation"]
    assert (out.loc[out["flag"] != "ok", "explanation"] != "").all()


def test_stagnation_threshold_is_a_parameter():
    args = ([1e6], [1.1e6], [5000], [5010], 10)  # PGR = 0.02 % a year
    assert growth.land_consumption(*args)["flag"].item() == "stagnating"
    assert growth.land_consumption(*args, stagnation=0.0001)["flag"].item() == "ok"


def test_area_units_and_refusals():
    out = growth.land_consumption([2.0], [3.0], [1000], [1500], 4, area_unit="km2")
    assert out.loc[0, "urb_per_capita_t0"] == pytest.approx(2000.0)  # m2 per inhabitant
    assert out.loc[0, "urb_per_new_inhabitant"] == pytest.approx(2000.0)
    with pytest.raises(InvalidValueError):
        growth.land_consumption([-1.0], [3.0], [1000], [1500], 4)
    with pytest.raises(InvalidValueError):
        growth.land_consumption([1.0], [3.0], [1000], [1500], 0)
    with pytest.raises(InvalidValueError):
        growth.land_consumption([1.0], [3.0], [1000], [1500], 4, area_unit="acre")


def test_french_communes_2019_2023(data_dir):
    """Real populations (INSEE legal populations 2019 and 2023, Creuse and Corse-du-Sud).

    The built-up areas are CONSTRUCTED, not observed: 450 m2 per inhabitant of 2019, growing by
    0.4 % a year compounded over the four years, so LCR = ln(1.004) everywhere.
    """
    table = pd.read_csv(data_dir / "france_population" / "communes_23_2A_population_2019_2023.csv",
                        dtype={"code": str, "departement": str})
    table = table.set_index("code")
    urb19 = 450.0 * table["pop2019"]
    urb23 = urb19 * 1.004 ** 4
    out = growth.land_consumption(urb19, urb23, table["pop2019"], table["pop2023"], 4)
    assert out.index.tolist() == table.index.tolist() and "2A004" in out.index and "23001" in out.index
    assert not np.isinf(numeric_values(out)).any()
    for code in table.index:
        p0, p1 = table.loc[code, ["pop2019", "pop2023"]]
        assert out.loc[code, "pgr"] == pytest.approx(math.log(p1 / p0) / 4, rel=1e-12, abs=1e-15)
    assert out["lcr"].to_numpy() == pytest.approx(math.log(1.004))
    pgr = np.log(table["pop2023"] / table["pop2019"]) / 4
    assert (out["flag"] == "declining").sum() == (pgr <= -0.001).sum()
    assert (out["flag"] == "stagnating").sum() == (pgr.abs() < 0.001).sum() >= 13  # 13 communes unchanged
    ajaccio = out.loc["2A004"]
    assert ajaccio["flag"] == "ok" and ajaccio["pgr"] == pytest.approx(math.log(76320 / 71361) / 4)
    assert ajaccio["lcrpgr"] == pytest.approx(math.log(1.004) / (math.log(76320 / 71361) / 4))
    ahun = out.loc["23001"]  # 1,410 -> 1,394
    assert ahun["flag"] == "declining" and np.isnan(ahun["lcrpgr"])
    assert "fell from 1,410 to 1,394" in ahun["explanation"]
    # Departements: Creuse shrinks (flagged), Corse-du-Sud grows.
    dep = table.groupby("departement")[["pop2019", "pop2023"]].sum()
    by_dep = growth.land_consumption(450.0 * dep["pop2019"], 450.0 * dep["pop2019"] * 1.004 ** 4,
                                     dep["pop2019"], dep["pop2023"], 4)
    assert by_dep.loc["23", "flag"] == "declining" and by_dep.loc["2A", "flag"] == "ok"


def test_canada_1966_1971_new_brunswick_seems_to_shrink(data_dir):
    """Real populations (census 1966 and 1971); New Brunswick's 1971 figure is a known typo of the
    source (534,557 for 634,557) and Saskatchewan really shrank. The built-up areas are
    CONSTRUCTED: 300 m2 per inhabitant of 1966, plus 2 % a year compounded."""
    with sqlite3.connect(f"file:{data_dir / 'canada' / 'ca_provinces.gpkg'}?mode=ro", uri=True) as connection:
        table = pd.read_sql("SELECT code, pop1966, pop1971 FROM provinces", connection).set_index("code")
    urb66 = 300.0 * table["pop1966"].astype(float)
    out = growth.land_consumption(urb66, urb66 * 1.02 ** 5, table["pop1966"], table["pop1971"], 5)
    flagged = out.index[out["flag"] != "ok"].tolist()
    assert sorted(flagged) == ["NB", "SASK"] and (out.loc[flagged, "flag"] == "declining").all()
    assert "fell from 616,788 to 534,557" in out.loc["NB", "explanation"]
    assert out.loc["NB", "pgr"] == pytest.approx(math.log(534557 / 616788) / 5)
    assert not np.isinf(numeric_values(out)).any() and out.loc[flagged, "lcrpgr"].isna().all()
    ont = out.loc["ONT"]
    assert ont["lcrpgr"] == pytest.approx(math.log(1.02) / (math.log(7703106 / 6960870) / 5))


def test_whole_area_sums_the_territories_then_applies_the_formula():
    out = growth.land_consumption([100.0, 100.0, np.nan], [121.0, 110.0, np.nan], [1000, 1000, np.nan],
                                  [1100, 990, np.nan], 10)
    whole = growth.whole_area(out, 10)
    assert whole["urb_t0"] == 200.0 and whole["pop_t1"] == 2090.0 and whole["flag"] == "ok"
    assert whole["lcrpgr"] == pytest.approx(math.log(231 / 200) / math.log(2090 / 2000))
    nothing = growth.land_consumption([np.nan], [np.nan], [np.nan], [np.nan], 5)
    assert growth.whole_area(nothing, 5)["flag"] == "missing"
