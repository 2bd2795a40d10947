"""Shared shape of every algorithm: naming, help, dependencies, error handling."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..alliance_plugin.core.errors import AllianceError
from ..alliance_plugin.toolbelt import dependencies
from ..alliance_plugin.toolbelt.i18n import tr
from ..alliance_plugin.toolbelt.resources import icon_path

HELP_URL = "https://github.com/alliance-territories/alliance_territories#readme"


class AllianceAlgorithm(QgsProcessingAlgorithm):
    """Subclasses define ``name``, ``displayName``, ``GROUP``, ``REQUIRES``,
    ``initAlgorithm`` and ``compute`` (the recipe: parameters in, core call, sinks out).
    """

    #: (group id, translatable group name)
    GROUP = ("flows", "Flows and dependencies")
    #: Python libraries the algorithm needs (keys of dependencies.MINIMUM).
    REQUIRES = ("numpy", "pandas")

    def tr(self, text):
        return tr(text)

    def createInstance(self):
        return type(self)()

    def group(self):
        return self.tr(self.GROUP[1])

    def groupId(self):
        return self.GROUP[0]

    def icon(self):
        return QIcon(str(icon_path(self.name())))

    def svgIconPath(self):
        return str(icon_path(self.name()))

    def helpUrl(self):
        return HELP_URL

    def canExecute(self):
        problems = dependencies.problems(self.REQUIRES)
        if not problems:
            return True, ""
        return False, self.tr(
            "This algorithm needs Python libraries that are missing or unusable:\n{problems}\n"
            "Install them into the Python that QGIS uses, for example:\n{command}").format(
                problems="\n".join(f"- {p}" for p in problems),
                command=dependencies.install_hint(self.REQUIRES))

    def processAlgorithm(self, parameters, context, feedback):
        ready, message = self.canExecute()
        if not ready:
            raise QgsProcessingException(message)
        try:
            return self.compute(parameters, context, feedback)
        except AllianceError as error:
            raise QgsProcessingException(str(error)) from error

    def compute(self, parameters, context, feedback):
        raise NotImplementedError
