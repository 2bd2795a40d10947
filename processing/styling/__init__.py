"""Styles, names and order of our output layers once QGIS loads them.

- :mod:`.names`: distinct layer names of the outputs, legend labels, legend titles (translated);
- :mod:`.renderers`: the renderers of our result fields (categories with the palette's fixed
  colours, graduated shares and ratios with readable bounds, arrows for flow lines);
- :mod:`.plan`: which style a layer gets from its fields (:func:`style_plan`) and
  :func:`apply_style` (renderer, legend title, labels on small layers);
- :mod:`.order`: :func:`order_layers`, points above lines above polygons;
- :mod:`.postprocess`: :class:`StylePostProcessor` and :func:`register_outputs`, which every
  algorithm calls so that every output QGIS loads is named, styled and ordered.
"""

from .names import field_titles, layer_names, legend_title, value_labels
from .order import order_layers
from .plan import LABEL_MAX_FEATURES, UNLABELLED_FIELDS, add_labels, apply_style, label_field, style_plan
from .postprocess import StylePostProcessor, register_outputs, style_on_load
from .renderers import (
    categories_renderer,
    dated_renderer,
    graduated_renderer,
    lines_renderer,
    renderer_for,
    roles_renderer,
    territories_renderer,
)

__all__ = ["LABEL_MAX_FEATURES", "UNLABELLED_FIELDS", "StylePostProcessor", "add_labels", "apply_style",
           "categories_renderer", "dated_renderer", "field_titles", "graduated_renderer", "label_field",
           "layer_names", "legend_title", "lines_renderer", "order_layers", "register_outputs", "renderer_for",
           "roles_renderer", "style_on_load", "style_plan", "territories_renderer", "value_labels"]
