"""core/bands.py: a value on a bound takes that bound's status; the bands said in words."""

import math

from alliance_territories.alliance_plugin.core import bands

DEPENDENCY = dict(bands=((0.5, "priority"), (0.15, "watch"), (0.0, "strong")))
WORDS = {"top": "{status} at {bound} or more", "middle": "{status} from {lower} to under {upper}",
         "bottom": "{status} under {upper}"}


def test_a_value_on_a_bound_takes_its_status_and_just_under_the_next():
    cases = [(0.5, "priority"), (0.49999, "watch"), (0.15, "watch"), (0.14999, "strong"), (0.0, "strong"),
             (-5.0, "strong"), (7.0, "priority")]
    assert [bands.status_of(DEPENDENCY, v) for v, _ in cases] == [s for _, s in cases]


def test_missing_values_and_unknown_classes_have_no_status():
    assert bands.status_of(DEPENDENCY, None) is None
    assert bands.status_of(DEPENDENCY, math.nan) is None
    roles = dict(categories={"city core": "strong", "commuting zone": "watch"})
    assert bands.status_of(roles, "commuting zone") == "watch"
    assert bands.status_of(roles, "elsewhere") is None


def test_band_phrases_from_the_highest_bound_down():
    assert bands.band_phrases(DEPENDENCY["bands"], lambda b: f"{b:.0%}", WORDS) == [
        "priority at 50% or more", "watch from 15% to under 50%", "strong under 15%"]
    # a last band at minus infinity with the same status as the one above is not said twice
    ratio = ((1.0, "priority"), (0.5, "watch"), (0.0, "strong"), (-math.inf, "strong"))
    assert bands.band_phrases(ratio, str, WORDS, status_word=str.upper) == [
        "PRIORITY at 1.0 or more", "WATCH from 0.5 to under 1.0", "STRONG under 0.5"]


def test_numbers_take_the_separators_of_the_sample():
    assert bands.localise_number("1,234,567.5 m", "1\u00a0234,5") == "1\u00a0234\u00a0567,5 m"
    assert bands.localise_number("12.5 %", "1.234,5") == "12,5 %"
    assert bands.localise_number("12.5 %", "12345") == "12.5 %"  # not a sample of the expected shape
