"""Screenshots of the app for review and the README: run under Xvfb (see docs/development.md).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshot.py OUTDIR [--lang nl|en]

Uses a temporary data folder with a few check-ins; never touches real user data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--policy",
                        help="an organisation policy.toml to show (e.g. packaging/policy-example.toml)")
    parser.add_argument("--demo-weeks", type=int, default=0,
                        help="fill with demo data instead of 4 check-ins")
    parser.add_argument("--size", default="1040x760", help="window size WIDTHxHEIGHT (e.g. 800x600)")
    args = parser.parse_args()
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="vt-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["VITAALTHUIS_DATA_DIR"] = str(tmp / "data")

    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.domain.checkin import CheckIn
    from vitaalthuis.domain.weeks import IsoWeek
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.services.tips import shipped_library
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database
    from vitaalthuis.ui import style
    from vitaalthuis.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("VitaalThuis")
    app.setOrganizationName("VitaalThuis")
    style.apply(app, dark=args.dark)
    tag = f"{args.lang}-dark" if args.dark else args.lang
    width, height = (int(n) for n in args.size.split("x"))
    if args.size != "1040x760":
        tag += f"-{args.size}"
    db = Database.open(tmp / "data")
    repo = CheckinRepository(db.sessions)
    current = IsoWeek.current(dt.date.today())
    base = {"gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2, "mhi5_4": 5, "mhi5_5": 2, "ls": 8, "djg_1": 3,
            "djg_2": 1, "djg_3": 1, "djg_4": 2, "djg_5": 1, "djg_6": 3, "kans_any": 2, "wlb": 2,
            "days_home": 3, "days_location": 2}
    if args.demo_weeks:
        from vitaalthuis.services.demo import fill_demo_data

        fill_demo_data(repo, args.demo_weeks)
    weeks = () if args.demo_weeks else (
        (1, {"ls": 7}),
        (2, {"kans_any": 1, "kans_regions": ["neck", "shoulders"], "kans_severity": 5, "kans_work": 2,
             "gh": 3}),
        (4, {"djg_4": 1, "djg_2": 2, "wlb": 3}),
        (5, {}),
    )
    for back, changes in weeks:
        repo.save(CheckIn(current.shifted(-back), {**base, **changes}))
    store = SettingsStore(tmp / "config")

    def shoot(name: str, widget) -> None:
        app.processEvents()
        widget.grab().save(str(out / f"{name}-{tag}.png"))

    welcome = MainWindow(open_services(db), store, Settings(), args.lang)
    welcome.resize(width, height)
    welcome.show()
    from vitaalthuis.config.policy import Policy, load_policy

    policy = load_policy([Path(args.policy)]) if args.policy else Policy()
    if args.policy:
        tag += "-policy"
    window = MainWindow(open_services(db, tip_library=policy.tip_library(shipped_library())), store,
                        Settings(language=args.lang, welcomed=True), args.lang, policy=policy, use_tray=False)
    window.resize(width, height)

    def steps() -> None:
        shoot("welcome", welcome)
        welcome.close()
        window.show()
        shoot("home", window)
        cards = window.home.dashboard.cards
        if cards:  # the dimension cards: scroll the overview to them and take the overview alone
            from PySide6.QtWidgets import QScrollArea as _Scroll

            scroll = window.home.dashboard.findChild(_Scroll)
            if scroll is not None:
                scroll.ensureWidgetVisible(cards[0], 0, 0)
                top = cards[0].mapTo(scroll.widget(), cards[0].rect().topLeft()).y()
                scroll.verticalScrollBar().setValue(top - 8)
            shoot("cards", window)
        window.home.tabs.setCurrentWidget(window.home.history)
        shoot("history", window)
        window.home.tabs.setCurrentWidget(window.home.charts)
        charts = window.home.charts
        while charts.canvas is None or charts.canvas.stale:  # matplotlib loads, then the chart renders
            app.processEvents()
        shoot("charts-first", window)
        for dimension in ("overview", "mhi5", "djg", "kans"):
            charts.dimension_combo.setCurrentIndex(charts.dimension_combo.findData(dimension))
            shoot(f"chart-{dimension}", window)
        charts.table_check.setChecked(True)
        shoot("chart-table", window)
        charts.table_check.setChecked(False)
        window.home.tabs.setCurrentWidget(window.home.tips_view)
        shoot("tips", window)
        window.home.tabs.setCurrentWidget(window.home.help_view)
        shoot("help", window)
        from PySide6.QtWidgets import QScrollArea

        bar = window.home.help_view.findChild(QScrollArea).verticalScrollBar()
        bar.setValue(bar.maximum())
        shoot("help-bottom", window)
        window.home.tabs.setCurrentIndex(0)
        from vitaalthuis.ui.mydata_dialog import MyDataDialog
        from vitaalthuis.ui.report_dialog import ReportDialog

        mydata = MyDataDialog(window.services, window)
        mydata.show()
        shoot("mydata-dialog", mydata)
        mydata.close()
        report = ReportDialog(window.service.history(), current, args.lang, window)
        report.show()
        shoot("report-dialog", report)
        report.close()
        card = window.home.dashboard.cards[3] if window.home.dashboard.cards else None
        if card is not None and card.source_button is not None:
            from vitaalthuis.ui.source_dialog import SourceDialog

            figures = [line.figure for line in card.result.lines] or list(card.benchmarks.figures[:2])
            dialog = SourceDialog(figures, card.benchmarks, args.lang, window, shown=len(card.result.lines))
            dialog.show()
            shoot("source-dialog", dialog)
            dialog.close()
        window.open_week(current)
        shoot("checkin-1", window)
        for i in range(1, 7):
            window.checkin.go_next()
            if i == 4:
                window.checkin.pages[4].questions["kans_any"].set_value(1)
                window.checkin.pages[4]._update_details()
            shoot(f"checkin-{i + 1}", window)
        window.checkin.go_next()  # finish with empty answers: problems are pointed at
        shoot("checkin-problems", window)
        window.checkin.save_and_close()
        shoot("home-draft", window)
        app.quit()

    QTimer.singleShot(300, steps)
    app.exec()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
