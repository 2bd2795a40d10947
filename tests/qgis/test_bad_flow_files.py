"""Flow files as users really have them when something is wrong: one clear line naming the file and what to fix.

Issue 13, point 4: an unterminated quote gave a raw pandas traceback, a 0-byte or blank CSV was
"not found" although it exists, and volumes of 1e308 made TOTAL_VOLUME infinite with no word.
"""

import pytest
from qgis.core import QgsProcessingException

CASES = {
    # line 1 is the header; the quote opened on line 3 is never closed
    "quote": ('origin,destination,volume\nAT11,AT12,10\n"AT12,AT13,20\nAT13,AT11,5\n',
              ["quote.csv cannot be read as a table near line 3", "check the quotes"]),
    "empty": ("", ["The flow file", "empty.csv is empty"]),
    "blank": ("   \n\n", ["blank.csv is empty"]),
    # 3 x 1e308 overflows a double (max 1.8e308): the sum would be infinite
    "huge": ("origin,destination,volume\nAT11,AT12,1e308\nAT12,AT11,1e308\nAT13,AT11,1e308\n",
             ["add up to more than a number can hold", "1e+308", "check the unit"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_flow_file_gives_one_clear_message(run_alg, data_dir, tmp_path, case):
    text, expected = CASES[case]
    path = tmp_path / f"{case}.csv"
    path.write_text(text)
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("alliance:flowdependencies", {
            "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(path), "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    message = str(caught.value)
    assert "Traceback" not in message and "not found" not in message, message
    for part in expected:
        assert part in message, message


def test_a_large_but_finite_total_still_runs(run_alg, data_dir, tmp_path):
    path = tmp_path / "large.csv"
    path.write_text("origin,destination,volume\nAT11,AT12,1e300\nAT12,AT11,2e300\n")
    results, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2", "FLOWS": str(path),
        "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    assert results["TOTAL_VOLUME"] == pytest.approx(3e300)
