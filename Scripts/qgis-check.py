#!/usr/bin/python3
"""Loads exported layers in QGIS (PyQGIS, headless) as a user's QGIS would, with the layer's
default style, and prints one line per layer; exits 1 when a layer is invalid or QGIS logged a
warning while loading it.
   <file>|<layer> <feature count> <geometry type> <renderer> warnings=<n>
usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 Scripts/qgis-check.py FILE[|LAYER] ..."""
import os
import sys
from qgis.core import QgsApplication, QgsVectorLayer, QgsWkbTypes, QgsMessageLog

app = QgsApplication([], False)
app.initQgis()
messages = []
QgsApplication.messageLog().messageReceived.connect(
    lambda text, tag, level: messages.append(f"{tag}: {text}") if level >= 1 else None)
status = 0
for source in sys.argv[1:]:
    messages.clear()
    uri = source.replace("|", "|layername=") if "|" in source else source
    layer = QgsVectorLayer(uri, source, "ogr")
    app.processEvents()
    if not layer.isValid():
        print(f"{source} INVALID {layer.error().summary()}")
        status = 1
        continue
    geometry = QgsWkbTypes.geometryDisplayString(layer.geometryType())
    renderer = layer.renderer().type() if layer.renderer() else "none"
    if renderer == "RuleRenderer":  # the style from layer_styles: its rules and first colour
        rules = layer.renderer().rootRule().children()
        renderer += f"({len(rules)} rules, {rules[0].symbol().color().name()})"
    print(f"{source} {layer.featureCount()} {geometry} {renderer} warnings={len(messages)}"
          + ("".join(f"\n  {m}" for m in messages)))
    if messages:
        status = 1
    del layer
# Not app.exitQgis(): headless, it can crash while tearing down providers after the work is done.
sys.stdout.flush()
os._exit(status)
