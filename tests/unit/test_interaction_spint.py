"""Gravity models fitted end to end (core.interaction.model): spint's published values.

Parameters and fitted values (estimation), fit statistics (statistics) and the options of
fit_gravity (model), on spint's Austrian data. The other test_interaction_*.py files test each
module on hand-made cases.

Provenance of the known answers
-------------------------------
The Austrian inter-regional migration table (9 NUTS-2 regions, 72 flows between
different regions, with distances in km and the 2007 totals ``Oi2007``, ``Dj2007``;
Dennett 2012) is the data of PySAL spint's own tests, ``spint/tests/test_gravity.py``
at commit 81d6727 of github.com/pysal/spint; it is repeated below (the same table
as ``shared/data/flows_austria_nuts2/at_migration_od.csv``). ``SPINT`` and
``STATS`` hold the values those tests assert, for exponential decay and
``constant=True``:

- unconstrained: ``Gravity(f, o_var, d_var, dij, "exp")``;
- production-constrained: ``Production(f, o, d_var, dij, "exp")``;
- attraction-constrained: ``Production(f, d, o_var, dij, "exp")`` (spint's own
  attraction test groups by destination through ``Production``);
- doubly-constrained: ``Doubly(f, o, d, dij, "exp")``.

spint orders parameters as: intercept, origin effects (first origin dropped),
destination effects (first dropped), masses, distance.

Standard errors: spint (through spglm's IRLS) stops when the *smallest* change of
a parameter falls below 1e-6 and takes the covariance from the weights at the
start of its last iteration, one iterate before its final estimates. Ours are the
inverse information at the converged estimates; the two differ by at most
1.3e-4 relative. ``test_spint_errors_come_from_its_penultimate_iterate``
reproduces spint's stopping rule and recovers its published errors to 1e-7,
which accounts for the whole difference; the other comparisons of errors use a
relative tolerance of 2e-4.
"""

import dataclasses

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import interaction
from alliance_territories.alliance_plugin.core.errors import ConvergenceError

REGIONS = ["AT11", "AT12", "AT13", "AT21", "AT22", "AT31", "AT32", "AT33", "AT34"]

