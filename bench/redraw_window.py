"""Redraw time in the real window: switch dimension and range on the Charts tab with 520 weeks of demo data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/redraw_window.py [--runs 20]

Times a switch as triggered by the combo boxes until the canvas has rendered the new chart (series
building, figure rebuild into the reused Figure, the render at the next event-loop turn). Prints the median
and spread per switch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from chart_switch import choose, choose_range, outdate, shown, until_on_screen

    app = QApplication(sys.argv[:1])
    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.services.demo import fill_demo_data
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database
    from vitaalthuis.ui import style
    from vitaalthuis.ui.main_window import MainWindow

    style.apply(app)
    tmp = Path(tempfile.mkdtemp(prefix="vt-bench-"))
    db = Database.open(tmp / "data")
    repo = CheckinRepository(db.sessions)
    fill_demo_data(repo, 520)
    window = MainWindow(open_services(db), SettingsStore(tmp / "cfg"), Settings("nl", True), "nl")
    window.resize(1100, 800)
    window.show()
    window.home.tabs.setCurrentWidget(window.home.charts)
    charts = window.home.charts
    shown(app, charts)
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("all"))
    results: dict[str, list[float]] = {}
    dims = ["djg", "ls", "gh", "kans", "wlb", "overview", "mhi5"]
    for _ in range(args.runs):
        outdate(app, charts)
        for dim in dims:
            seconds = until_on_screen(app, charts, choose(charts, dim))
            results.setdefault(f"dimension → {dim} (all, 520 weeks)", []).append(seconds)
        charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData("mhi5"))
        for code in ("3m", "1y", "all"):
            seconds = until_on_screen(app, charts, choose_range(charts, code))
            results.setdefault(f"range → {code} (MHI-5)", []).append(seconds)
    for name, times in results.items():
        ms = sorted(t * 1000 for t in times)
        print(f"{name:38s} median {statistics.median(ms):6.1f} ms  (p10 {ms[len(ms) // 10]:.1f}, "
              f"p90 {ms[(len(ms) * 9) // 10]:.1f}, n={len(ms)})")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
