"""Origin-destination flows: reading, validating and matching them to territories.

- :mod:`.reading`: the columns of a flow file recognised, CSV files read (encoding,
  delimiter, decimal comma);
- :mod:`.codes`: codes as text, volumes as numbers, the code order that breaks every tie;
- :mod:`.table`: the canonical table (what a row means, what validation refuses and why),
  and the flows matched to the territories;
- :mod:`.pairs`: :class:`FlowTable`, the structure every flow algorithm takes (the flows
  on a territory index, validated once), and :class:`FlowPairs`, the flows summed per pair
  with outflows, inflows, internal flows and each origin's partners.
"""

from .codes import code_order, code_rank, codes_as_categories, codes_as_text, parse_volumes
from .pairs import FlowPairs, FlowTable, positions, ratio, territory_index
from .reading import CsvFormat, FlowColumns, detect_flow_columns, read_flow_csv, sniff_csv
from .table import (CANONICAL_COLUMNS, COMMUTING, DEFAULT_FLOW_TYPE, Unmatched, ValidFlows, match_territories,
                    validate_flows)

__all__ = [
    "CANONICAL_COLUMNS", "COMMUTING", "DEFAULT_FLOW_TYPE", "CsvFormat", "FlowColumns", "FlowPairs", "FlowTable",
    "Unmatched", "ValidFlows", "code_order", "code_rank", "codes_as_categories", "codes_as_text",
    "detect_flow_columns", "match_territories", "parse_volumes", "positions", "ratio", "read_flow_csv",
    "sniff_csv", "territory_index", "validate_flows",
]
