"""The Processing provider "Alliance of Territories" (id ``alliance``)."""

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..alliance_plugin.toolbelt.i18n import tr
from ..alliance_plugin.toolbelt.resources import PLUGIN_ROOT, icon_path
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

VERSION = "0.1.0"
MODELS = PLUGIN_ROOT / "models"


class AllianceProvider(QgsProcessingProvider):
    """Lists every algorithm, whether or not its Python libraries are installed.

    Each algorithm's ``canExecute()`` says what is missing, so the toolbox
    always shows the whole plugin.
    """

    ALGORITHMS = (FlowDependencies, FunctionalAreas, FlowRegions, DominantFlows, SpatialInteraction, CityNetwork,
                  LandTenureOverlay, RecommendationScorecard, UrbanGrowth, GrowthBuffers, LandConsumption, Degurba,
                  TerritorialReport, TransitAccess, ServiceAccess)

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
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(path)):
                self.addAlgorithm(model)
            else:
                QgsMessageLog.logMessage(tr("Could not read the model {path}").format(path=path),
                                         "Alliance of Territories", Qgis.MessageLevel.Warning)
