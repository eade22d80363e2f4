"""A stand-in for a desktop's notification service (org.freedesktop.Notifications) on a private bus.

Run as a script: ``python fake_notifications.py RECORD [--click]``. Every call is appended to RECORD as
one JSON line; with ``--click`` a moment after each Notify the notification is "clicked" (the signal
``ActionInvoked(id, "default")``). Built like a Qt desktop service: the methods are typed slots, so a call
whose arguments do not have the specified D-Bus types ("u" for ids) is refused, as a strict service does.
Prints ``ready`` once the name is taken.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection

SERVICE = PATH = "org.freedesktop.Notifications"


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Service(QObject):
    ActionInvoked = Signal("uint", str)  # the names and types of the specification
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, record: str, click: bool) -> None:
        super().__init__()
        self.record = record
        self.click = click
        self.next_id = 41

    def _write(self, entry: dict[str, object]) -> None:
        with open(self.record, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, timeout):  # noqa: N802
        self.next_id += 1
        number = self.next_id
        self._write({"call": "Notify", "id": number, "app_name": app_name, "replaces_id": replaces_id,
                     "app_icon": app_icon, "summary": summary, "body": body, "actions": list(actions),
                     "hints": {k: str(v) for k, v in dict(hints).items()}, "timeout": timeout})
        if self.click:
            QTimer.singleShot(300, lambda: self.ActionInvoked.emit(number, "default"))
        return number

    @Slot("uint")
    def CloseNotification(self, number):  # noqa: N802
        self._write({"call": "CloseNotification", "id": number})
        self.NotificationClosed.emit(number, 3)

    @Slot(result="QStringList")
    def GetCapabilities(self):  # noqa: N802
        return ["actions", "body"]


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    service = Service(sys.argv[1], "--click" in sys.argv[2:])
    options = QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllSignals
    if not (bus.registerObject("/org/freedesktop/Notifications", service, options)
            and bus.registerService(SERVICE)):
        print("could not register", flush=True)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
