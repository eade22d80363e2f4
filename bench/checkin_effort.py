"""What a whole check-in asks of the user: key presses and clicks, and the time of a keyboard check-in.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python bench/checkin_effort.py [--runs 7]
    (``make bench`` runs it as part of bench/run.py)

The check-ins are driven through the real widgets of the window shown under the X server, by the drivers of
the keyboard contract test (tests/ui/checkin_driver.py): from the home screen to the check-in saved, on the
"nee" path (no arm/neck/shoulder complaints) and on the "ja" path (complaints, with their three follow-up
questions). A key press is one key or one chord (Ctrl+N counts once), a click one mouse click; the drivers
check on the way that the focus is where the keyboard contract says.

The time runs from Ctrl+N on the home screen to the check-in found in the database, every key pressed at
once after the one before (no human pauses): what the app itself takes for a whole check-in, the first of
a session (the check-in pages are made at Ctrl+N, the database layer loads on the way; each answer is kept
as a draft; back home, the dashboard is refreshed). Every run is a fresh process with a fresh temporary data
folder and settings; median and spread over ``--runs`` runs per path, the paths taking turns. Numbers only,
never assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PATHS = ("nee", "ja")
LIMITS = {"keys": {"nee": 20, "ja": 25}, "clicks": {"nee": 20, "ja": 25}}  # the keyboard contract's goals


def _window(data_dir: Path) -> tuple[Any, Any]:
    from app_window import open_window

    return open_window(data_dir)


def _saved(window: Any) -> Any:
    from vitaalthuis.domain.weeks import IsoWeek

    return window.services.checkins.repo.get(IsoWeek.current(dt.date.today()))


def child_counts(root: Path) -> dict[str, int]:
    """Key presses and clicks of the four check-ins, each in a new window on a new data folder."""
    from tests.ui.checkin_driver import QTestBot, keyboard_checkin, mouse_checkin

    counts: dict[str, int] = {}
    bot = QTestBot()
    for how, drive in (("keys", keyboard_checkin), ("clicks", mouse_checkin)):
        for path in PATHS:
            _app, window = _window(root / f"{how}-{path}")
            counts[f"{how} {path}"] = drive(bot, window, ja=path == "ja")
            bot.waitUntil(lambda w=window: _saved(w) is not None)
            window.close()
            window.services.close()
    return counts


def child_time(data_dir: Path, path: str) -> float:
    """Seconds from Ctrl+N to this week's check-in in the database, by keyboard."""
    from tests.ui.checkin_driver import QTestBot, active, keyboard_checkin

    bot = QTestBot()
    app, window = _window(data_dir)
    active(bot, window)
    start = time.perf_counter()
    keyboard_checkin(bot, window, ja=path == "ja")
    while _saved(window) is None:  # (it is saved by the time Ctrl+Enter returns; should that change)
        app.processEvents()
    return time.perf_counter() - start


def _run_child(args: list[str]) -> Any:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the X server, not offscreen
    with tempfile.TemporaryDirectory(prefix="vt-effort-") as tmp:
        out = subprocess.run([sys.executable, __file__, "--child", *args, tmp],
                             env={**env, "XDG_CONFIG_HOME": str(Path(tmp) / "config")}, check=True,
                             timeout=180, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(runs: int) -> dict[str, Any]:
    """{"counts": {"keys nee": …}, "seconds": {"nee": [...], "ja": [...]}}"""
    counts = _run_child(["counts"])
    seconds: dict[str, list[float]] = {path: [] for path in PATHS}
    for i in range(runs):
        for path in (PATHS if i % 2 == 0 else PATHS[::-1]):
            seconds[path].append(float(_run_child([f"time-{path}"])))
    return {"counts": counts, "seconds": seconds}


def rows(result: dict[str, Any]) -> list[str]:
    """Table rows (figure | median | spread | target) for bench/results.md."""
    lines = []
    for how, unit in (("keys", "key presses"), ("clicks", "clicks")):
        for path in PATHS:
            count = result["counts"][f"{how} {path}"]
            limit = LIMITS[how][path]
            by = "keyboard" if how == "keys" else "mouse"
            lines.append(f"| a whole check-in by {by}, \"{path}\" path: {unit} | {count} | — | ≤ {limit} "
                         f"{'met' if count <= limit else 'NOT met'} |")
    for path in PATHS:
        times = sorted(result["seconds"][path])
        lo, hi = times[len(times) // 10], times[(len(times) * 9) // 10]
        lines.append(f"| a whole keyboard check-in, \"{path}\" path, from Ctrl+N to saved in the database "
                     f"(keys at once, the first of a session) | {statistics.median(times) * 1000:.0f} ms | "
                     f"{lo * 1000:.0f}–{hi * 1000:.0f} ms | — |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", nargs=2, metavar=("WHAT", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path[:0] = [str(HERE), str(HERE.parent)]
    if args.child:
        what, folder = args.child[0], Path(args.child[1])
        if what == "counts":
            print(json.dumps(child_counts(folder)), flush=True)
        else:
            print(json.dumps(child_time(folder / "data", what.removeprefix("time-"))), flush=True)
        os._exit(0)  # skip interpreter teardown: Qt objects torn down in random order can abort it
    result = measure(args.runs)
    print("| figure | median | spread | target |\n|---|---|---|---|")
    print("\n".join(rows(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
