"""The report's reciprocity section: what each class of territories provides to the others (issue 15).

When alliance:reciprocity's table (class x class x flow type: ``class_a, class_b, flow_type, provided_ab,
provided_ba, share_a``) or its pairs (``class_a, class_b, reciprocity, n_types, types_a_provides,
types_b_provides``) are among the indicator layers, the report shows, per pair of classes, the types each
side provides, a bar per type of the share the first class provides (``share_a``, the rest provided by
the second class), and the pair's reciprocity index with its formula in words. Everything is read as the
algorithm wrote it (``core/resources/reciprocity.py`` computes it; this module reads and draws).
"""

import html

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from ...alliance_plugin.toolbelt.i18n import tr
from .images import png_base64

TABLE_FIELDS = ("class_a", "class_b", "flow_type", "provided_ab", "provided_ba", "share_a")
PAIR_FIELDS = ("class_a", "class_b", "reciprocity", "n_types", "types_a_provides", "types_b_provides")
#: The first class of a pair, then the second, in the bars.
COLOUR_A, COLOUR_B = "#1f78b4", "#ff7f00"
BAR_HEIGHT, ROW, LEFT = 24, 40, 150


def _value(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def _rows(layer, fields):
    positions = [layer.fields().lookupField(name) for name in fields]
    return [dict(zip(fields, (_value(f.attributes()[p]) for p in positions))) for f in layer.getFeatures()]


def _find(layers, fields):
    """The last layer of ``layers`` holding every field of ``fields``, or None."""
    found = [layer for layer in layers if isinstance(layer, QgsVectorLayer) and layer.isValid()
             and set(fields) <= set(layer.fields().names())]
    return found[-1] if found else None


def read_exchanges(layers):
    """The pairs of classes of alliance:reciprocity's outputs among ``layers``: ``[{class_a, class_b,
    reciprocity, n_types, types_a, types_b, rows: [{flow_type, provided_ab, provided_ba, share_a}]}]``
    in the pairs' order ([] when neither output is there). Without the pairs layer, the pairs are those
    of the table with class_a before class_b, their index unknown (None)."""
    table_layer, pairs_layer = _find(layers, TABLE_FIELDS), _find(layers, PAIR_FIELDS)
    if table_layer is None and pairs_layer is None:
        return []
    table = _rows(table_layer, TABLE_FIELDS) if table_layer is not None else []
    if pairs_layer is not None:
        pairs = _rows(pairs_layer, PAIR_FIELDS)
    else:
        keys = dict.fromkeys((r["class_a"], r["class_b"]) for r in table if str(r["class_a"]) < str(r["class_b"]))
        pairs = [dict(class_a=a, class_b=b, reciprocity=None, n_types=None, types_a_provides=None,
                      types_b_provides=None) for a, b in keys]
    out = []
    for pair in pairs:
        rows = [dict(flow_type=r["flow_type"], provided_ab=r["provided_ab"], provided_ba=r["provided_ba"],
                     share_a=r["share_a"]) for r in table
                if (r["class_a"], r["class_b"]) == (pair["class_a"], pair["class_b"])]
        out.append(dict(class_a=pair["class_a"], class_b=pair["class_b"], reciprocity=pair["reciprocity"],
                        n_types=pair["n_types"], types_a=pair["types_a_provides"] or "",
                        types_b=pair["types_b_provides"] or "", rows=rows))
    return out


def formula():
    """The reciprocity index in words (the help of alliance:reciprocity says the same)."""
    return tr("Reciprocity index (ours, not an official one): R = 1 - |2 x mean share - 1|, where each flow type "
              "counts once, as the share of the pair's exchanges of that type the first class provides, in the "
              "type's own unit: 100 % when, on average over the types, each side provides as much as it "
              "receives; 0 % when one side provides everything of every type.")


def share_png(pair, width=640):
    """One bar per flow type: the share the first class provides (blue), the rest the second (orange)."""
    rows = [r for r in pair["rows"] if r["share_a"] is not None]
    height = max(ROW * len(rows) + 16, 40)
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont("DejaVu Sans")
    font.setPixelSize(15)
    painter.setFont(font)
    track = width - LEFT - 10
    for i, row in enumerate(rows):
        y = 8 + i * ROW
        share = max(0.0, min(1.0, float(row["share_a"])))
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(0, y, LEFT - 8, BAR_HEIGHT), Qt.AlignmentFlag.AlignRight
                         | Qt.AlignmentFlag.AlignVCenter, str(row["flow_type"]))
        painter.fillRect(QRectF(LEFT, y, track * share, BAR_HEIGHT), QColor(COLOUR_A))
        painter.fillRect(QRectF(LEFT + track * share, y, track * (1 - share), BAR_HEIGHT), QColor(COLOUR_B))
    painter.end()
    return png_base64(image)


def _number(value):
    if value is None:
        return "-"
    value = float(value)
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.3g}"


def _percent(value):
    return "-" if value is None else f"{100 * float(value):.0f} %"


def pair_title(pair):
    return tr("{a} and {b}: reciprocity {r}").format(a=pair["class_a"], b=pair["class_b"],
                                                     r=_percent(pair["reciprocity"]))


def pair_lines(pair):
    """The pair in sentences (the PDF's text and the HTML's paragraph)."""
    lines = [tr("{a} provides: {types}").format(a=pair["class_a"], types=pair["types_a"] or "-"),
             tr("{b} provides: {types}").format(b=pair["class_b"], types=pair["types_b"] or "-")]
    for row in pair["rows"]:
        lines.append(tr("{type}: {a} provides {ab} to {b}, {b} provides {ba} to {a} ({share} by {a})").format(
            type=row["flow_type"], a=pair["class_a"], b=pair["class_b"], ab=_number(row["provided_ab"]),
            ba=_number(row["provided_ba"]), share=_percent(row["share_a"])))
    return lines


def section_html(pairs):
    """The reciprocity section of the HTML report ('' without pairs)."""
    if not pairs:
        return ""
    e = html.escape
    parts = [f"<section id='reciprocity'><h2>{e(tr('Reciprocity between classes of territories'))}</h2>"
             f"<p>{e(formula())}</p>"]
    for pair in pairs:
        a, b = str(pair["class_a"]), str(pair["class_b"])
        parts.append(f"<h3>{e(pair_title(pair))}</h3><p>{e(pair_lines(pair)[0])}<br>{e(pair_lines(pair)[1])}</p>"
                     f"<table><tr><th>{e(tr('Flow type'))}</th><th>{e(tr('{a} provides to {b}').format(a=a, b=b))}"
                     f"</th><th>{e(tr('{b} provides to {a}').format(a=a, b=b))}</th>"
                     f"<th>{e(tr('Share provided by {a}').format(a=a))}</th></tr>")
        for row in pair["rows"]:
            parts.append(f"<tr><td>{e(str(row['flow_type']))}</td><td>{e(_number(row['provided_ab']))}</td>"
                         f"<td>{e(_number(row['provided_ba']))}</td><td>{e(_percent(row['share_a']))}</td></tr>")
        parts.append("</table>")
        alt = tr("Share provided by {a} (blue) and by {b} (orange), per flow type").format(a=a, b=b)
        parts.append(f"<figure><img class='shares' alt='{e(alt)}' src='data:image/png;base64,{share_png(pair)}'>"
                     f"<figcaption>{e(alt)}</figcaption></figure>")
    parts.append("</section>")
    return "".join(parts)