# Values asserted by spint/tests/test_gravity.py (commit 81d6727), in spint's parameter order.
SPINT = {
    "unconstrained": {
        "params": [
            -7.95447436, 0.863867812, 0.880474585, -0.00620544765,
        ],
        "std_err": [
            0.0755583451, 0.0051683844, 0.00478122141, 5.18488192e-05,
        ],
        "yhat": [
            2053.49248374, 2422.40705883, 197.17666947, 652.77645945, 372.46664089, 188.15630595,
            62.62225447, 17.22633782, 1995.44179687, 12287.11927555, 806.92929317, 2643.59913196,
            2353.33783354, 998.56216427, 335.77135891, 94.81498069, 3035.77484367, 15846.25211871,
            890.511914, 2994.19536934, 2399.15053753, 1036.08892279, 345.71715146, 97.15537629,
            273.27020389, 1150.87005074, 984.81363732, 948.91636667, 625.0285152, 556.41059801,
            240.2714148, 67.32796418, 771.93257863, 3217.0998412, 2825.35215036, 809.66631035,
            1204.76218438, 754.13231343, 258.03819482, 70.88540396, 575.70226041, 3743.25042014,
            2959.00444172, 697.06556556, 1574.69697708, 1207.94322877, 447.3674688, 129.24387416,
            272.27577768, 1487.02882957, 1196.36810195, 580.9635273, 922.83252627, 1130.90519845,
            383.40648414, 105.94015788, 86.29277039, 476.14958977, 380.14055538, 238.89720288,
            300.687118, 398.84078404, 365.10261002, 200.59513613, 23.66650989, 134.05168303,
            106.50884151, 66.7421182, 82.35371404, 114.87900692, 100.58000293, 199.99352826,
        ],
    },
    "production": {
        "params": [
            -1.11700938, 1.68662317, 2.15188689, 0.60300297, 0.88380784, 1.20926104,
            0.68938983, 1.15472804, 1.02479968, 0.89278717, -0.00727113,
        ],
        "std_err": [
            0.050839703, 0.0174076264, 0.0169447835, 0.0215532803, 0.0192237854, 0.0186458439,
            0.0207504988, 0.0230026467, 0.028218942, 0.00466889578, 5.26601057e-05,
        ],
        "yhat": [
            1407.0595, 1694.57663, 116.508879, 427.850723, 223.425179, 108.301078,
            30.8300817, 7.44793331, 1811.62644, 12101.4912, 646.999802, 2346.96906,
            2063.88796, 815.528209, 234.966095, 58.5312512, 3307.41049, 18344.6566,
            810.873546, 3032.31168, 2357.17102, 950.837295, 271.489717, 67.2496632,
            260.277189, 1122.60001, 928.118288, 1042.84804, 644.343295, 606.65213,
            234.315477, 57.8455649, 657.379261, 2800.75361, 2387.10037, 717.245241,
            1039.93511, 648.05627, 190.566474, 45.963659, 499.603238, 3584.45439,
            2700.5818, 644.960859, 1513.47637, 1206.18713, 389.165529, 99.5706858,
            234.675109, 1372.51483, 1055.63448, 588.432822, 913.951678, 1168.842,
            366.858927, 89.0901579, 131.244011, 776.8798, 592.14943, 446.507449,
            527.992298, 740.876898, 720.725128, 404.624989, 50.225524, 306.563409,
            232.354948, 174.615053, 201.734215, 300.280455, 277.25806, 640.968342,
        ],
    },
    "attraction": {
        "params": [
            -0.88439723, 1.62180605, 1.92772078, 0.12462001, 0.62378812, 0.69646073,
            0.20909411, 0.6856777, 0.48539625, 0.89235874, -0.00693755,
        ],
        "std_err": [
            0.0549032782, 0.015374383, 0.0153990555, 0.0211181777, 0.0176794099, 0.0179055236,
            0.0201205795, 0.022026088, 0.0281192535, 0.00514257895, 5.12438958e-05,
        ],
        "yhat": [
            1795.02279, 2776.90999, 177.37634, 541.058308, 328.265191, 161.020145,
            95.549224, 35.4052486, 1483.42439, 15164.2463, 761.96238, 2297.18733,
            2291.56465, 924.935115, 555.191561, 211.833031, 2311.06289, 15271.2766,
            829.095427, 2573.22937, 2281.97035, 939.377653, 559.02673, 212.153271,
            178.79502, 929.389609, 1004.18629, 813.086106, 579.19134, 535.268359,
            424.969889, 160.758895, 547.719688, 2813.94269, 3129.98907, 816.565623,
            1157.32912, 721.460431, 441.575377, 163.374443, 387.326254, 3271.81524,
            3235.28198, 677.976176, 1348.94643, 1199.16138, 801.876754, 313.863001,
            175.685709, 1221.15852, 1231.53422, 579.38609, 777.596785, 1108.87286,
            706.98619, 263.279368, 49.6907636, 349.37829, 349.326167, 219.253703,
            226.850151, 353.430501, 336.979293, 549.332748, 12.2952888, 89.0162551,
            88.5260032, 55.3842615, 56.0455225, 92.37599, 83.7976212, 366.824277,
        ],
    },
    "doubly": {
        "params": [
            6.20471518, 1.5449095, 2.4414292, 0.69924374, 0.94869185, 1.28967637,
            0.74270015, 1.19468573, 0.98874193, 1.49709841, 2.18492741, 0.18784818,
            0.66434515, 0.74264938, 0.21334535, 0.66765781, 0.39986094, -0.00791533,
        ],
        "std_err": [
            0.0223984552, 0.0176016753, 0.0177717586, 0.021763965, 0.0193560527, 0.0188287651,
            0.0209658404, 0.0234162372, 0.028537258, 0.0155744567, 0.0162454834, 0.0213024018,
            0.0178126603, 0.0180681617, 0.0203636073, 0.0225133694, 0.028420007, 5.06213514e-05,
        ],
        "yhat": [
            978.98828, 2260.03279, 104.038742, 338.38258, 190.458075, 86.7908467,
            43.755472, 13.5532201, 1026.93176, 14357.9537, 502.646536, 1613.14478,
            1601.24044, 584.144805, 298.377549, 95.5604104, 2920.86883, 17689.916,
            949.267467, 3149.10952, 2733.15395, 1019.72797, 515.779061, 164.177257,
            173.496758, 799.088484, 1224.86311, 931.563443, 629.698756, 591.11707,
            415.424488, 131.747905, 449.674437, 2043.61676, 3238.02841, 742.345992,
            1002.34547, 600.432512, 313.590596, 96.9658353, 329.132064, 2637.92996,
            3654.58094, 652.540343, 1303.46098, 1165.17842, 673.203489, 221.973821,
            147.356669, 945.479887, 1339.62391, 601.828982, 767.13159, 1144.76805,
            643.385796, 200.425139, 74.1169755, 481.82282, 676.007805, 421.969575,
            399.722086, 659.873779, 641.890452, 985.596546, 24.4225078, 164.157859,
            228.909306, 142.362371, 131.485029, 231.461478, 212.717926, 1048.48355,
        ],
    },
}
FLOWS = [
    1131, 1887, 69, 738, 98, 31, 43, 19, 1633, 14055, 416, 1276,
    1850, 388, 303, 159, 2301, 20164, 1080, 1831, 1943, 742, 674, 407,
    85, 379, 1597, 1608, 328, 317, 469, 114, 762, 1110, 2973, 1252,
    1081, 622, 425, 262, 196, 2027, 3498, 346, 1332, 2144, 821, 274,
    49, 378, 1349, 310, 851, 2117, 630, 106, 87, 424, 978, 490,
    670, 577, 546, 569, 33, 128, 643, 154, 328, 199, 112, 587,
]
DIST_KM = [
    103.001845, 84.204666, 220.811933, 132.00748, 214.511814, 246.933305,
    390.85611, 505.089539, 103.001845, 45.796272, 216.994739, 129.878172,
    140.706671, 201.232355, 343.50075, 453.515594, 84.204666, 45.796272,
    249.932874, 158.630661, 186.420738, 244.108305, 387.61776, 498.407152,
    220.811933, 216.994739, 249.932874, 92.407958, 151.777157, 92.894408,
    194.851669, 306.105825, 132.00748, 129.878172, 158.630661, 92.407958,
    124.563096, 122.433524, 261.893783, 376.34667, 214.511814, 140.706671,
    186.420738, 151.777157, 124.563096, 81.753652, 208.456383, 314.793199,
    246.933305, 201.232355, 244.108305, 92.894408, 122.433524, 81.753652,
    145.076472, 258.591197, 390.85611, 343.50075, 387.61776, 194.851669,
    261.893783, 208.456383, 145.076472, 114.46325, 505.089539, 453.515594,
    498.407152, 306.105825, 376.34667, 314.793199, 258.591197, 114.46325,
]
OI2007 = dict(zip(REGIONS, [4320, 21478, 30500, 5012, 8811, 11349, 6021, 4477, 2275]))
DJ2007 = dict(zip(REGIONS, [5452, 27169, 28710, 4354, 9069, 8577, 4963, 3923, 2026]))

