"""``vitaalthuis --background``: the weekly reminder without a window, what start at login runs.

A light process, one per data folder, that brings the reminder while no window is open and opens the window
when asked (its tray menu where the desktop has a tray; a click on the notification). It only reads: it
never creates a database or a folder, it imports neither SQLAlchemy nor matplotlib nor alembic, and it wakes
once a minute at most. While the window runs it stays quiet: the window reminds, and both keep one reminder
state, so nobody is reminded twice.

Without Qt (the decisions and the files, tested with an injected clock):

- :mod:`.decision`   what to do at a check: wait, remind, or withdraw a reminder that is no longer needed
- :mod:`.week_state` whether this week's check-in is done (plain ``sqlite3``, read-only)
- :mod:`.schedule`   the settings in force, read without side effects
- :mod:`.lock`       the helper's own lock file in the data folder, and the request to stop
- :mod:`.launcher`   the commands that start the window and the helper
- :mod:`.texts`      its few texts, in Dutch and English

Its Qt side lives with the rest of the Qt code, in :mod:`vitaalthuis.ui.helper` (notifications, the tray,
starting processes, and the process itself). This package has no Qt.
"""
