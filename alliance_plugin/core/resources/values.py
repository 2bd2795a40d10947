"""Production and consumption of resources per territory: the long table every balance starts from.

A resource (food, water, energy, materials, waste treatment...) is measured per
territory by its **production** (what the territory produces or can supply) and
its **consumption** (what it uses), in one unit per resource (t, m3, MWh...),
stated by the user and carried into every output (``unit``).

The values come either from fields of the territories layer, named per
resource (``"food: prod_food / cons_food, water: prod_water / cons_water"``,
:func:`parse_resource_fields`, :func:`values_from_fields`) or from a long table
with one row per territory and resource (:func:`values_from_long`). Consumption
may be derived from a population and a per-capita rate per resource
(``"food=0.5, water=55"``: consumption = population x rate), the way foodshed
studies estimate demand (Peters et al. 2009, Zumkehr and Campbell 2015): when a
resource has no consumption field or column, its rate is used.

Validation (:func:`validate_values`) refuses, naming the rows (territory code
and resource): a missing or non-numeric production or consumption, a negative
one, a territory and resource given twice, two units for one resource. Rows of
the long table whose territory is not a territory are left out and counted,
never silently.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import FieldNotFoundError, InvalidValueError, first_labels
from ..flows.codes import codes_as_text, parse_volumes

#: The columns of the long table of values, in this order.
VALUE_COLUMNS = ("territory", "resource", "unit", "production", "consumption")


def parse_assignments(text):
    """``"food=0.5, water=55"`` as ``{"food": "0.5", "water": "55"}`` (``:`` also separates).

    Examples
    --------
    >>> parse_assignments("food=0.5, water = 55; energy: MWh")
    {'food': '0.5', 'water': '55', 'energy': 'MWh'}
    >>> parse_assignments("")
    {}
    """
    found = {}
    for part in re.split(r"[,;\n]", text or ""):
        if not part.strip():
            continue
        name, sep, value = re.split(r"([=:])", part, maxsplit=1) if re.search(r"[=:]", part) else (part, "", "")
        if not sep or not name.strip() or not value.strip():
            raise InvalidValueError("'{part}' is not of the form resource=value (for example food=0.5).",
                                    part=part.strip())
        found[name.strip()] = value.strip()
    return found


def parse_rates(text):
    """Per-capita rates ``"food=0.5, water=55"`` as numbers; a rate that is not a non-negative number is refused.

    Examples
    --------
    >>> parse_rates("food=0.5, water=55")
    {'food': 0.5, 'water': 55.0}
    """
    rates = {}
    for name, value in parse_assignments(text).items():
        number = parse_volumes(pd.Series([value])).iloc[0]
        if not np.isfinite(number) or number < 0:
            raise InvalidValueError("The per-capita rate of '{resource}' is '{value}': expected a number, zero or "
                                    "more.", resource=name, value=value)
        rates[name] = float(number)
    return rates


def parse_resource_fields(text):
    """``"food: prod_food / cons_food, water: prod_water"`` as ``{resource: (production field, consumption field
    or None)}``, in the order given.

    Examples
    --------
    >>> parse_resource_fields("food: prod_food / cons_food, water: prod_water")
    {'food': ('prod_food', 'cons_food'), 'water': ('prod_water', None)}
    """
    fields = {}
    for name, value in parse_assignments(text).items():
        production, _, consumption = value.partition("/")
        if not production.strip():
            raise InvalidValueError("The resource '{resource}' has no production field: write "
                                    "resource: production field / consumption field.", resource=name)
        fields[name] = (production.strip(), consumption.strip() or None)
    return fields


def _consumption(resource, given, population, rates, territories):
    """The consumption column as given, else population x the resource's per-capita rate."""
    if given is not None:
        return parse_volumes(given).to_numpy()
    if resource not in rates:
        raise InvalidValueError("The resource '{resource}' has no consumption: give its consumption field or "
                                "column, or a population field and a per-capita rate ({resource}=...).",
                                resource=resource)
    if population is None:
        raise InvalidValueError("The consumption of '{resource}' is derived from a per-capita rate, but no "
                                "population field was given.", resource=resource)
    people = parse_volumes(pd.Series(population, copy=False)).to_numpy()
    bad = ~np.isfinite(people) | (people < 0)
    if bad.any():
        raise InvalidValueError("{n} territories have a missing or negative population, needed for the "
                                "consumption of '{resource}' ({rows}).", n=int(bad.sum()), resource=resource,
                                rows=first_labels(np.asarray(territories, dtype=object)[bad]))
    return people * rates[resource]


