"""Entry point of both executables (``vitaalthuis`` and ``vitaalthuis-gui``) and ``python -m vitaalthuis``."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from vitaalthuis import cli

    args = list(sys.argv[1:] if argv is None else argv)
    status = cli.run(args)
    if status is not None:
        return status
    from vitaalthuis.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
