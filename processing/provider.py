"""The Processing provider "Alliance of Territories" (id ``alliance``)."""

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..alliance_plugin.toolbelt.i18n import tr
from ..alliance_plugin.toolbelt.resources import PLUGIN_ROOT, icon_path, plugin_version
from .city_network import CityNetwork
from .degurba import Degurba
from .dominant_flows import DominantFlows
from .flow_dependencies import FlowDependencies
from .flow_regions import FlowRegions
from .functional_areas import FunctionalAreas
from .growth_buffers import GrowthBuffers
from .land_consumption import LandConsumption
from .land_tenure import LandTenureOverlay
from .scorecard import RecommendationScorecard
from .spatial_interaction import SpatialInteraction
from .territorial_report import TerritorialReport
from .service_access import ServiceAccess
from .transit_access import TransitAccess
from .urban_growth import UrbanGrowth
from .resource_balance import ResourceBalance
from .reciprocity import Reciprocity

VERSION = plugin_version()  # written once, in metadata.txt
MODELS = PLUGIN_ROOT / "models"


class AllianceProvider(QgsProcessingProvider):
    """Lists every algorithm, whether or not its Python libraries are installed.

    Each algorithm's ``canExecute()`` says what is missing, so the toolbox
    always shows the whole plugin.
    """

    ALGORITHMS = (FlowDependencies, FunctionalAreas, FlowRegions, DominantFlows, SpatialInteraction, CityNetwork,
                  LandTenureOverlay, RecommendationScorecard, UrbanGrowth, GrowthBuffers, LandConsumption, Degurba,
                  TerritorialReport, TransitAccess, ServiceAccess) + (ResourceBalance, Reciprocity)

    def id(self):
        return "alliance"

    def name(self):
        return tr("Alliance of Territories")

    def longName(self):
        return tr("Alliance of Territories: territorial intelligence")

    def icon(self):
        return QIcon(str(icon_path("alliance")))

    def svgIconPath(self):
        return str(icon_path("alliance"))

    def versionInfo(self):
        return VERSION

    def loadAlgorithms(self):
        for algorithm in self.ALGORITHMS:
            self.addAlgorithm(algorithm())
        if QgsApplication.processingRegistry().providerById(self.id()) is not self:
            return  # first load, during registration: the models come with the refresh that follows
        for path in sorted(MODELS.glob("*.model3")):
            model = ShippedModel(str(path))
            if model.loaded:
                self.addAlgorithm(model)
            else:
                QgsMessageLog.logMessage(tr("Could not read the model {path}").format(path=path),
                                         "Alliance of Territories", Qgis.MessageLevel.Warning)


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model of models/ with a stable id (the file name without underscores: ``territorialdiagnosis``)
    and its display name, group and help translated."""

    def __init__(self, path):
        super().__init__()
        self._path = path
        self.loaded = self.fromFile(path)
        self._id = Path(path).stem.replace("_", "")
        texts = model_texts()
        for definition in self.parameterDefinitions():  # the run dialog's labels, in the user's language
            definition.setDescription(texts.get(definition.description(), definition.description()))

    def name(self):
        return self._id

    def displayName(self):
        name = super().displayName()
        return model_texts().get(name, name)

    def group(self):
        group = super().group()
        return model_texts().get(group, group)

    def shortHelpString(self):
        text = self.helpContent().get("ALG_DESC", "")
        return model_texts().get(text, text) or super().shortHelpString()

    def helpUrl(self):
        from .base import help_url

        return help_url(self._id)

    def createInstance(self):
        return ShippedModel(self._path)


#: The shipped models' texts (scripts/build_models.py writes them into the .model3 files).
DIAGNOSIS_NAME = "Territorial diagnosis from flows"
DIAGNOSIS_HELP = ("Territorial diagnosis from flows: flow dependencies, attraction areas (INSEE method), dominant "
                  "flows, flow regions (Louvain), the recommendations scorecard and the territorial report (HTML "
                  "and PDF, with maps), in one run. The help button opens the method notes.")


RESOURCES_NAME = "Territorial diagnosis with resources"
RESOURCES_HELP = ("Territorial diagnosis with resources: the territorial diagnosis from flows (flow dependencies, "
                  "attraction areas, dominant flows, flow regions, scorecard, report) and the resource balances of "
                  "the territories (self-sufficiency, import dependency, local sourcing, resource-sheds) from a "
                  "table of resource values, in one run.")


def model_texts():
    """English text of a shipped model -> its translation (the .model3 files hold English)."""
    return {DIAGNOSIS_NAME: tr("Territorial diagnosis from flows"), "Models": tr("Models"),
            DIAGNOSIS_HELP: tr(DIAGNOSIS_HELP),
            "Territories": tr("Territories"), "Territory code field": tr("Territory code field"),
            "Territory name field": tr("Territory name field"),
            "Population field": tr("Population field"),
            "Flows (table, layer or CSV file)": tr("Flows (table, layer or CSV file)"),
            "Territory of the report (empty: atlas of all)":
                tr("Territory of the report (empty: atlas of all)"),
            "Dependencies": tr("Dependencies"), "Flow lines (dependencies)": tr("Flow lines (dependencies)"),
            "Attraction areas": tr("Attraction areas"), "Dominant flows": tr("Dominant flows"),
            "Flow regions": tr("Flow regions"), "Scorecard": tr("Scorecard"),
            "Scorecard (HTML)": tr("Scorecard (HTML)"),
            "Territorial report (HTML)": tr("Territorial report (HTML)"),
            "Territorial report (PDF)": tr("Territorial report (PDF)"),
            RESOURCES_NAME: tr("Territorial diagnosis with resources"), RESOURCES_HELP: tr(RESOURCES_HELP),
            "Resource values (territory, resource, production, consumption, unit)":
                tr("Resource values (territory, resource, production, consumption, unit)"),
            "Territories with resource indicators": tr("Territories with resource indicators"),
            "Resource balances": tr("Resource balances"), "Resource-sheds": tr("Resource-sheds")}