# spint's asserted statistics (pytest.approx, relative 1e-6, except those marked 1e-4 by spint).
STATS = {
    "unconstrained": dict(aic=20395.085388908723, deviance=19806.408696637576,
                          log_likelihood=-10193.542694454361,
                          d2=0.88713874099960177, adj_d2=0.88215956780840776, ssi=0.72706171189789603,
                          pseudo_r2=0.88421303645743465, adj_pseudo_r2=0.88416760104130376,
                          srmse=0.62063116008447083),
    "production": dict(aic=15882.651018068489, deviance=15279.974241770311, log_likelihood=-7930.3255090342445,
                       d2=0.912931356874, adj_d2=0.89865780882, ssi=0.740619203383, pseudo_r2=0.909920590111,
                       adj_pseudo_r2=0.909795642717, srmse=0.46622685091043831),
    "attraction": dict(aic=16275.899321893821, deviance=15673.222613627502, log_likelihood=-8126.9496609469106,
                       d2=0.910690541438, adj_d2=0.896049646592, ssi=0.750634498293, pseudo_r2=0.90768716507,
                       adj_pseudo_r2=0.907562217676, srmse=0.59478477816884223),
    "doubly": dict(deviance=9360.482092561484, log_likelihood=-4970.5795707251054, d2=0.946661920897,
                   adj_d2=0.929870303401, ssi=0.811852110904, pseudo_r2=0.943539912198,
                   adj_pseudo_r2=0.943335452826, srmse=0.37925654532618808),
}
SPINT_LOOSE = ("aic", "deviance", "log_likelihood")  # spint asserts these with rel=1e-4
SPINT_LLNULL = -88037.0499629
# spint's tolerance on parameters: assert_allclose's default (rtol 1e-7) or the atol it gives.
SPINT_ATOL = {"unconstrained": None, "production": 1e-4, "attraction": 1e-3, "doubly": 1e-5}
MASSES = {"unconstrained": dict(origin_mass="Oi2007", destination_mass="Dj2007"),
          "production": dict(destination_mass="Dj2007"), "attraction": dict(origin_mass="Oi2007"), "doubly": {}}