def values_from_fields(table, mapping, *, population=None, rates=None, units=None):
    """The long table of values from fields of the territories (``table``: one row per territory, indexed by
    code; ``mapping``: :func:`parse_resource_fields`; ``population``: a column aligned with ``table``).

    Examples
    --------
    >>> t = pd.DataFrame({"pf": [10.0, 0.0], "cf": [5.0, 8.0], "pop": [10, 20]}, index=["A", "B"])
    >>> v = values_from_fields(t, {"food": ("pf", "cf"), "water": ("pf", None)}, population=t["pop"],
    ...                        rates={"water": 2.0}, units={"food": "t"})
    >>> v[["territory", "resource", "unit", "production", "consumption"]].values.tolist()
    [['A', 'food', 't', 10.0, 5.0], ['A', 'water', None, 10.0, 20.0], ['B', 'food', 't', 0.0, 8.0], \
['B', 'water', None, 0.0, 40.0]]
    """
    rates, units = rates or {}, units or {}
    parts = []
    for resource, (production, consumption) in mapping.items():
        for name in (production, consumption):
            if name is not None and name not in table.columns:
                raise FieldNotFoundError("The field '{field}' of the resource '{resource}' is not in the "
                                         "territories; their fields are {fields}.", field=name, resource=resource,
                                         fields=first_labels(list(table.columns), 12))
        parts.append(pd.DataFrame({
            "territory": table.index.to_numpy(dtype=object), "resource": resource, "unit": units.get(resource),
            "production": parse_volumes(table[production]).to_numpy(),
            "consumption": _consumption(resource, None if consumption is None else table[consumption],
                                        population, rates, table.index)}))
    values = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(VALUE_COLUMNS))
    order = {r: i for i, r in enumerate(mapping)}
    values = values.assign(_t=np.tile(np.arange(len(table)), len(mapping)) if mapping else [],
                           _r=values["resource"].map(order))
    return validate_values(values.sort_values(["_t", "_r"], kind="stable").drop(columns=["_t", "_r"]))


def values_from_long(table, *, territory, resource, production, consumption=None, unit=None, population=None,
                     rates=None, units=None):
    """The long table of values from a table with one row per territory and resource.

    ``territory``, ``resource``, ``production``, ``consumption`` and ``unit`` name its columns
    (``consumption`` None: population x rate; ``unit`` None: the ``units`` given per resource).
    ``population``: a Series territory code -> population, for derived consumptions. Row labels
    of ``table`` (CSV lines, feature ids) are kept as the index.
    """
    rates, units = rates or {}, units or {}
    for name in (territory, resource, production, consumption, unit):
        if name is not None and name not in table.columns:
            raise FieldNotFoundError("The column '{field}' is not in the table of values; its columns are "
                                     "{fields}.", field=name, fields=first_labels(list(table.columns), 12))
    codes = codes_as_text(table[territory])
    kinds = codes_as_text(table[resource])
    missing = codes.isna() | kinds.isna()
    if missing.any():
        raise InvalidValueError("{n} rows of the table of values have no territory code or no resource ({rows}).",
                                n=int(missing.sum()), rows=first_labels(table.index[missing.to_numpy()]))
    values = pd.DataFrame({"territory": codes.to_numpy(dtype=object), "resource": kinds.to_numpy(dtype=object),
                           "unit": None, "production": parse_volumes(table[production]).to_numpy(),
                           "consumption": np.nan}, index=table.index)
    if unit is not None:
        values["unit"] = codes_as_text(table[unit]).to_numpy(dtype=object)
    given_units = values["unit"].where(values["unit"].notna(), values["resource"].map(units))
    values["unit"] = given_units.where(given_units.notna(), None)
    if consumption is not None:
        values["consumption"] = parse_volumes(table[consumption]).to_numpy()
    for kind in pd.unique(values["resource"]):
        rows = (values["resource"] == kind).to_numpy()
        if consumption is None or (kind in rates and values["consumption"][rows].isna().all()):
            people = None if population is None else population.reindex(values["territory"][rows]).to_numpy()
            values.loc[rows, "consumption"] = _consumption(kind, None, people, rates,
                                                           values["territory"][rows].to_numpy())
    return validate_values(values)


_COLUMN_NAMES = {
    "territory": ("territory", "code", "id", "codgeo", "commune", "territoire"),
    "resource": ("resource", "ressource", "flow_type", "type", "kind"),
    "production": ("production", "prod", "supply", "produced"),
    "consumption": ("consumption", "conso", "cons", "consommation", "demand", "use"),
    "unit": ("unit", "unite", "unité", "units"),
}


