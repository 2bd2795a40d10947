"""Tenure classes: raw tenure values of a parcel layer mapped to five classes (methods.md, section 6).

:func:`tenure_classes` maps each raw value to ``documented, customary,
informal, public, unknown``, matched whole after :func:`normalize_tenure`
(case, accents and punctuation do not matter), first against the user's
mapping, then against :data:`DEFAULT_MAPPING` (English, French, Spanish and
Portuguese terms for titles, leases, customary and informal occupation,
public land). NULL or empty values are ``unknown``; unmatched values are
``unknown`` and reported.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels

CLASSES = ("documented", "customary", "informal", "public", "unknown")
INSECURE = ("informal", "customary", "unknown")

_DEFAULTS = {
    "documented": (
        "documented", "titled", "title", "title deed", "registered", "registered title", "freehold",
        "leasehold", "lease", "deed", "formal", "private property", "ownership", "certificate of occupancy",
        "propriete", "propriete privee", "proprietaire", "titre", "titre foncier", "titre de propriete",
        "immatricule", "bail", "bail emphyteotique", "certificat foncier", "livret foncier",
        "propiedad", "propiedad privada", "titulado", "titulo", "registrado", "escritura",
        "propriedade", "titulada"),
    "customary": (
        "customary", "customary land", "customary tenure", "traditional", "tribal", "coutumier",
        "coutumiere", "droit coutumier", "foncier coutumier", "terre coutumiere", "consuetudinario"),
    "informal": (
        "informal", "informal settlement", "informal occupation", "squatter", "squatting", "squat",
        "occupation informelle", "informel", "informelle", "sans titre", "occupant sans titre",
        "occupation precaire", "precaire", "irregular", "illegal", "unregistered", "untitled", "no title",
        "unauthorised", "unauthorized", "encroachment", "slum", "bidonville", "asentamiento informal"),
    "public": (
        "public", "public land", "state", "state land", "government", "crown", "crown land", "municipal",
        "commune", "domaine public", "domaine de l etat", "domaine prive de l etat", "etat", "domanial",
        "domaine national", "collectivite", "collectivite territoriale", "municipalite", "publico",
        "estatal", "dominio publico", "federal"),
    "unknown": ("unknown", "inconnu", "inconnue", "n a", "na", "nd", "none", "null", "unspecified",
                "not known", "non renseigne", "indetermine"),
}
DEFAULT_MAPPING = {raw: cls for cls, raws in _DEFAULTS.items() for raw in raws}


def normalize_tenure(value):
    """The key a raw tenure value is matched on: no accents, case-folded, words only.

    Examples
    --------
    >>> normalize_tenure("  Titre-Foncier ")
    'titre foncier'
    >>> normalize_tenure("Propriété privée"), normalize_tenure(None)
    ('propriete privee', '')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def tenure_classes(values, mapping=None, *, defaults=True):
    """Map raw tenure values to ``documented, customary, informal, public, unknown``.

    Values are matched whole, after :func:`normalize_tenure` (case, accents and
    punctuation do not matter), first against ``mapping`` then against the
    defaults (:data:`DEFAULT_MAPPING`: titled, registered, freehold, leasehold,
    propriété, titre foncier -> documented; customary, coutumier -> customary;
    informal, squatter, occupation informelle -> informal; state, public,
    domaine public, commune -> public). NULL and empty values are ``unknown``
    and not reported; any other value that matches nothing is ``unknown`` and
    reported.

    Parameters
    ----------
    values : sequence or pandas.Series
        The raw tenure value of each parcel.
    mapping : dict, optional
        Raw value -> class; it takes precedence over the defaults.
    defaults : bool
        False uses ``mapping`` alone.

    Returns
    -------
    (pandas.Series, pandas.DataFrame)
        The class of each value (aligned on ``values``' index if a Series),
        and the unmapped values with their ``count``, most frequent first;
        ``unmapped.attrs["missing"]`` counts the NULL or empty values.

    Raises
    ------
    InvalidValueError
        A mapping target is not one of the five classes.

    Examples
    --------
    >>> classes, unmapped = tenure_classes(["Titre foncier", "COUTUMIER", None, "bail?", "x", "x"])
    >>> classes.tolist()
    ['documented', 'customary', 'unknown', 'documented', 'unknown', 'unknown']
    >>> unmapped.values.tolist(), unmapped.attrs["missing"]
    ([['x', 2]], 1)
    """
    mapping = dict(mapping or {})
    wrong = sorted({str(c) for c in mapping.values() if c not in CLASSES})
    if wrong:
        raise InvalidValueError("Tenure classes must be one of {classes}; the mapping gives {wrong}.",
                                classes=', '.join(CLASSES), wrong=first_labels(wrong))
    lookup = dict(DEFAULT_MAPPING) if defaults else {}
    lookup.update({normalize_tenure(raw): cls for raw, cls in mapping.items()})
    index = values.index if isinstance(values, pd.Series) else None
    raw = pd.Series(values, dtype=object).to_numpy()
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    keys = [normalize_tenure(u) for u in uniques]
    found = np.array([lookup.get(k, "unknown") for k in keys] + ["unknown"], dtype=object)
    classes = pd.Series(found[codes], index=index, dtype=object, name="tenure")
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    unmapped = [i for i, k in enumerate(keys) if k and k not in lookup]
    report = pd.DataFrame({"value": pd.Series([uniques[i] for i in unmapped], dtype=object),
                           "count": counts[unmapped].astype(np.int64)})
    report = report.sort_values(["count"], ascending=False, kind="stable").reset_index(drop=True)
    empty = [i for i, k in enumerate(keys) if not k]
    report.attrs["missing"] = int((codes < 0).sum() + counts[empty].sum())
    return classes, report
