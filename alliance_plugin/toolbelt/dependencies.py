"""Which Python libraries the plugin needs, whether they work, and how to say what is missing.

A library is judged by what the plugin does with it, never by its version
string alone: Debian sid ships shapely 2.x with ``__version__ == "0+unknown"``.
Each library has a small *probe* of the features the code uses (a function, a
keyword, a behaviour) and, for some, a *sanity check* (shapely's WKB round trip
inside QGIS). The outcome is one :class:`Status` per library:

- ``present``: imports, the probe passes;
- ``missing``: not installed;
- ``too old``: imports, but a feature the plugin uses is not there (the version
  string, when it can be read, only serves the message);
- ``broken``: installed but the import raised, or the sanity check failed.

Probing imports the library, so results are cached per process; :func:`refresh`
forgets them (the *Check dependencies* dialog's *Check again*). Nothing here
imports a heavy library at module load, nor QGIS: the plugin must load, and
QGIS must start, whatever is missing. Messages go through Qt's translation when
Qt is there.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import threading
from dataclasses import dataclass

from . import install

PRESENT, MISSING, TOO_OLD, BROKEN = "present", "missing", "too old", "broken"
CONTEXT = "AllianceOfTerritories"


def tr(text):
    """Qt's translation when Qt is importable (in QGIS), the English text otherwise."""
    try:
        from qgis.PyQt.QtCore import QCoreApplication
    except ImportError:
        return text
    return QCoreApplication.translate(CONTEXT, text)


class _Sanity(Exception):
    """A sanity check failed: the library imports but does not work (``broken``)."""


# ------------------------------------------------------------------ probes
# A probe takes the imported module and runs the features the plugin uses on
# tiny inputs. It returns a list of (feature, callable): the first callable that
# raises (or returns False) names the missing feature.

def _numpy_probe(np):
    return [
        ("numpy.quantile(method=...)", lambda: np.quantile(np.arange(5.0), 0.5, method="linear") == 2.0),
        ("numpy.bincount(weights, minlength)", lambda: np.bincount(np.array([0, 2]), weights=np.array([1.0, 2.0]),
                                                                   minlength=4).tolist() == [1.0, 0.0, 2.0, 0.0]),
        ("numpy.unique(return_inverse, return_counts)",
         lambda: len(np.unique(np.array([2, 1, 2]), return_inverse=True, return_counts=True)) == 3),
    ]


def _pandas_probe(pd):
    frame = pd.DataFrame({"k": ["a", "a", None], "v": [1.0, 2.0, 3.0]})
    return [
        ("pandas.factorize(use_na_sentinel=...)",
         lambda: pd.factorize(frame["k"], use_na_sentinel=True)[0].tolist() == [0, 0, -1]),
        ("DataFrame.groupby(dropna=False).agg(name=(column, function))",
         lambda: frame.groupby("k", dropna=False, sort=True).agg(total=("v", "sum"))["total"].tolist() == [3.0, 3.0]),
        ("pandas.api.types.infer_dtype", lambda: pd.api.types.infer_dtype(frame["k"], skipna=True) == "string"),
    ]


def _shapely_probe(shapely):
    import numpy as np

    square = shapely.box(0, 0, 2, 2)
    bowtie = shapely.from_wkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
    return [
        ("shapely.from_wkb", lambda: shapely.from_wkb(shapely.to_wkb(square)).equals(square)),
        ("shapely.from_wkb(on_invalid='fix')",
         lambda: shapely.from_wkb([shapely.to_wkb(square)], on_invalid="fix")[0] is not None),
        ("shapely.make_valid", lambda: bool(shapely.is_valid(shapely.make_valid(bowtie)))),
        ("shapely.area on an array", lambda: shapely.area(np.array([square, square], dtype=object)).tolist()
         == [4.0, 4.0]),
        ("STRtree.query(predicate='dwithin')",
         lambda: shapely.STRtree([square]).query(shapely.points([[3, 1]]), predicate="dwithin",
                                                 distance=1.5).shape == (2, 1)),
    ]