FAMILIES = list(MASSES)


@pytest.fixture(scope="module")
def austria():
    pairs = [(o, d) for o in REGIONS for d in REGIONS if o != d]
    table = pd.DataFrame(pairs, columns=["origin", "destination"])
    return table.assign(flow=FLOWS, dist_km=DIST_KM, Oi2007=table["origin"].map(OI2007),
                        Dj2007=table["destination"].map(DJ2007))


def fit_austria(table, family, **options):
    options = {"decay": "exponential", **MASSES[family], **options}
    return interaction.fit_gravity(table, family=family, value="flow", distance="dist_km", **options)


def spint_order(fit, column):
    """Our fixed effects (reference levels left out) then parameters: spint's order."""
    effects = fit.fixed_effects[~fit.fixed_effects["reference"]]
    return np.concatenate([effects[column].to_numpy(float), fit.params[column].to_numpy(float)])


# ----------------------------------------------------------------------------- spint's published values

@pytest.mark.parametrize("method", ["profile", "irls"])
@pytest.mark.parametrize("family", FAMILIES)
def test_spint_parameters(austria, family, method):
    fit = fit_austria(austria, family, method=method)
    estimate, expected = spint_order(fit, "estimate"), np.array(SPINT[family]["params"])
    if SPINT_ATOL[family] is None:
        np.testing.assert_allclose(estimate, expected, rtol=1e-7)
    else:
        np.testing.assert_allclose(estimate, expected, rtol=0, atol=SPINT_ATOL[family])
    np.testing.assert_allclose(estimate, expected, rtol=1e-6)  # tighter than spint asks
    assert fit.params["symbol"].tolist() == {"unconstrained": ["k", "mu", "alpha", "beta"],
                                             "production": ["alpha", "beta"], "attraction": ["mu", "beta"],
                                             "doubly": ["beta"]}[family]


@pytest.mark.parametrize("method", ["profile", "irls"])
@pytest.mark.parametrize("family", FAMILIES)
def test_spint_fitted_values(austria, family, method):
    fit = fit_austria(austria, family, method=method)
    np.testing.assert_allclose(fit.pairs["expected"], SPINT[family]["yhat"], rtol=1e-7)
    np.testing.assert_array_equal(fit.pairs["observed"], FLOWS)
    np.testing.assert_allclose(fit.pairs["residual"], fit.pairs["observed"] - fit.pairs["expected"])


@pytest.mark.parametrize("family", FAMILIES)
def test_spint_fit_statistics(austria, family):
    stats = fit_austria(austria, family).stats
    for name, expected in STATS[family].items():
        assert stats[name] == pytest.approx(expected, rel=1e-4 if name in SPINT_LOOSE else 1e-6), name
    assert stats["null_log_likelihood"] == pytest.approx(SPINT_LLNULL, rel=1e-4)
    assert stats["n_pairs"] == 72
    assert stats["n_parameters"] == len(SPINT[family]["params"])


