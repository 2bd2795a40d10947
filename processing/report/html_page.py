"""The HTML pages: the territorial report (one section per territory, its images inline) and the
recommendations scorecard's page (one table per territory). Every text is escaped."""

import datetime
import html

from ...alliance_plugin.core.report import NO_EVIDENCE
from ...alliance_plugin.toolbelt.i18n import tr, user_language
from ..base import help_url
from .images import rank_png
from .maps import MAP_PX, render_map
from .words import status_colours, status_label, territory_heading

try:
    from ...alliance_plugin.toolbelt.palette import STATUS_COLOURS
except ImportError:  # pragma: no cover (the palette ships with the plugin)
    STATUS_COLOURS = {"priority": "#d7301f", "watch": "#fdae61", "strong": "#1a9850", "not measurable": "#bdbdbd"}

CSS = ("body{font-family:'DejaVu Sans',sans-serif;max-width:64em;margin:auto;padding:0 1em;color:#222}"
       "h1{border-bottom:3px solid #1a9850}h2{margin-top:1.6em;border-bottom:1px solid #ccc}"
       "td,th{padding:.35em;vertical-align:top;text-align:left;border-bottom:1px solid #eee}"
       "table{border-collapse:collapse;width:100%}table.card td:first-child{width:24%}"
       ".status{display:inline-block;padding:.15em .5em;font-weight:bold;border-radius:.3em;white-space:nowrap}"
       "td{overflow-wrap:anywhere}"
       "ul{margin:0;padding-left:1.1em}.maps{display:flex;flex-wrap:wrap;gap:1em}"
       "figure{margin:.5em 0}figure.map{width:30em;max-width:100%}figure.map img{width:100%;height:auto}"
       "figcaption{font-weight:bold;margin-bottom:.3em}.legend{list-style:none;padding:0;font-size:.85em}"
       ".legend li{margin:.15em 0}.swatch{display:inline-block;width:1.4em;height:.9em;margin-right:.4em;"
       "vertical-align:top}.rank{display:block;width:300px;height:110px;margin-top:.3em}.meta{color:#555}"
       "section.territory{page-break-after:always}")