def _shapely_sanity(shapely):
    """shapely wheels bundle a GEOS; inside QGIS the system GEOS can shadow it and break WKB."""
    if not all(hasattr(shapely, f) for f in ("Point", "from_wkb", "to_wkb")):
        return  # shapely 1.x: the probe says it is too old
    point = shapely.Point(1.5, 2.0)
    try:
        same = shapely.from_wkb(shapely.to_wkb(point)).equals(point)
    except Exception as exc:  # a clashing GEOS raises anything
        raise _Sanity(str(exc)) from exc
    if not same:
        raise _Sanity(tr("a WKB round trip changed the geometry"))


def _scipy_probe(scipy):
    import numpy as np

    def sparse_graph():
        from scipy.sparse import coo_matrix, csgraph

        graph = coo_matrix((np.ones(2), ([0, 1], [1, 2])), shape=(4, 4)).tocsr()
        count = csgraph.connected_components(graph, directed=False)[0]
        distance = csgraph.dijkstra(graph, directed=False, indices=[0], limit=5.0, min_only=True)
        return count == 2 and distance.tolist() == [0.0, 1.0, 2.0, np.inf]

    def spatial():
        from scipy.spatial import cKDTree

        return cKDTree(np.array([[0.0, 0.0], [3.0, 4.0]])).query([[3.0, 4.0]], k=1)[0][0] == 0.0

    def images():
        from scipy import ndimage, signal

        mask = np.array([[1, 0, 1]], dtype=bool)
        return ndimage.label(mask)[1] == 2 and signal.fftconvolve(np.ones(3), np.ones(1), mode="same").size == 3

    def statistics():
        from scipy.linalg import cho_solve
        from scipy.special import erfc, gammaln, xlogy

        return (float(xlogy(0.0, 0.0)) == 0.0 and abs(float(gammaln(3.0)) - np.log(2.0)) < 1e-12
                and float(erfc(0.0)) == 1.0 and cho_solve((np.eye(2), True), np.ones(2)).tolist() == [1.0, 1.0])

    return [("scipy.sparse.csgraph (connected_components, dijkstra(min_only))", sparse_graph),
            ("scipy.spatial.cKDTree", spatial), ("scipy.ndimage, scipy.signal.fftconvolve", images),
            ("scipy.linalg.cho_solve, scipy.special", statistics)]


def _networkx_probe(nx):
    graph = nx.Graph([(0, 1), (1, 2), (3, 4)])
    directed = nx.DiGraph([(0, 1), (1, 2), (2, 0)])
    return [
        ("networkx.community.louvain_communities", lambda: len(nx.community.louvain_communities(graph, seed=1)) >= 2),
        ("networkx.pagerank", lambda: len(nx.pagerank(directed)) == 3),
        ("networkx.betweenness_centrality_subset",
         lambda: len(nx.betweenness_centrality_subset(directed, sources=[0], targets=[2])) == 3),
    ]


def _geopandas_probe(gpd):
    import shapely

    def frame():
        table = gpd.GeoDataFrame({"a": [1]}, geometry=gpd.GeoSeries([shapely.Point(0, 0)]),
                                 crs="EPSG:4326")
        return table.crs is not None and len(table.geometry) == 1

    return [("geopandas.GeoDataFrame(geometry=GeoSeries, crs=...)", frame),
            ("GeoDataFrame.sjoin", lambda: callable(gpd.GeoDataFrame.sjoin))]


def _parameters(function):
    import inspect

    return set(inspect.signature(function).parameters)


def _pyogrio_probe(pyogrio):
    import pyogrio.raw

    return [("pyogrio.raw.read(return_fids=...)", lambda: "return_fids" in _parameters(pyogrio.raw.read)),
            ("pyogrio.write_dataframe(promote_to_multi=...)",
             lambda: "promote_to_multi" in _parameters(pyogrio.write_dataframe))]


def _pyogrio_sanity(pyogrio):
    try:
        drivers = pyogrio.list_drivers()
    except Exception as exc:
        raise _Sanity(str(exc)) from exc
    if "GPKG" not in drivers:
        raise _Sanity(tr("its GDAL cannot write GeoPackages"))


def _igraph_probe(igraph):
    graph = igraph.Graph(n=4, edges=[[0, 1], [2, 3]])
    return [("igraph.Graph.community_multilevel(resolution=...)",
             lambda: len(graph.community_multilevel(weights=[1.0, 1.0], resolution=1.0).membership) == 4),
            ("igraph.Graph.community_leiden(objective_function='modularity')",
             lambda: len(graph.community_leiden(objective_function="modularity", weights=[1.0, 1.0],
                                                resolution=1.0, n_iterations=2).membership) == 4),
            ("igraph.set_random_number_generator", lambda: callable(igraph.set_random_number_generator))]