@pytest.mark.parametrize("method", ["profile", "irls"])
@pytest.mark.parametrize("family", FAMILIES)
def test_spint_standard_errors(austria, family, method):
    fit = fit_austria(austria, family, method=method)
    np.testing.assert_allclose(spint_order(fit, "std_err"), SPINT[family]["std_err"], rtol=2e-4)
    np.testing.assert_allclose(fit.params["z"], fit.params["estimate"] / fit.params["std_err"])
    np.testing.assert_allclose(np.sqrt(np.diag(fit.cov)), fit.params["std_err"])


@pytest.mark.parametrize("family", ["production", "attraction", "doubly"])
def test_profiled_errors_without_the_full_covariance(austria, family):
    """max_dense=0: the parameters' errors come from the profiled information alone."""
    full, profiled = fit_austria(austria, family), fit_austria(austria, family, max_dense=0)
    np.testing.assert_allclose(profiled.params["std_err"], full.params["std_err"], rtol=1e-10)
    spint = SPINT[family]["std_err"][-len(full.params):]
    np.testing.assert_allclose(profiled.params["std_err"], spint, rtol=2e-4)
    assert profiled.fixed_effects["std_err"].isna().all()
    np.testing.assert_allclose(profiled.fixed_effects["estimate"], full.fixed_effects["estimate"], atol=1e-12)


def spint_like_design(table, family):
    one = np.ones((len(table), 1))
    origin = pd.get_dummies(table["origin"]).to_numpy(float)[:, 1:]
    destination = pd.get_dummies(table["destination"]).to_numpy(float)[:, 1:]
    log_o, log_d = np.log(table[["Oi2007"]].to_numpy(float)), np.log(table[["Dj2007"]].to_numpy(float))
    cost = table[["dist_km"]].to_numpy(float)
    return {"unconstrained": [one, log_o, log_d, cost], "production": [one, origin, log_d, cost],
            "attraction": [one, destination, log_o, cost], "doubly": [one, origin, destination, cost]}[family]


@pytest.mark.parametrize("family", FAMILIES)
def test_spint_errors_come_from_its_penultimate_iterate(austria, family):
    """Run IRLS with spint's start and stopping rule: its covariance, taken at the weights of the
    last iteration's start, gives spint's published errors; at the final iterate, ours."""
    X, y = np.hstack(spint_like_design(austria, family)), austria["flow"].to_numpy(float)
    mu = (y + y.mean()) / 2
    eta, beta, change = np.log(mu), np.zeros(X.shape[1]), np.inf
    while change > 1e-6:  # spint: the smallest absolute change of a parameter
        weights = mu
        new = np.linalg.solve(X.T @ (X * weights[:, None]), X.T @ (weights * (eta + (y - mu) / mu)))
        eta, change, beta = X @ new, np.min(np.abs(new - beta)), new
        mu = np.exp(eta)
    at_start = np.sqrt(np.diag(np.linalg.inv(X.T @ (X * weights[:, None]))))
    at_end = np.sqrt(np.diag(np.linalg.inv(X.T @ (X * mu[:, None]))))
    np.testing.assert_allclose(at_start, SPINT[family]["std_err"], rtol=1e-7)
    np.testing.assert_allclose(spint_order(fit_austria(austria, family), "std_err"), at_end, rtol=1e-6)


@pytest.mark.parametrize("decay, beta, std_err", [("exponential", 0.01641585, 1.38598941e-05),
                                                  ("power", 1.27223738, 0.00065723)])
