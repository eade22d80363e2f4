"""The helper's tray icon (only where the desktop has a tray) and its menu: fill in now, open, stop."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from vitaalthuis.background.texts import text

MENU = ("fill_in_now", "open", "stop")  # text keys, in menu order


class HelperTray(QObject):
    fill_in_requested = Signal()
    open_requested = Signal()
    stop_requested = Signal()

    def __init__(self, icon: QIcon, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = ""
        self.icon = QSystemTrayIcon(icon, self)
        self.menu = QMenu()  # a menu has no QObject parent: kept alive here
        self.actions: dict[str, QAction] = {}
        for key, signal in zip(MENU, (self.fill_in_requested, self.open_requested, self.stop_requested),
                               strict=True):
            action = QAction(self.menu)
            action.triggered.connect(signal)
            self.menu.addAction(action)
            self.actions[key] = action
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.set_language(lang)
        self.icon.show()

    def set_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang = lang
        for key, action in self.actions.items():
            action.setText(text(key, lang))
        self.icon.setToolTip(text("tooltip", lang))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def hide(self) -> None:
        self.icon.hide()