def detect_value_columns(columns, **given):
    """The columns of a long table of values: names given win, the others recognised case aside
    (``territory``/``code``, ``resource``/``type``, ``production``, ``consumption``, ``unit``); consumption
    and unit may be absent (None).

    Examples
    --------
    >>> detect_value_columns(["CODE", "Resource", "Production", "unit"])
    {'territory': 'CODE', 'resource': 'Resource', 'production': 'Production', 'consumption': None, 'unit': 'unit'}
    """
    lowered = {str(c).strip().lower(): c for c in columns}
    found = {}
    for role, names in _COLUMN_NAMES.items():
        found[role] = given.get(role) or next((lowered[n] for n in names if n in lowered), None)
    for role in ("territory", "resource", "production"):
        if found[role] is None:
            raise FieldNotFoundError("No column for '{role}' found among the columns {columns} of the table of "
                                     "values; name it in its field parameter.", role=role,
                                     columns=first_labels(list(columns), 12))
    return found


def names_where(mask, names):
    """Per row of the boolean matrix ``mask`` (rows x names), the ``names`` where it is True, comma-separated
    ("" for none); vectorised over the names, not the rows.

    Examples
    --------
    >>> names_where(np.array([[True, False, True], [False, False, False]]), ["a", "b", "c"]).tolist()
    ['a,c', '']
    """
    mask = np.asarray(mask, dtype=bool).reshape(-1, len(names))
    out = np.full(len(mask), "", dtype=object)
    for column, name in enumerate(names):
        on = mask[:, column]
        out[on] = np.where(out[on] == "", str(name), out[on] + "," + str(name))
    return out


def row_labels(values, rows):
    """``"territory (resource)"`` labels of the rows ``rows`` (a boolean mask) of a values table."""
    return [f"{t} ({r})" for t, r in zip(values["territory"][rows], values["resource"][rows])]


def validate_values(values):
    """The values checked (see the module): numbers, not negative, each territory and resource once, one unit
    per resource; errors name the rows as ``territory (resource)``.

    Examples
    --------
    >>> bad = pd.DataFrame({"territory": ["A", "B"], "resource": "food", "unit": "t",
    ...                     "production": [1.0, -2.0], "consumption": [1.0, 1.0]})
    >>> try:
    ...     validate_values(bad)
    ... except InvalidValueError as error:
    ...     print(error)
    1 rows have a negative production: B (food).
    """
    values = values[list(VALUE_COLUMNS)].copy()
    for column in ("production", "consumption"):
        numbers = values[column].to_numpy(dtype=float)
        bad = ~np.isfinite(numbers)
        if bad.any():
            if column == "production":
                raise InvalidValueError("{n} rows have a missing or non-numeric production: {rows}.",
                                        n=int(bad.sum()), rows=first_labels(row_labels(values, bad)))
            raise InvalidValueError("{n} rows have a missing or non-numeric consumption: {rows}.",
                                    n=int(bad.sum()), rows=first_labels(row_labels(values, bad)))
        negative = numbers < 0
        if negative.any():
            if column == "production":
                raise InvalidValueError("{n} rows have a negative production: {rows}.",
                                        n=int(negative.sum()), rows=first_labels(row_labels(values, negative)))
            raise InvalidValueError("{n} rows have a negative consumption: {rows}.",
                                    n=int(negative.sum()), rows=first_labels(row_labels(values, negative)))
        values[column] = numbers
    repeated = values.duplicated(["territory", "resource"], keep=False).to_numpy()
    if repeated.any():
        raise InvalidValueError("{n} rows give the same territory and resource twice: {rows}.",
                                n=int(repeated.sum()), rows=first_labels(dict.fromkeys(row_labels(values, repeated))))
    stated = values.dropna(subset=["unit"])
    units = stated.groupby("resource", sort=True)["unit"].unique()
    several = units[units.map(len) > 1]
    if len(several):
        raise InvalidValueError("The resource '{resource}' is given in several units ({units}): one unit per "
                                "resource.", resource=several.index[0], units=first_labels(several.iloc[0]))
    unit_of = units.map(lambda u: u[0])
    values["unit"] = values["resource"].map(unit_of).astype(object)
    values["unit"] = values["unit"].where(values["unit"].notna(), None)
    return values.reset_index(drop=True)


def match_values(values, territory_ids):
    """The values of known territories and the number of rows left out (codes that are not territories)."""
    known = values["territory"].isin(pd.Index(territory_ids)).to_numpy()
    return values[known].reset_index(drop=True), int((~known).sum()), sorted(set(values["territory"][~known]))