def _dask_probe(dask):
    def dataframe():
        import dask.dataframe  # noqa: F401 (dask[dataframe] also needs pandas and pyarrow)

        return True

    return [("dask.delayed", lambda: dask.delayed(sum)([1, 2]).compute() == 3), ("dask.dataframe", dataframe)]


def _distributed_probe(distributed):
    return [("distributed.Client, distributed.LocalCluster",
             lambda: callable(distributed.Client) and callable(distributed.LocalCluster))]


def _dask_geopandas_probe(dask_geopandas):
    return [("dask_geopandas.from_geopandas", lambda: callable(dask_geopandas.from_geopandas)),
            ("GeoDataFrame.spatial_shuffle", lambda: callable(dask_geopandas.GeoDataFrame.spatial_shuffle))]


@dataclass(frozen=True)
class Library:
    name: str  #: import name
    minimum: str  #: the lowest version known to pass the probe (for messages and pip pins)
    probe: object
    sanity: object = None
    group: str = "required"  #: required (some algorithm needs it), optional (faster or more methods), batch


LIBRARIES = {library.name: library for library in (
    Library("numpy", "1.22", _numpy_probe),
    Library("pandas", "1.5", _pandas_probe),
    Library("shapely", "2.1", _shapely_probe, _shapely_sanity),
    Library("scipy", "1.9", _scipy_probe),
    Library("networkx", "3.0", _networkx_probe),
    Library("geopandas", "0.14", _geopandas_probe, group="optional"),
    Library("pyogrio", "0.7", _pyogrio_probe, _pyogrio_sanity, group="optional"),
    Library("igraph", "0.10", _igraph_probe, group="optional"),
    Library("dask", "2023.1", _dask_probe, group="batch"),
    Library("distributed", "2023.1", _distributed_probe, group="batch"),
    Library("dask_geopandas", "0.3", _dask_geopandas_probe, group="batch"),
)}

#: Lowest usable version of each library (messages and pip pins; the probes decide).
MINIMUM = {name: library.minimum for name, library in LIBRARIES.items()}

#: Lighter names an algorithm's ``REQUIRES`` may give: ``library:part`` is the library probed without the
#: features only other algorithms use (their checks are not run, so their modules are not imported).
#: ``scipy:core`` is scipy without scipy.ndimage and scipy.signal, which only DEGURBA and the urban extent
#: use: importing scipy.signal costs about 0.4 s at every start of qgis_process. Its :class:`Status` is
#: named after the library (messages, install commands).
PARTS = {"scipy:core": ("scipy", ("scipy.ndimage, scipy.signal.fftconvolve",))}


def library_of(name):
    """The library a ``REQUIRES`` name stands for (``scipy`` for ``scipy:core``)."""
    return PARTS[name][0] if name in PARTS else name


@dataclass(frozen=True)
class Status:
    """The state of one library on this machine."""

    name: str
    state: str  #: PRESENT, MISSING, TOO_OLD or BROKEN
    version: str = ""  #: ``__version__`` as the library reports it ("" when unknown)
    feature: str = ""  #: TOO_OLD: the feature that failed
    error: str = ""  #: MISSING/BROKEN/TOO_OLD: what was raised

    @property
    def ok(self):
        return self.state == PRESENT

    @property
    def minimum(self):
        return MINIMUM.get(self.name, "")

    @property
    def version_known(self):
        """The version string is parseable (``2.1.0``; not ``0+unknown`` nor empty)."""
        return bool(re.match(r"^\d+\.\d+", self.version or "")) and not self.version.startswith("0+")

    def reason(self):
        """One readable sentence; empty when the library is present."""
        if self.state == MISSING:
            return tr("{name} >= {minimum} is not installed ({error})").format(
                name=self.name, minimum=self.minimum, error=self.error)
        if self.state == TOO_OLD:
            if self.version_known:
                return tr("{name} {version} is too old: {minimum} or newer is needed ({feature} failed: {error})")\
                    .format(name=self.name, version=self.version, minimum=self.minimum, feature=self.feature,
                            error=self.error)
            return tr("{name} lacks a feature the plugin uses: {minimum} or newer is needed ({feature} failed: "
                      "{error})").format(name=self.name, minimum=self.minimum, feature=self.feature,
                                         error=self.error)
        if self.state == BROKEN:
            if self.name == "shapely" and self.feature == "sanity":
                return tr("shapely {version} does not work inside QGIS ({error}): its wheel bundles a GEOS "
                          "library that clashes with QGIS's; install it built against the system GEOS: "
                          "python3 -m pip install --no-binary shapely shapely").format(
                              version=self.version, error=self.error)
            return tr("{name} is installed but does not work ({error})").format(name=self.name, error=self.error)
        return ""


