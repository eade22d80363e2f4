"""The application icon (SVG in resources/icons), loaded once."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from vitaalthuis.resources import ResourceMissingError, resource

APP_ID = "nl.vitaalthuis.VitaalThuis"


@functools.cache
def app_icon() -> QIcon:
    try:
        return QIcon(str(resource("icons", f"{APP_ID}.svg")))
    except ResourceMissingError:
        return QIcon()
