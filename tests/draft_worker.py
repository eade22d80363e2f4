"""A check-in being filled in, for the kill test: ``python -m tests.draft_worker DATA_DIR``.

Builds the check-in page offscreen against the data folder, answers the questions one by one through the
widgets (digits as a user types them, then the hours and the note), printing ``answer N ITEM VALUE`` after
each, at a pace faster than anyone answers (PACE_S). Then it waits to be killed (or ends by itself after
LIMIT_S). The test kills it with SIGKILL after some answers and checks what the draft kept.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = dt.date(2026, 11, 28)
PACE_S = 0.35
LIMIT_S = 60
# (item, what is typed, the value it gives): the keyboard path of the check-in, "ja" included
STEPS: tuple[tuple[str, str, object], ...] = (
    ("gh", "2", 2), ("mhi5_1", "5", 5), ("mhi5_2", "6", 6), ("mhi5_3", "2", 2), ("mhi5_4", "5", 5),
    ("mhi5_5", "2", 2), ("ls", "8", 8), ("djg_1", "3", 3), ("djg_2", "1", 1), ("djg_3", "1", 1),
    ("djg_4", "2", 2), ("djg_5", "1", 1), ("djg_6", "3", 3), ("kans_any", "1", 1),
    ("kans_regions", "1\n", ["neck"]), ("kans_severity", "4", 4), ("kans_work", "1", 1), ("wlb", "2", 2),
    ("days_home", "3", 3), ("days_location", "2", 2), ("hours_worked", "36", 36),
    ("note", "\tRustige week", "Rustige week"),
)


def run(data_dir: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.storage.db import Database
    from vitaalthuis.ui import translations
    from vitaalthuis.ui.checkin.page import CheckinPage

    app = QApplication([])
    translations.install("nl")
    services = open_services(Database.open(data_dir), today=lambda: TODAY)
    page = CheckinPage(services.checkins, "nl")
    page.resize(900, 700)
    page.show()
    page.load(services.checkins.open_week(services.checkins.current_week()))
    special = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}
    for number, (item, typed, value) in enumerate(STEPS, start=1):
        for char in typed:
            target = page.window().focusWidget()
            if char in special:
                QTest.keyClick(target, special[char])
            else:
                QTest.keyClicks(target, char)
        print(f"answer {number} {item} {json.dumps(value)}", flush=True)
        QTest.qWait(int(PACE_S * 1000))
    print("done", flush=True)
    started = time.monotonic()
    while time.monotonic() - started < LIMIT_S:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    run(Path(sys.argv[1]))
