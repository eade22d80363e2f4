"""The overview's first view in a session: from choosing it in the combo box until its six charts are shown.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python bench/first_overview.py DATA_DIR [--runs 5]

Each run is a fresh process (nothing of the charts remembered from an earlier one) with the window shown
under the X server, on a data folder with 520 weeks: the Charts tab is opened, the period set to "all" and,
once the first chart (MHI-5) is on screen, the overview is chosen, in one of two ways:

- at once: no time for anything in between, so the overview is made as the user waits (six new axes, the
  layout computed, every text rendered for the first time);
- after a pause: PAUSE_S on the first chart, as when someone looks at it first. ChartsView prepares the
  overview in idle time meanwhile (ui/charts_view.py: built, laid out and rendered off screen at the size it
  will have), so choosing it renders it once more, on screen, with everything ready.

Both are timed the same way as every redraw figure (bench/chart_switch.py: until the canvas has rendered and
the event loop has turned once more). Runs alternate between the two. Numbers only, never assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAUSE_S = 1.0
MODES = ("at once", "after a pause")


def child(data_dir: Path, mode: str) -> dict[str, object]:
    """One run in this process: the milliseconds of the overview's first view, and whether it had been
    prepared by then."""
    sys.path[:0] = [str(HERE), str(HERE.parent)]
    from app_window import idle, open_window
    from chart_switch import choose, shown, until_on_screen

    app, window = open_window(data_dir)
    charts = window.home.charts
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("all"))
    window.home.tabs.setCurrentWidget(charts)
    shown(app, charts)  # the first chart on screen (matplotlib loaded for it)
    if mode == "after a pause":
        idle(app, PAUSE_S)
    view = charts._views.get("overview")
    prepared = view is not None and view.prepared
    seconds = until_on_screen(app, charts, choose(charts, "overview"))
    return {"ms": seconds * 1000, "prepared": prepared}


def measure(data_dir: Path, runs: int) -> dict[str, list[float]]:
    """{mode: milliseconds of each run}; also {mode + " prepared": 1.0 or 0.0 per run}."""
    results: dict[str, list[float]] = {}
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the X server, not offscreen
    for i in range(runs):
        for mode in (MODES if i % 2 == 0 else MODES[::-1]):
            with tempfile.TemporaryDirectory(prefix="vt-first-overview-") as config:
                out = subprocess.run([sys.executable, __file__, str(data_dir), "--child", mode],
                                     env={**env, "XDG_CONFIG_HOME": config}, check=True, timeout=120,
                                     capture_output=True, text=True).stdout
            result = json.loads(out.strip().splitlines()[-1])
            results.setdefault(mode, []).append(float(result["ms"]))
            results.setdefault(f"{mode} prepared", []).append(1.0 if result["prepared"] else 0.0)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=MODES)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.data_dir, args.child)), flush=True)
        os._exit(0)  # skip interpreter teardown: Qt objects torn down in random order can abort it
    results = measure(args.data_dir, args.runs)
    for mode in MODES:
        times, prepared = sorted(results[mode]), sum(results[f"{mode} prepared"])
        print(f"{mode:14s} median {statistics.median(times):6.1f} ms (min {times[0]:.1f}, "
              f"max {times[-1]:.1f}; prepared in {prepared:.0f} of {len(times)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
