"""Desktop notifications for the helper: the freedesktop interface over D-Bus (Linux and other XDG
desktops), and the tray icon's messages (Windows, macOS, or a Linux desktop without a notification service).

Each notifier shows one reminder with :meth:`show` (False: it could not), says with :attr:`showing` whether
one of its reminders may still be on screen, takes them away with :meth:`withdraw`, and emits ``clicked``
when the user clicks a reminder (the helper then opens the window on this week's check-in).

The freedesktop call is ``Notify(s app_name, u replaces_id, s app_icon, s summary, s body, as actions,
a{sv} hints, i expire_timeout) -> u id``. Its ``u`` arguments cannot be written from Python with a plain
message (a Python int becomes ``i``, which a strict service refuses), so the call goes through the
service's introspected interface, which marshals every argument by its declared type. ``ActionInvoked``
(``u id, s action``) with the action ``default`` is a click on the notification itself;
``NotificationClosed`` (``u id, u reason``) forgets it.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
from PySide6.QtWidgets import QSystemTrayIcon

from vitaalthuis.logs import get_logger

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
DEFAULT_ACTION = "default"  # the action a click on the notification's body invokes
APP_NAME = "VitaalThuis"
APP_ID = "nl.vitaalthuis.VitaalThuis"  # the desktop entry and the icon name of an installed build
CALL_TIMEOUT_MS = 5000
_BUS = ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")
_log = get_logger(__name__)


class Notifier(Protocol):
    clicked: Any  # a Qt signal without arguments

    @property
    def showing(self) -> bool: ...
    def show(self, title: str, body: str, action: str) -> bool: ...
    def withdraw(self) -> None: ...


class DBusNotifier(QObject):
    """org.freedesktop.Notifications on ``bus``. Without a bus (``None``, or one that is not connected) it
    does nothing and shows nothing; the self-check builds it so, to prove that QtDBus loads."""

    clicked = Signal()

    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None, *,
                 icon: str = APP_ID) -> None:
        super().__init__(parent)
        self.bus = bus if bus is not None and bus.isConnected() else None
        self.icon = icon  # an icon name or a file:// address
        self._interface: QDBusInterface | None = None
        self._open: set[int] = set()
        if self.bus is not None:  # PySide6 takes the slot as text (its type hints say bytes: refused)
            self.bus.connect(SERVICE, PATH, INTERFACE, "ActionInvoked", self,  # type: ignore[call-overload]
                             SLOT("_action_invoked(QDBusMessage)"))
            self.bus.connect(SERVICE, PATH, INTERFACE, "NotificationClosed", self,  # type: ignore[call-overload]
                             SLOT("_closed(QDBusMessage)"))

    @classmethod
    def on_session_bus(cls, parent: QObject | None = None, *, icon: str = APP_ID) -> DBusNotifier:
        return cls(QDBusConnection.sessionBus(), parent, icon=icon)

    @property
    def connected(self) -> bool:
        return self.bus is not None

    @property
    def showing(self) -> bool:
        return bool(self._open)

    def available(self) -> bool:
        """A notification service runs on the bus, or the bus can start one."""
        if self.bus is None:
            return False
        owner = self._bus_call("NameHasOwner", SERVICE)
        if owner and owner[0] is True:
            return True
        names = self._bus_call("ListActivatableNames")
        return bool(names) and isinstance(names[0], list) and SERVICE in names[0]

    def _bus_call(self, method: str, *args: object) -> list[Any]:
        assert self.bus is not None
        message = QDBusMessage.createMethodCall(*_BUS, method)
        message.setArguments(list(args))
        reply = self.bus.call(message, timeout=CALL_TIMEOUT_MS)
        return list(reply.arguments()) if reply.type() == QDBusMessage.MessageType.ReplyMessage else []

    def _service(self) -> QDBusInterface | None:
        if self.bus is None:
            return None
        if self._interface is None or not self._interface.isValid():
            interface = QDBusInterface(SERVICE, PATH, INTERFACE, self.bus, self)  # introspects (one call)
            interface.setTimeout(CALL_TIMEOUT_MS)
            self._interface = interface if interface.isValid() else None
        return self._interface

    def show(self, title: str, body: str, action: str) -> bool:
        service = self._service()
        if service is None:
            return False
        try:
            number = QMetaObject.invokeMethod(
                service, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
                Q_ARG("QString", APP_NAME), Q_ARG("uint", 0), Q_ARG("QString", self.icon),
                Q_ARG("QString", title), Q_ARG("QString", body),
                Q_ARG("QStringList", [DEFAULT_ACTION, action]),
                Q_ARG("QVariantMap", {"desktop-entry": APP_ID}), Q_ARG("int", -1))
        except (RuntimeError, TypeError):  # the service does not describe Notify as the specification does
            _log.warning("notifier.dbus_notify_unknown")
            self._interface = None
            return False
        if service.lastError().isValid() or not isinstance(number, int):
            _log.warning("notifier.dbus_notify_failed")
            return False
        self._open.add(number)
        return True

    def withdraw(self) -> None:
        service = self._service() if self._open else None
        for number in sorted(self._open):
            if service is not None:
                try:
                    QMetaObject.invokeMethod(service, "CloseNotification", Qt.ConnectionType.DirectConnection,
                                             Q_ARG("uint", number))
                except (RuntimeError, TypeError):
                    break
        self._open.clear()

    @Slot(QDBusMessage)
    def _action_invoked(self, message: QDBusMessage) -> None:
        args = list(message.arguments())
        ours = len(args) >= 2 and isinstance(args[0], int) and args[0] in self._open
        if ours and args[1] == DEFAULT_ACTION:
            self.clicked.emit()

    @Slot(QDBusMessage)
    def _closed(self, message: QDBusMessage) -> None:
        args = list(message.arguments())
        if args and isinstance(args[0], int):
            self._open.discard(args[0])


class TrayNotifier(QObject):
    """The tray icon's balloon or system notification (``QSystemTrayIcon.showMessage``)."""

    clicked = Signal()

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        tray.messageClicked.connect(self.clicked)

    @property
    def showing(self) -> bool:
        return False  # a tray message cannot be taken back: nothing to withdraw

    def show(self, title: str, body: str, action: str) -> bool:  # a click on the message is the action
        if not self.tray.isVisible() or not self.tray.supportsMessages():
            return False
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information)
        return True

    def withdraw(self) -> None:
        pass
