"""Entry point of both executables (``vitaalthuis`` and ``vitaalthuis-gui``) and ``python -m vitaalthuis``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    # Both the command line and the window start here. Files the app writes itself are private whatever the
    # umask (vitaalthuis.files), but some are written by others: Qt's QSettings file (window state), SQLite's
    # -wal/-shm and journals, folders Qt makes. A umask of 077 keeps those, and everything else this process
    # creates, private to the user too (a umask of 000 would make them world-writable).
    os.umask(0o077)
    from vitaalthuis import cli

    args = list(sys.argv[1:] if argv is None else argv)
    status = cli.run(args)
    if status is not None:
        return status
    from vitaalthuis.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
