"""The Qt side of ``vitaalthuis --background`` (the plain side: :mod:`vitaalthuis.background`).

It stays as light as the helper must be: no other window module, no SQLAlchemy, no matplotlib (an import
contract in pyproject.toml).

- :mod:`.notifier`   desktop notifications: freedesktop D-Bus on Linux, the tray's messages elsewhere
- :mod:`.tray`       the tray icon and its menu
- :mod:`.control`    starting processes, whether the window runs, and the window's side (start and stop)
- :mod:`.process`    the process itself: the application object, the minute check, the wiring
"""
