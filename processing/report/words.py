"""How the reports name things: statuses (translated, with their colours), indicators with their units,
and the texts that come from data tables (indicator labels, class values) translated."""

from ...alliance_plugin.core.report import NO_EVIDENCE
from ...alliance_plugin.toolbelt.i18n import tr

FALLBACK_STATUS_COLOURS = {"priority": "#d7301f", "watch": "#fdae61", "strong": "#1a9850",
                           "not measurable": "#bdbdbd"}


def status_label(status):
    """The status as the reader sees it, translated."""
    return {"priority": tr("priority"), "watch": tr("watch"), "strong": tr("strong"),
            "not measurable": tr("not measurable"), NO_EVIDENCE: tr("no evidence")}.get(status, status)


def translated(text):
    """Translation of a text that comes from a data table (indicator labels and units, rule sources,
    class values): the extractor collects those from their tables, not from this call."""
    return _translate(text) if text else text


_translate = tr


def palette():
    """The plugin's palette module (alliance_plugin/toolbelt/palette.py), or None."""
    try:
        from ...alliance_plugin.toolbelt import palette as module
        return module
    except ImportError:  # pragma: no cover - the palette ships with the plugin
        return None


def status_colours():
    """{status: colour} of every status of the report, "no evidence" included."""
    module = palette()
    colours = dict(FALLBACK_STATUS_COLOURS)
    if module is not None:
        colours.update(getattr(module, "STATUS_COLOURS", {}))
    colours[NO_EVIDENCE] = "#eeeeee"
    return colours


def indicator_title(field):
    """Readable name of a field with its unit ("Main partner's share of the outflow (%)")."""
    from ...alliance_plugin.core import indicators

    spec = indicators.describe(field)
    if spec is None:
        return field
    unit = spec.get("unit") or ""
    label = translated(spec["label"])
    return f"{label} ({translated(unit)})" if unit and unit != "ratio" else label


def territory_heading(page):
    """"Name (code)", or "Territory code" for a territory without a name."""
    return f"{page['name']} ({page['code']})" if page.get("name") else tr("Territory {code}").format(
        code=page["code"])
