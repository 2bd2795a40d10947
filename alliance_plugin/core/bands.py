"""Banded thresholds: the status a value takes under a rule, and the rule's bands said in words.

A rule (see :data:`alliance_plugin.core.scorecard.RULES`, where every threshold is
given with its source: EU-OECD, OECD (2020), UN SDG 11.3.1 and 11.2.1 metadata,
Liu et al. (2010), or our own bands) holds either ``bands`` or ``categories``:

- ``bands``: ``(lower bound, status)`` pairs from the highest bound down; a value
  at or above a bound takes its status (a value exactly on a bound takes the
  status of that bound), a value under every bound takes the last status;
- ``categories``: ``{class value: status}``; a value not listed has no status.

The words are templates given by the caller (the scorecard's ``WORDS``, translated
by the glue), so this module stays free of any language.
"""

from __future__ import annotations

import math


def status_of(rule, value):
    """The status ``value`` takes under ``rule``; None for a missing value or an unlisted class.

    Examples
    --------
    >>> rule = dict(bands=((0.5, "priority"), (0.15, "watch"), (0.0, "strong")))
    >>> [status_of(rule, v) for v in (0.5, 0.4999, 0.15, 0.1499, -1.0)]
    ['priority', 'watch', 'watch', 'strong', 'strong']
    >>> status_of(rule, float("nan")) is None
    True
    >>> status_of(dict(categories={"city core": "strong"}), "outside") is None
    True
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if "categories" in rule:
        return rule["categories"].get(str(value))
    for bound, status in rule["bands"]:
        if value >= bound:
            return status
    return rule["bands"][-1][1]


def band_phrases(bands, number, words, status_word=None):
    """The bands in words, highest first: "priority at 50 % or more", "watch from 15 % to under 50 %"...

    ``number(bound)`` writes a bound; ``words`` holds the templates ``top`` ({status}, {bound}),
    ``middle`` ({status}, {lower}, {upper}) and ``bottom`` ({status}, {upper}); ``status_word(status)``
    writes a status (its translation; the status itself by default). Trailing bands at or under 0
    with the same status are said once, as the bottom band.

    Examples
    --------
    >>> words = {"top": "{status} at {bound} or more", "middle": "{status} from {lower} to under {upper}",
    ...          "bottom": "{status} under {upper}"}
    >>> band_phrases(((0.5, "priority"), (0.15, "watch"), (0.0, "strong")), str, words)
    ['priority at 0.5 or more', 'watch from 0.15 to under 0.5', 'strong under 0.15']
    >>> band_phrases(((1.0, "priority"), (0.5, "watch"), (0.0, "strong"), (float("-inf"), "strong")), str, words)
    ['priority at 1.0 or more', 'watch from 0.5 to under 1.0', 'strong under 0.5']
    """
    status_word = status_word or (lambda status: status)
    bands = list(bands)
    parts = []
    for i, (bound, status) in enumerate(bands):
        last = i == len(bands) - 1 or all(b <= 0 and s == status for b, s in bands[i:])
        if i == 0 and not last:
            parts.append(words["top"].format(status=status_word(status), bound=number(bound)))
        elif last:
            parts.append(words["bottom"].format(status=status_word(status), upper=number(bands[i - 1][0])))
            break
        else:
            parts.append(words["middle"].format(status=status_word(status), lower=number(bound),
                                                upper=number(bands[i - 1][0])))
    return parts


def localise_number(text, sample):
    """``text`` written with English separators ("1,234.5") rewritten with those of ``sample``, the
    same number as the language writes it ("1 234,5"); ``text`` unchanged for a sample of another shape.

    Examples
    --------
    >>> localise_number("1,000 m", "1 234,5"), localise_number("66.7 %", "1 234,5")
    ('1 000 m', '66,7 %')
    >>> localise_number("66.7 %", "1,234.5")
    '66.7 %'
    """
    if len(sample) != 7:
        return text
    thousands, decimal = sample[1], sample[5]
    return "".join(thousands if c == "," else decimal if c == "." else c for c in text)
