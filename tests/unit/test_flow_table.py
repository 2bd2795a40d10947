"""Reading and validating flow tables: the shapes French and international users have."""

import pandas as pd
import pytest


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_insee_mobpro_semicolon_cp1252_decimal_comma(core, tmp_path):
    text = ("CODGEO;LIBGEO;DCLT;L_DCLT;NBFLUX_C20_ACTOCC15P\n"
            "01004;Ambérieu-en-Bugey;01004;Ambérieu-en-Bugey;2715,5\n"
            "01004;Ambérieu-en-Bugey;69123;Lyon;310,25\n"
            "2A004;Ajaccio;2A004;Ajaccio;20000\n"
            "38185;Saint-Martin-d'Hères;38421;Grenoble;1 204,0\n")
    path = write(tmp_path / "mobpro.csv", text, "cp1252")
    raw, columns, fmt = core.flows.read_flow_csv(path)
    assert (fmt.encoding, fmt.delimiter) == ("cp1252", ";")
    assert columns.insee_commuting and columns.volume == "NBFLUX_C20_ACTOCC15P"
    valid = core.flows.validate_flows(raw, columns, default_type="commuting")
    table = valid.table
    assert table["origin"].tolist() == ["01004", "01004", "2A004", "38185"]
    assert table["value"].tolist() == [2715.5, 310.25, 20000.0, 1204.0]
    assert set(table["flow_type"]) == {"commuting"}


def test_utf8_bom_comma_and_insee_detail_summed(core, tmp_path):
    text = "\ufeffCOMMUNE,DCLT,IPONDI\n01004,69123,1.2\n01004,69123,0.8\n01004,01004,3\n"
    path = write(tmp_path / "detail.csv", text)
    raw, columns, fmt = core.flows.read_flow_csv(path)
    assert fmt.encoding == "utf-8-sig" and columns.origin == "COMMUNE" and columns.insee_commuting
    valid = core.flows.validate_flows(raw, columns)
    assert valid.duplicate_rows == 1
    assert "line 3" in valid.warnings[0]  # the repeated row is named by its line number
    assert valid.table.set_index("destination")["value"].to_dict() == pytest.approx({"69123": 2.0, "01004": 3.0})


def test_tab_delimited_with_type(core, tmp_path):
    path = write(tmp_path / "flows.txt", "from\tto\tvalue\ttype\nA\tB\t1\tfood\nA\tB\t2\twater\n")
    raw, columns, _ = core.flows.read_flow_csv(path)
    assert columns.flow_type == "type"
    valid = core.flows.validate_flows(raw, columns, keep_types=["water"])
    assert valid.table["value"].tolist() == [2.0] and valid.rows_of_other_types == 1


def test_missing_and_negative_volumes_name_the_rows(core, tmp_path):
    path = write(tmp_path / "bad.csv", "o;d;v\nA;B;1\nA;C;\nB;C;x\n")
    raw, columns, _ = core.flows.read_flow_csv(path, origin="o", destination="d", volume="v")
    with pytest.raises(core.errors.InvalidValueError, match=r"2 rows .*line 3, 4"):
        core.flows.validate_flows(raw, columns)
    path = write(tmp_path / "neg.csv", "o;d;v\nA;B;1\nA;C;-4\n")
    raw, columns, _ = core.flows.read_flow_csv(path, origin="o", destination="d", volume="v")
    with pytest.raises(core.errors.InvalidValueError, match=r"negative .*line 3"):
        core.flows.validate_flows(raw, columns)


def test_missing_codes_are_refused(core):
    raw = pd.DataFrame({"o": ["A", None], "d": ["B", "B"], "v": [1, 2]},
                       index=pd.Index([10, 11], name="feature id"))
    with pytest.raises(core.errors.InvalidValueError, match="no origin code.*feature id 11"):
        core.flows.validate_flows(raw, core.flows.FlowColumns("o", "d", "v"))


def test_empty_inputs(core, tmp_path):
    with pytest.raises(core.errors.EmptyInputError):
        core.flows.read_flow_csv(write(tmp_path / "empty.csv", ""))
    with pytest.raises(core.errors.EmptyInputError, match="no rows"):
        core.flows.read_flow_csv(write(tmp_path / "header.csv", "origin,destination,flow\n"))
    with pytest.raises(core.errors.EmptyInputError):
        core.flows.validate_flows(pd.DataFrame({"o": [], "d": [], "v": []}),
                                       core.flows.FlowColumns("o", "d", "v"))


def test_minimum_volume_and_unknown_type(core):
    raw = pd.DataFrame({"o": ["A", "A"], "d": ["B", "C"], "v": [1.0, 50.0], "t": ["food", "food"]})
    columns = core.flows.FlowColumns("o", "d", "v", "t")
    valid = core.flows.validate_flows(raw, columns, min_volume=10)
    assert valid.rows_below_minimum == 1 and len(valid.table) == 1
    with pytest.raises(core.errors.InvalidValueError, match="types are food"):
        core.flows.validate_flows(raw, columns, keep_types=["energy"])
    with pytest.raises(core.errors.EmptyInputError, match="minimum volume"):
        core.flows.validate_flows(raw, columns, min_volume=100)


def test_field_detection_errors(core):
    with pytest.raises(core.errors.FieldNotFoundError, match="No volume field"):
        core.flows.detect_flow_columns(["origin", "destination", "foo"])
    with pytest.raises(core.errors.FieldNotFoundError, match="'vol' is not in the table"):
        core.flows.detect_flow_columns(["origin", "destination", "foo"], volume="vol")