def test_spint_base_gravity(austria, decay, beta, std_err):
    """spint's BaseGravity(f, dij, cost_func, constant=False): distance alone, no intercept."""
    fit = interaction.fit_gravity(austria, family="unconstrained", decay=decay, value="flow",
                                  distance="dist_km", constant=False)
    expected = {"exponential": dict(aic=957622.28429746185, log_likelihood=-478810.14214873099,
                                    spint_deviance=1087408.9707170483),
                "power": dict(aic=377298.04716333596, log_likelihood=-188648.02358166798,
                              spint_deviance=409811.34329065739)}[decay]
    assert fit.params["estimate"].tolist() == pytest.approx([beta], abs=1e-4)
    assert fit.params["std_err"].tolist() == pytest.approx([std_err], rel=1e-5)
    assert fit.stats["aic"] == pytest.approx(expected["aic"], rel=1e-4)
    assert fit.stats["log_likelihood"] == pytest.approx(expected["log_likelihood"], rel=1e-4)
    # spint's deviance, 2 sum(T log(T / That)), drops -2 sum(T - That): zero only for models that
    # reproduce the total flow (any model with an intercept). Ours keeps the term.
    gap = 2 * (fit.pairs["observed"] - fit.pairs["expected"]).sum()
    assert fit.stats["deviance"] + gap == pytest.approx(expected["spint_deviance"], rel=1e-4)


# ----------------------------------------------------------------------------- options and inputs

def test_code_types_row_order_and_input_untouched(austria):
    reference = fit_austria(austria, "doubly")
    shuffled = austria.sample(frac=1.0, random_state=1)
    for codes in (lambda s: s.astype("category"), lambda s: s.astype("string"), lambda s: s.astype(object)):
        table = shuffled.assign(origin=codes(shuffled["origin"]), destination=codes(shuffled["destination"]))
        before = table.copy()
        fit = fit_austria(table, "doubly")
        pd.testing.assert_frame_equal(table, before)
        np.testing.assert_allclose(fit.params["estimate"], reference.params["estimate"], rtol=1e-10)
        expected = reference.pairs["expected"].reindex(fit.pairs.index)  # pairs keep the input's row labels
        np.testing.assert_allclose(fit.pairs["expected"], expected, rtol=1e-10)


def test_distance_unit_only_rescales_beta(austria):
    km = fit_austria(austria, "doubly")
    metres = fit_austria(austria.assign(dist_km=austria["dist_km"] * 1000), "doubly")
    beta_km = km.params.loc["distance", "estimate"]
    assert metres.params.loc["distance", "estimate"] * 1000 == pytest.approx(beta_km)
    np.testing.assert_allclose(metres.pairs["expected"], km.pairs["expected"], rtol=1e-9)
    # Power decay: beta does not depend on the unit at all.
    tables = (austria, austria.assign(dist_km=austria["dist_km"] * 1000))
    power = [fit_austria(table, "doubly", decay="power") for table in tables]
    np.testing.assert_allclose(power[0].params["estimate"], power[1].params["estimate"], rtol=1e-9)


def test_masses_as_series_equal_mass_columns(austria):
    columns = fit_austria(austria, "unconstrained")
    series = interaction.fit_gravity(austria, family="unconstrained", decay="exponential", value="flow",
                                     distance="dist_km", origin_mass=pd.Series(OI2007, name="Oi2007"),
                                     destination_mass=pd.Series(DJ2007))
    np.testing.assert_allclose(series.params["estimate"], columns.params["estimate"], rtol=1e-12)
    assert series.params["regressor"].tolist() == ["1", "log(Oi2007)", "log(destination_mass)", "distance"]


def test_non_convergence_is_an_error(austria):
    with pytest.raises(ConvergenceError, match="did not converge in 2 iterations"):
        fit_austria(austria, "doubly", max_iter=2)
    with pytest.raises(ConvergenceError):
        fit_austria(austria, "unconstrained", max_iter=1)


def test_options_are_recorded(austria):
    fit = fit_austria(austria, "production")
    assert fit.options["family"] == "production" and fit.options["decay"] == "exponential"
    assert fit.options["destination_mass"] == "Dj2007" and fit.options["method"] == "profile"
    assert fit.fixed_effects.loc[fit.fixed_effects["reference"], "territory"].tolist() == ["AT11"]


def test_beta_is_the_distance_decay_parameter(austria):
    fit = fit_austria(austria, "doubly")
    assert isinstance(fit.beta, float) and fit.beta == fit.params.loc["distance", "estimate"]
    assert fit.beta == pytest.approx(SPINT["doubly"]["params"][-1], rel=1e-6)
    assert dataclasses.replace(fit, params=fit.params.drop(index="distance")).beta is None
