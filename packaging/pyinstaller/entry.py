"""Entry script of both frozen executables (``vitaalthuis`` console, ``vitaalthuis-gui`` windowed).

``--smoke-test`` as the only argument runs :func:`vitaalthuis.selfcheck.run_smoke_test` directly, so every built
artifact can be checked even before (or independently of) the command line's own ``--smoke-test`` option.
"""

import sys


def _main() -> int:
    if sys.argv[1:] == ["--smoke-test"]:
        from vitaalthuis.selfcheck import run_smoke_test

        return run_smoke_test()
    from vitaalthuis.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(_main())