def _error(exc):
    return f"{type(exc).__name__}: {exc}"


def _not_installed(name, exc):
    """The import failed because the library itself is absent (not a dependency of it, not a binary)."""
    if not isinstance(exc, ImportError):
        return False
    if getattr(exc, "name", None) == name or str(exc) == f"No module named '{name}'":
        return True
    try:
        return importlib.util.find_spec(name) is None
    except (ImportError, ValueError):
        return True


def probe(name):
    """Import ``name`` and run its probe and sanity check: a fresh :class:`Status` (no cache).

    ``name`` may be a part (:data:`PARTS`): the library's checks but the left-out ones.
    """
    name, skipped = PARTS.get(name, (name, ()))
    library = LIBRARIES[name]
    try:
        module = importlib.import_module(name)
    except Exception as exc:  # ImportError, or a broken binary raising anything
        return Status(name, MISSING if _not_installed(name, exc) else BROKEN, error=_error(exc))
    version = str(getattr(module, "__version__", "") or "")
    if library.sanity is not None and name == "shapely":
        try:  # first: a clashing GEOS makes every feature look absent
            library.sanity(module)
        except _Sanity as exc:
            return Status(name, BROKEN, version, "sanity", str(exc))
    try:
        checks = library.probe(module)
    except (AttributeError, TypeError) as exc:  # the functions it builds its inputs with are missing
        return Status(name, TOO_OLD, version, tr("the {name} API").format(name=name), _error(exc))
    except Exception as exc:
        return Status(name, BROKEN, version, error=_error(exc))
    for feature, check in checks:
        if feature in skipped:
            continue
        try:
            passed = check()
        except (AttributeError, TypeError, ValueError, NotImplementedError) as exc:
            # no such function, keyword or option value (shapely 2.0: on_invalid="fix")
            return Status(name, TOO_OLD, version, feature, _error(exc))
        except Exception as exc:  # a library it needs is missing, or it fails at run time
            return Status(name, BROKEN, version, feature, _error(exc))
        if not passed:
            return Status(name, TOO_OLD, version, feature, tr("wrong result"))
    if library.sanity is not None and name != "shapely":
        try:
            library.sanity(module)
        except _Sanity as exc:
            return Status(name, BROKEN, version, "sanity", str(exc))
    return Status(name, PRESENT, version)


_cache = {}
_lock = threading.RLock()


def status(name):
    """The cached :class:`Status` of ``name`` (probed on first use in this process)."""
    with _lock:
        if name not in _cache:
            _cache[name] = probe(name)
        return _cache[name]


def statuses(names=None):
    """Statuses of ``names`` (all known libraries by default), in that order."""
    return [status(name) for name in (names or LIBRARIES)]


def refresh():
    """Forget the cached results: the next call probes again (after an installation)."""
    with _lock:
        _cache.clear()
        importlib.invalidate_caches()  # a library installed since the last look is found


def problems(names):
    """One readable line per missing, too old or broken library among ``names``."""
    return [s.reason() for s in statuses(names) if not s.ok]


def install_hint(names, platform=None):
    """The command(s) that install the unusable libraries among ``names`` on this machine, one a line.

    With every library usable, the command for all ``names`` (what a user would
    run on a fresh machine).
    """
    found = statuses(names)
    wanted = [s for s in found if not s.ok] or found
    return install.command_text(commands_for(wanted, platform))


def commands_for(found, platform=None):
    """:class:`install.InstallCommand` list for the :class:`Status` list ``found``."""
    platform = platform or install.detect()
    return install.install_commands([s.name for s in found], platform,
                                    too_old=[s.name for s in found if s.state == TOO_OLD], minimum=MINIMUM)
