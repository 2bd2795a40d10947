"""Dependency checks probe features, never trust a version string alone (no QGIS needed)."""

import types

import pytest


@pytest.fixture()
def deps(monkeypatch):
    from alliance_territories.alliance_plugin.toolbelt import dependencies

    monkeypatch.setattr(dependencies, "_cache", {})
    return dependencies


def fake_import(monkeypatch, deps, name, result):
    real = deps.importlib.import_module

    def importer(module, *args):
        if module == name:
            if isinstance(result, BaseException):
                raise result
            return result
        return real(module, *args)

    monkeypatch.setattr(deps.importlib, "import_module", importer)


def test_shapely_with_an_unparseable_version_is_present(deps, monkeypatch):
    import shapely

    monkeypatch.setattr(shapely, "__version__", "0+unknown")
    found = deps.status("shapely")
    assert found.state == deps.PRESENT and found.version == "0+unknown"
    assert deps.problems(["shapely"]) == []


def test_a_missing_feature_is_too_old_with_the_version_when_readable(deps, monkeypatch):
    fake = types.SimpleNamespace(__version__="1.8.5")
    fake_import(monkeypatch, deps, "shapely", fake)
    found = deps.status("shapely")
    assert found.state == deps.TOO_OLD
    assert found.reason().startswith("shapely 1.8.5 is too old: 2.1 or newer is needed")


def test_too_old_without_a_readable_version(deps, monkeypatch):
    import pandas as pd

    fake = types.SimpleNamespace(__version__="0+unknown", DataFrame=pd.DataFrame, api=pd.api,
                                 factorize=lambda values, sort=False: pd.factorize(values))  # no use_na_sentinel
    fake_import(monkeypatch, deps, "pandas", fake)
    found = deps.status("pandas")
    assert found.state == deps.TOO_OLD and "use_na_sentinel" in found.feature
    assert "0+unknown" not in found.reason() and "1.5 or newer is needed" in found.reason()


def test_not_installed_and_broken_imports(deps, monkeypatch):
    fake_import(monkeypatch, deps, "networkx", ModuleNotFoundError("No module named 'networkx'", name="networkx"))
    assert deps.status("networkx").state == deps.MISSING
    assert deps.problems(["networkx"])[0].startswith("networkx >= 3.0 is not installed")
    fake_import(monkeypatch, deps, "scipy", ImportError("libgfortran.so.5: cannot open shared object file",
                                                          name="scipy.linalg._fblas"))
    assert deps.status("scipy").state == deps.BROKEN
    fake_import(monkeypatch, deps, "geopandas", ModuleNotFoundError("No module named 'pyproj'", name="pyproj"))
    broken = deps.status("geopandas")
    assert broken.state == deps.BROKEN and "pyproj" in broken.reason()


def test_a_failing_sanity_check_is_broken(deps, monkeypatch):
    import shapely

    fake = types.SimpleNamespace(**{k: getattr(shapely, k) for k in dir(shapely) if not k.startswith("__")})
    fake.__version__ = "2.2.0"
    fake.from_wkb = lambda wkb, **kwargs: shapely.Point(0, 0)  # a clashing GEOS: the round trip changes it
    fake_import(monkeypatch, deps, "shapely", fake)
    found = deps.status("shapely")
    assert found.state == deps.BROKEN and "does not work inside QGIS" in found.reason()


def test_results_are_cached_until_refresh(deps, monkeypatch):
    assert deps.status("numpy").ok
    fake_import(monkeypatch, deps, "numpy", ModuleNotFoundError("No module named 'numpy'", name="numpy"))
    assert deps.status("numpy").ok  # cached
    deps.refresh()
    assert deps.status("numpy").state == deps.MISSING


def test_a_part_leaves_out_the_features_other_algorithms_use(deps, monkeypatch):
    """``scipy:core`` (the access algorithms) does not run the scipy.signal check that ``scipy`` (DEGURBA) runs."""
    from scipy import signal

    monkeypatch.delattr(signal, "fftconvolve")
    full, core = deps.status("scipy"), deps.status("scipy:core")
    assert full.state == deps.TOO_OLD and "scipy.signal" in full.feature
    assert core.state == deps.PRESENT and core.name == "scipy" and deps.library_of("scipy:core") == "scipy"
    assert deps.problems(["numpy", "scipy:core"]) == [] and deps.problems(["scipy"]) == [full.reason()]
    assert "scipy" in deps.install_hint(["scipy:core"])
