"""The one percent-or-fraction rule (core/units.py), on its bound and beside it."""

import numpy as np
import pandas as pd

from alliance_territories.alliance_plugin.core.units import as_fractions


def test_a_maximum_of_exactly_one_is_fractions():
    shares, percent = as_fractions([0.0, 1.0, 0.25])
    assert not percent and shares.tolist() == [0.0, 1.0, 0.25]


def test_just_above_one_is_percentages():
    shares, percent = as_fractions([1.0000001, 50.0])
    assert percent and np.allclose(shares, [0.010000001, 0.5])


def test_missing_values_are_ignored_and_kept():
    shares, percent = as_fractions(pd.Series([np.nan, 40.0, None], dtype=float))
    assert percent and np.isnan(shares[0]) and shares[1] == 0.4 and np.isnan(shares[2])


def test_all_missing_or_empty_is_fractions():
    assert as_fractions([np.nan, np.nan])[1] is False
    assert as_fractions([])[0].size == 0


def test_input_is_not_modified():
    values = np.array([10.0, 20.0])
    as_fractions(values)
    assert values.tolist() == [10.0, 20.0]
