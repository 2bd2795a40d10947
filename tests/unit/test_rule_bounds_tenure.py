"""Every bound of the land-tenure rules, on the bound and on both sides of it (issue 13).

Rules (methods.md, section 6; core/tenure): a parcel is inside a constraint (growth front,
hazard, protected land) when the share of its area covered is positive and at least
``min_share`` (0 by default: any overlap; the Processing parameter MIN_SHARE, in %); the
SDG 1.4.2 spatial proxies are shares of parcels, of parcel area and of population with
documented rights, and the share of a constraint's parcel area under informal, customary or
unknown tenure. Expected values are worked out by hand in the comments.
"""

import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core import tenure

PARCEL = shapely.box(0, 0, 10, 10)  # 100 m2


def _flags(zone_left, **options):
    # One informal parcel and one growth zone covering it from x = zone_left: share (10 - left) / 10.
    overlay = tenure.overlay_areas([PARCEL], [shapely.box(zone_left, 0, 30, 10)], parcel_ids=["p"],
                                   zone_classes=["growth"])
    table = pd.DataFrame({"tenure": ["informal"]}, index=["p"])
    return tenure.tenure_flags(table, overlay, growth="growth", **options).loc["p"]


@pytest.mark.parametrize("left, inside", [
    (5.0, True),     # share 0.5: at the minimum (>=)
    (5.1, False),    # 0.49
    (4.9, True),     # 0.51
])
def test_min_share_is_inclusive(left, inside):
    row = _flags(left, min_share=0.5)
    assert row["share_growth"] == pytest.approx((10 - left) / 10)
    assert bool(row["flag_insecure_growth"]) is inside


@pytest.mark.parametrize("left, inside", [
    (9.9, True),     # 1 % of the parcel: any overlap counts by default
    (10.0, False),   # touching along an edge: share 0, not inside
])
def test_default_min_share_is_any_overlap(left, inside):
    assert bool(_flags(left)["flag_insecure_growth"]) is inside


def test_proxies_by_hand():
    # Three parcels of 100 m2: documented (pop 10), informal (pop 30), customary (pop 60).
    # A growth zone covers the informal parcel whole and half of the documented one.
    parcels = [shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10), shapely.box(20, 0, 30, 10)]
    overlay = tenure.overlay_areas(parcels, [shapely.box(5, 0, 20, 10)], parcel_ids=[1, 2, 3],
                                   zone_classes=["growth"])
    table = pd.DataFrame({"tenure": ["documented", "informal", "customary"], "pop": [10.0, 30.0, 60.0]},
                         index=[1, 2, 3])
    row = tenure.tenure_summary(table, overlay, population="pop", growth="growth").proxies.iloc[0]
    assert row["proxy_parcels_documented"] == pytest.approx(1 / 3)
    assert row["proxy_area_documented"] == pytest.approx(100 / 300)
    assert row["proxy_population_documented"] == pytest.approx(10 / 100)
    # Growth front: 50 m2 documented + 100 m2 informal = 150 m2, of which 100 insecure.
    assert row["growth_area"] == pytest.approx(150.0)
    assert row["proxy_growth_insecure"] == pytest.approx(100 / 150)


@pytest.mark.parametrize("raw, cls", [
    ("Titre foncier", "documented"), ("leasehold", "documented"), ("COUTUMIER", "customary"),
    ("squatter", "informal"), ("domaine public", "public"), (None, "unknown"), ("zeppelin", "unknown"),
])
def test_tenure_classes_and_which_are_insecure(raw, cls):
    classes, _ = tenure.tenure_classes([raw])
    assert classes.tolist() == [cls]
    assert (cls in tenure.INSECURE) is (cls in ("informal", "customary", "unknown"))


@pytest.mark.parametrize("left, options, inside", [
    (5.0, dict(min_share=0.5), 1), (5.1, dict(min_share=0.5), 0),   # 0.5 counts (>=), 0.49 does not
    (9.9, dict(), 1),                                                # default: any overlap (1 %) counts
])
def test_summary_counts_parcels_inside_from_min_share(left, options, inside):
    overlay = tenure.overlay_areas([PARCEL], [shapely.box(left, 0, 30, 10)], parcel_ids=["p"],
                                   zone_classes=["growth"])
    table = pd.DataFrame({"tenure": ["informal"]}, index=["p"])
    cross = tenure.tenure_summary(table, overlay, growth="growth", **options).crosstab
    row = cross[cross["constraint"] == "growth"].iloc[0]
    assert row["parcels"] == inside
    assert row["area"] == pytest.approx(10.0 * (10 - left))  # the covered area counts whatever the share
