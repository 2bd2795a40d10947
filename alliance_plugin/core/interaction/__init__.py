"""Spatial interaction (gravity) models fitted as Poisson regressions.

The four members of Wilson's family (Wilson 1971; Fotheringham and O'Kelly
1989): unconstrained, production-, attraction- and doubly-constrained, with
power or exponential distance decay, fitted by Poisson maximum likelihood
(Flowerdew and Aitkin 1982) in the parametrisation of PySAL's spint (Oshan
2016), whose published results on the Austrian migration data they reproduce.

Modules, in the order of a fit:

- :mod:`.distances`: distances between the territories of pairs (planar, or
  geodesic on the WGS84 ellipsoid; never degrees);
- :mod:`.pairs`: the pairs modelled, read from a flow table and checked;
  zero pairs listed by :func:`complete_pairs`;
- :mod:`.families`: the model families, their masses, regressors, fixed effects
  and design matrices;
- :mod:`.estimation`: Poisson maximum likelihood, IRLS or fixed effects profiled out;
- :mod:`.statistics`: goodness of fit (pseudo R2, SRMSE, SSI, AIC...) and the
  parameter table;
- :mod:`.model`: :func:`fit_gravity` and the fitted model, :class:`GravityFit`.
"""

from .distances import WGS84, pair_distances
from .families import DECAYS, FAMILIES, family_masses
from .model import GravityFit, fit_gravity
from .pairs import complete_pairs, sum_flow_types
from .statistics import fit_statistics

__all__ = ["DECAYS", "FAMILIES", "WGS84", "GravityFit", "complete_pairs", "family_masses", "fit_gravity",
           "fit_statistics", "pair_distances", "sum_flow_types"]
