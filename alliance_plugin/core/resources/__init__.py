"""Resources and reciprocity (issue 15): what territories produce and consume, who supplies whom, and
what each class of territories provides to the others.

Modules: ``values`` (production and consumption per territory and resource, from fields or a long
table, consumption optionally population x per-capita rate; validation naming the rows),
``balance`` (net position, self-sufficiency, import dependency, local sourcing, supplier
concentration per territory and resource; summary per territory), ``resourceshed`` (the nearest
surpluses covering each deficit, foodshed-style: Peters et al. 2009, Zumkehr and Campbell 2015),
``reciprocity`` (the class x class x type account and our reciprocity index).
"""

from .balance import (BALANCE_COLUMNS, SHED_COLUMNS, SUMMARY_COLUMNS, ResourceBalance, resource_balance,
                      territory_summary)
from .reciprocity import (PROVIDER_IS_DESTINATION, Reciprocity, class_centroids, class_lines, reciprocity_account,
                          reciprocity_index)
from .resourceshed import SHED_RULES, Sheds, resource_sheds
from .values import (detect_value_columns, match_values, parse_assignments, parse_rates, parse_resource_fields,
                     validate_values, values_from_fields, values_from_long)

__all__ = ["BALANCE_COLUMNS", "PROVIDER_IS_DESTINATION", "Reciprocity", "ResourceBalance", "SHED_COLUMNS",
           "SHED_RULES", "SUMMARY_COLUMNS", "Sheds", "class_centroids", "class_lines", "detect_value_columns",
           "match_values", "parse_assignments", "parse_rates", "parse_resource_fields", "reciprocity_account",
           "reciprocity_index", "resource_balance", "resource_sheds", "territory_summary", "validate_values",
           "values_from_fields", "values_from_long"]
