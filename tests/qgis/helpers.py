"""Small builders of real QGIS layers for the tests."""

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer


def memory_layer(uri, rows, name="layer"):
    """A memory layer from a URI and rows of (wkt or None, attribute list)."""
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid(), uri
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(attributes))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def square(x, y, size=1000):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def features_by(layer, field):
    """{value of field: {name: value}} for every feature of a layer or layer path."""
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    out = {}
    for feature in layer.getFeatures():
        attrs = feature.attributes()
        values = {name: (None if attrs[i] is None or str(type(attrs[i])).endswith("QVariant'>") else attrs[i])
                  for i, name in enumerate(layer.fields().names())}
        values["_geometry"] = feature.geometry()
        out.setdefault(values[field], values)
    return out


def model_output(model, child_id, output_name):
    """The name of a model's destination parameter for a child's output.

    QGIS 3.22 names it ``child:output``; newer releases (3.40 and later) name it after the
    output's description, made safe ("Flow lines" -> ``flow_lines``). Ask the model.
    """
    child = model.childAlgorithm(child_id)
    description = child.modelOutput(output_name).description() if output_name in child.modelOutputs() else None
    for definition in model.destinationParameterDefinitions():
        if definition.name() in (f"{child_id}:{output_name}", output_name) \
                or (description and definition.description() == description):
            return definition.name()
    raise KeyError(f"no destination parameter for {child_id}:{output_name}")


class FakeIface:
    """What the plugin asks of QGIS's iface (menus, toolbar, dock), recorded."""

    def __init__(self):
        self.docks, self.menus, self.toolbar = [], [], []

    def addToolBarIcon(self, action):  # noqa: N802
        self.toolbar.append(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self.toolbar.remove(action)

    def addDockWidget(self, area, dock):  # noqa: N802
        self.docks.append(dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.docks.remove(dock)

    def addPluginToMenu(self, name, action):  # noqa: N802
        self.menus.append((name, action))

    def removePluginMenu(self, name, action):  # noqa: N802
        self.menus.remove((name, action))

    def mainWindow(self):  # noqa: N802
        return None


def run_canceled(algorithm, parameters, cancel_above, project=None):
    """Run ``algorithm``, canceling at the first progress report above ``cancel_above`` percent.

    Returns (progress values seen, seconds from the cancel to the return; None when never canceled).
    """
    import time

    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    seen, canceled_at = [], []

    def on_progress(value):  # setProgress is not virtual: listen to the signal
        seen.append(value)
        if value > cancel_above and not canceled_at:
            canceled_at.append(time.monotonic())
            feedback.cancel()

    feedback.progressChanged.connect(on_progress)
    context = QgsProcessingContext()
    if project is not None:
        context.setProject(project)
    try:
        processing.run(algorithm, parameters, context=context, feedback=feedback)
    except Exception:  # noqa: BLE001 - a canceled run may end with an exception: what matters is when it returns
        pass
    returned = time.monotonic()
    return seen, (returned - canceled_at[0]) if canceled_at else None
