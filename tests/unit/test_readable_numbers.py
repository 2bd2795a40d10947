"""Numbers people read (issue 18, point 9) and the rings' roles (point 6), in the pure core."""

import re

import numpy as np
import pytest
import shapely

from alliance_territories.alliance_plugin.core import degurba, growth
from alliance_territories.alliance_plugin.core.errors import InvalidValueError, readable


def test_no_minus_zero_in_explanations():
    # 0.1 + 0.2 - 0.3 leaves -5.6e-17 m2 for 2 new inhabitants: -2.8e-17 per new inhabitant
    out = growth.land_consumption([0.1 + 0.2], [0.3], [100000], [100002], 10)
    assert out.loc[0, "flag"] == "stagnating" and out.loc[0, "urb_per_new_inhabitant"] < 0
    text = out.loc[0, "explanation"]
    assert "0 m2 of built-up added per new inhabitant" in text
    assert re.search(r"(?<!\+)-0(?![.,]\d*[1-9])", text) is None  # "+-0.1 %" is the stagnation band


def test_core_errors_print_numbers_for_people():
    with pytest.raises(InvalidValueError) as caught:
        growth.growth_rings([shapely.box(0, 0, 10, 10)], np.array([1000.0, 500.0]))
    message = str(caught.value)
    assert "np.float64" not in message and "1000, 500" in message
    assert caught.value.template == "The distances must be positive and increasing; got {distances}."
    assert readable(np.float64(100.0)) == "100" and readable(-0.0) == "0" and readable(np.float32(0.25)) == "0.25"
    with pytest.raises(InvalidValueError, match=r"The density must be positive; got -2\.5\.$"):
        growth.prospective_buffer([shapely.box(0, 0, 100, 100)], 1000.0, 0.1, 1.0, density=np.float64(-2.5))


def test_rings_carry_their_role_whatever_the_labels():
    cores = [shapely.box(0, 0, 100, 100)]
    assert growth.growth_rings(cores, [10, 20, 50])["role"].tolist() == ["urban_core", "peri_urban", "peri_urban",
                                                                        "rural"]
    assert growth.growth_rings(cores, [10])["role"].tolist() == ["urban_core", "peri_urban"]
    assert growth.growth_rings(cores, [10, 20])["role"].tolist() == ["urban_core", "peri_urban", "peri_urban"]
    custom = growth.growth_rings(cores, [10, 20, 50], labels=["ville", "proche", "loin", "campagne"])
    assert custom["role"].tolist() == ["urban_core", "peri_urban", "peri_urban", "rural"]


def test_urban_cluster_population_and_share_both_include_centres():
    # one unit: 60 in a centre cell, 30 in a cluster cell, 10 rural
    out = degurba.classify_units([3, 2, 1], [60, 30, 10], ["A", "A", "A"]).loc["A"]
    assert out["pop_urban_centre"] == 60 and out["pop_urban_cluster"] == 90 and out["pop_rural"] == 10
    assert out["share_urban_clusters"] == pytest.approx(out["pop_urban_cluster"] / out["population"])
    assert out["share_urban_clusters"] == pytest.approx(0.9)


def test_converted_core_errors_keep_their_english_and_print_numpy_numbers_plainly():
    import pandas as pd

    from alliance_territories.alliance_plugin.core import flows as flow_table, regions

    with pytest.raises(InvalidValueError) as caught:
        regions.intramax(pd.DataFrame({"origin": ["a"], "destination": ["b"], "value": [1.0]}), ["a", "b"],
                         n_regions=np.float64(0.0))
    assert str(caught.value) == "The number of regions must be at least 1; it is 0."
    assert caught.value.template == "The number of regions must be at least 1; it is {n_regions}."
    raw = pd.DataFrame({"o": ["a", "b"], "d": ["b", "a"], "v": [np.float64(5.0), np.float64(-2.5)]})
    columns = flow_table.detect_flow_columns(["o", "d", "v"], origin="o", destination="d", volume="v")
    with pytest.raises(InvalidValueError) as caught:
        flow_table.validate_flows(raw, columns)
    assert caught.value.template == "{n_negative} rows have a negative volume in '{volume}' ({rows})."
    assert str(caught.value).startswith("1 rows have a negative volume in 'v' (")
    assert "np." not in str(caught.value) and caught.value.render("{n_negative} lignes") == "1 lignes"