def render_report_html(pages, sources, notes, map_crs, context, exchanges=()):
    """The territorial report as one self-contained HTML page (its images inline); ``exchanges``: the pairs
    of classes of alliance:reciprocity (:func:`.reciprocity.read_exchanges`), a section of their own."""
    title = tr("Territorial report")
    colours = status_colours()
    help_link = help_url("territorialreport")
    date = datetime.date.today().isoformat()
    language = user_language() if user_language() in ("en", "fr") else "en"
    parts = [f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'>"
             f"<meta name='viewport' content='width=device-width'><title>{html.escape(title)}</title>"
             f"<style>{CSS}</style></head><body>",
             f"<h1>{html.escape(title)}</h1><p class='meta'>"
             f"{html.escape(tr('Written on {date}; {n} territories.').format(date=date, n=len(pages)))}"
             f" <a href='{html.escape(help_link)}'>{html.escape(tr('How to read this report'))}</a></p>"]
    if len(pages) > 1:
        parts.append(f"<nav><h2>{html.escape(tr('Territories'))}</h2><ul>")
        for page in pages:
            parts.append(f"<li><a href='#t-{html.escape(page['code'])}'>"
                         f"{html.escape(territory_heading(page))}</a></li>")
        parts.append("</ul></nav>")
    for page in pages:
        parts.append(f"<section class='territory' id='t-{html.escape(page['code'])}'>"
                     f"<h2>{html.escape(territory_heading(page))}</h2>")
        parts.append(f"<h3>{html.escape(tr('The 8 recommendations'))}</h3><table class='card'><tr>"
                     f"<th>{html.escape(tr('Recommendation'))}</th>"
                     f"<th>{html.escape(tr('Status'))}</th>"
                     f"<th>{html.escape(tr('What the data say'))}</th>"
                     f"<th>{html.escape(tr('Evidence'))}</th></tr>")
        for rec in page["recommendations"]:
            colour = colours.get(rec["status"], "#999999")
            text_colour = "#000" if rec["status"] in ("watch", "not measurable", NO_EVIDENCE) else "#fff"
            evidence = "".join(f"<li>{html.escape(line)}</li>" for line in rec["evidence"]) or "-"
            parts.append(f"<tr id='t-{html.escape(page['code'])}-r{rec['number']}'>"
                         f"<td><b>R{rec['number']}</b> {html.escape(rec['title'])}</td>"
                         f"<td><span class='status' style='background:{colour};color:{text_colour}'>"
                         f"{html.escape(status_label(rec['status']))}</span></td>"
                         f"<td>{html.escape(rec['sentence'])}</td><td><ul>{evidence}</ul></td></tr>")
        parts.append("</table>")
        parts.append(f"<h3>{html.escape(tr('Statuses'))}</h3><figure><img alt='"
                     f"{html.escape(tr('Number of recommendations per status'))}' width='360' height='170'"
                     f" src='data:image/png;base64,{page['chart']}'><figcaption>"
                     f"{html.escape(tr('Number of recommendations per status'))}</figcaption></figure>")
        parts.append(f"<h3>{html.escape(tr('Maps'))}</h3><div class='maps'>")
        for spec in page["maps"]:
            png = render_map(spec["layers"], spec["extent"], map_crs, context.transformContext())
            legend = "".join(legend_html(kind, colour, text) for kind, colour, text in spec["entries"])
            chart = ""
            if spec.get("values"):
                chart = (f"<img class='rank' alt='{html.escape(tr('All territories, this one in black'))}'"
                         f" width='300' height='110' src='data:image/png;base64,"
                         f"{rank_png(spec['values'], page['code'])}'>")
            parts.append(f"<figure class='map'><figcaption>{html.escape(spec['title'])}</figcaption>"
                         f"<img alt='{html.escape(spec['title'])}' width='{MAP_PX[0] // 2 * 1}' "
                         f"src='data:image/png;base64,{png}'><ul class='legend'>{legend}</ul>{chart}</figure>")
        parts.append("</div></section>")
    if exchanges:
        from .reciprocity import section_html

        parts.append(section_html(exchanges))
    parts.append(f"<section><h2>{html.escape(tr('Data sources and parameters'))}</h2><table><tr>"
                 f"<th>{html.escape(tr('Data'))}</th><th>{html.escape(tr('Layer'))}</th>"
                 f"<th>{html.escape(tr('Source'))}</th><th>{html.escape(tr('Date'))}</th>"
                 f"<th>{html.escape(tr('Fields used'))}</th>"
                 f"<th>{html.escape(tr('Parameters'))}</th></tr>")
    for row in sources:
        parts.append("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>")
    parts.append("</table></section>")
    parts.append(f"<section><h2>{html.escape(tr('Method notes'))}</h2><p>{html.escape(notes[0])}</p><ul>")
    parts += [f"<li>{html.escape(note)}</li>" for note in notes[1:]]
    parts.append(f"</ul><p><a href='{html.escape(help_link)}'>"
                 f"{html.escape(tr('The method notes of every algorithm (help shipped with the plugin)'))}"
                 f"</a></p></section></body></html>")
    return "".join(parts)


def legend_html(kind, colour, text):
    """A legend entry: a swatch (an outline, a line or a fill) and its text."""
    if kind == "outline":
        swatch = "border:2px solid #000;background:#fff"
    elif kind == "line":
        swatch = f"background:{colour};height:.25em;margin-top:.45em"
    else:
        swatch = f"background:{colour};border:1px solid #999"
    return f"<li><span class='swatch' style='{swatch}'></span>{html.escape(text)}</li>"


def render_scorecard_html(summary, recommendations, title, translate=None):
    """A self-contained HTML page: one table per territory, one row per recommendation, with the status,
    the sentences and the rule (in words, with its threshold and source)."""
    tr_ = translate or (lambda text: text)
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}td{padding:.3em;vertical-align:top}"
             ".status{color:white;font-weight:bold;border-radius:.3em;text-align:center}"
             ".rule{color:#555;font-size:85%}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>"]
    for territory, rows in summary.groupby("territory", sort=True):
        parts.append(f"<h2>{html.escape(str(territory))}</h2><table>")
        for row in rows.sort_values("recommendation").itertuples():
            colour = STATUS_COLOURS.get(row.status, "#999")
            ink = "#222" if row.status in ("watch", "not measurable") else "white"  # readable on light colours
            rules = getattr(row, "rules", "") or ""
            rule_html = (f"<br><span class='rule'>{html.escape(tr_('Rule: {rules}').format(rules=rules))}</span>"
                         if rules else "")
            parts.append(f"<tr><td>R{row.recommendation}</td><td>{html.escape(tr_(recommendations[row.recommendation]))}"
                         f"</td><td class='status' style='background:{colour};color:{ink}'>{html.escape(tr_(row.status))}</td>"
                         f"<td>{html.escape(row.sentences)}{rule_html}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