def test_codes_from_numeric_fields(core):
    codes = core.flows.codes_as_text(pd.Series([1004.0, 75056.0, None]))
    assert codes.tolist()[:2] == ["1004", "75056"] and pd.isna(codes.iloc[2])
    assert core.flows.codes_as_text(pd.Series([7, 8])).tolist() == ["7", "8"]


def test_match_territories_reports_unknown_codes(core):
    flows = pd.DataFrame({"origin": ["01004", "1004", "01004", "99999"],
                          "destination": ["01004", "01004", "99999", "99999"],
                          "flow_type": "flow", "value": [10.0, 5.0, 7.0, 1.0]})
    kept, unmatched = core.flows.match_territories(flows, ["01004", "01005"])
    assert kept["value"].tolist() == [10.0]
    assert (unmatched.rows, unmatched.volume) == (3, 13.0)
    assert unmatched.codes == ["99999", "1004"]  # by decreasing volume
    assert "leading zero" in unmatched.message()


def test_decimal_volumes_from_a_layer(core):
    assert core.flows.parse_volumes(pd.Series([1, 2.5, None])).tolist()[:2] == [1.0, 2.5]


def test_extra_numeric_columns_are_carried(core, tmp_path):
    path = write(tmp_path / "f.csv", "o;d;v;km\nA;B;1;12,5\nA;B;2;12,5\nB;A;3;9\n")
    raw, columns, _ = core.flows.read_flow_csv(path, origin="o", destination="d", volume="v", extra=["km"])
    table = core.flows.validate_flows(raw, columns, extra=["km"]).table
    assert table[["value", "km"]].values.tolist() == [[3.0, 12.5], [3.0, 9.0]]
    with pytest.raises(core.errors.FieldNotFoundError, match="'dist'"):
        core.flows.read_flow_csv(path, origin="o", destination="d", volume="v", extra=["dist"])


# ---------------------------------------------------------------- the structure every flow algorithm takes

def test_flow_table_is_validated_once_and_says_what_it_refuses():
    from alliance_territories.alliance_plugin.core.errors import EmptyInputError, InvalidValueError
    from alliance_territories.alliance_plugin.core.flows import FlowTable

    flows = pd.DataFrame({"origin": ["A", "B"], "destination": ["B", "B"], "flow_type": "flow", "value": [3.0, 2.0]})
    with pytest.raises(InvalidValueError, match="unique; repeated: A"):
        FlowTable(flows, ["A", "A", "B"])
    with pytest.raises(InvalidValueError, match="1 flow codes are not territories \\(B\\).*match_territories"):
        FlowTable(flows, ["A"])
    with pytest.raises(InvalidValueError, match="missing: value"):
        FlowTable(flows.drop(columns="value"), ["A", "B"])
    with pytest.raises(InvalidValueError, match="negative volume"):
        FlowTable(flows.assign(value=[3.0, -1.0]), ["A", "B"])
    with pytest.raises(InvalidValueError, match="missing or non-numeric volume"):
        FlowTable(flows.assign(value=[3.0, float("nan")]), ["A", "B"])
    with pytest.raises(EmptyInputError):
        FlowTable(flows.iloc[:0], [], allow_empty=False)
    with pytest.raises(InvalidValueError, match="'water' is not in the table; its types are flow"):
        FlowTable(flows, ["A", "B"]).of_type("water")


def test_flow_table_positions_pairs_and_code_order():
    from alliance_territories.alliance_plugin.core.flows import FlowTable, ratio

    flows = pd.DataFrame({"origin": ["A", "A", "B", "A"], "destination": ["A", "B", "A", "B"],
                          "flow_type": ["work", "work", "food", "food"], "value": [5.0, 3.0, 2.0, 0.0]})
    table = FlowTable(flows, ["B", "A"])
    assert FlowTable.of(table, ["B", "A"]) is table and FlowTable.of(table) is table
    assert table.types == ["food", "work"] and table.total_volume == 10.0
    pairs = table.pairs()
    assert (pairs.outflow.tolist(), pairs.inflow.tolist(), pairs.internal.tolist()) == ([2.0, 8.0], [3.0, 7.0],
                                                                                         [0.0, 5.0])
    assert pairs.reverse().tolist() == [3.0, 2.0, 5.0] and pairs.has_internal
    by_code = table.in_code_order()
    assert by_code.ids.tolist() == ["A", "B"] and by_code.origin.tolist() == [0, 0, 1, 0]
    # The rows with a positive volume: all but the food row A->B of 0 (ids B, A: A is position 1, B 0).
    positive = table.positive()
    assert (positive.origin.tolist(), positive.destination.tolist(), positive.value.tolist()) == (
        [1, 1, 0], [1, 0, 1], [5.0, 3.0, 2.0])
    work = table.of_type("work")  # A->A 5 and A->B 3
    assert (work.origin.tolist(), work.destination.tolist(), work.value.tolist(), work.kind.tolist()) == (
        [1, 1], [1, 0], [5.0, 3.0], ["work", "work"])
    assert set(table.as_one_type("total").frame["flow_type"]) == {"total"}
    assert ratio([1.0, 1.0], [0.0, 2.0]).tolist()[1] == 0.5
