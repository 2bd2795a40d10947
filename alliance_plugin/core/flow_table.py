"""Former home of the flow table: kept so that ``core.flow_table`` imports still work.

Reading, validating and matching flows now live in the package :mod:`.flows`
(:mod:`.flows.reading`, :mod:`.flows.codes`, :mod:`.flows.table`, :mod:`.flows.pairs`).
"""

from .flows import (CANONICAL_COLUMNS, COMMUTING, DEFAULT_FLOW_TYPE, CsvFormat, FlowColumns, Unmatched,
                    ValidFlows, code_order, code_rank, codes_as_categories, codes_as_text, detect_flow_columns,
                    match_territories, parse_volumes, read_flow_csv, sniff_csv, validate_flows)

__all__ = ["CANONICAL_COLUMNS", "COMMUTING", "DEFAULT_FLOW_TYPE", "CsvFormat", "FlowColumns", "Unmatched", "ValidFlows",
           "code_order", "code_rank", "codes_as_categories", "codes_as_text", "detect_flow_columns",
           "match_territories", "parse_volumes", "read_flow_csv", "sniff_csv", "validate_flows"]
