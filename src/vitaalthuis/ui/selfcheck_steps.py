"""The Qt steps of ``vitaalthuis --smoke-test`` (:mod:`vitaalthuis.selfcheck` runs them when PySide6 is
there): what a build needs for the window and for the background helper's notifications."""

from __future__ import annotations

import sys
from collections.abc import Callable

from vitaalthuis.charts.figures import PNG_MAGIC
from vitaalthuis.charts.series import Series

Check = Callable[[bool, str], None]  # raises with the message when the condition is false


def window_parts(series: Series, check: Check) -> str:
    """The platform plugin, the Dutch translation, the SVG icon, a chart drawn through the window's canvas
    and saved as PNG, and an import of the whole window."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from vitaalthuis.charts.figures import build_dimension_figure
    from vitaalthuis.resources import resource
    from vitaalthuis.ui import translations
    from vitaalthuis.ui.widgets.chart_canvas import ChartCanvas

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    platform = app.platformName()
    translated = translations.install("nl")
    check(translated, "the Dutch translation (.qm) was not found or did not load")
    translations.install("en")
    icon = QIcon(str(resource("icons", "nl.vitaalthuis.VitaalThuis.svg")))
    check(not icon.pixmap(64, 64).isNull(),
          "the SVG icon does not render (Qt svg image format plugin missing?)")
    canvas = ChartCanvas("nl")
    canvas.resize(640, 400)
    canvas.show_figure(lambda fig: build_dimension_figure(series, lang="nl", figure=fig))
    image = canvas.grab().toImage()
    check(not image.isNull() and image.width() > 100, "the Qt chart canvas rendered nothing")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    check(bytes(data.data())[:8] == PNG_MAGIC, "the Qt chart could not be saved as PNG")
    canvas.deleteLater()
    import vitaalthuis.ui.main_window  # noqa: F401  - every module the window needs is in the build
    return f"platform {platform}, chart {image.width()}x{image.height()}"


def notifications(check: Check) -> str:
    """QtDBus and the helper's notifier load; without a bus the notifier says it is not connected."""
    from PySide6 import QtDBus  # missing from a build: this step fails

    from vitaalthuis.ui.helper.notifier import DBusNotifier

    notifier = DBusNotifier(None)
    check(not notifier.connected and not notifier.available() and not notifier.show("t", "b", "a"),
          "the notifier without a bus claims to be connected")
    notifier.deleteLater()
    return f"{QtDBus.__name__} and the notifier load"
