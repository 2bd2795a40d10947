"""What the recommendations scorecard and the territorial report share, and the report's composition.

- :mod:`.inputs`: :class:`~.inputs.RecommendationAlgorithm`, the base of both algorithms
  (territories and indicator layers joined on the code field, read against the rules);
- :mod:`.content`: the report's pages: statuses, evidence, maps to draw, data sources, notes;
- :mod:`.maps`: the map layers, their styles, and the maps drawn as images;
- :mod:`.images`: the charts (statuses, ranks) as PNG images;
- :mod:`.html_page`: the HTML pages (the territorial report and the scorecard's);
- :mod:`.pdf`: the PDF, a print layout of fixed frames placed down A4 pages.

The numbers and statuses are decided in the core (``core/scorecard.py``, ``core/report.py``);
these modules read QGIS layers, draw, lay out and translate.
"""
