"""The check-in fits the window: at 800×600, and at 1366×768 with 125 % scaling (QT_SCALE_FACTOR=1.25, a
common laptop), in Dutch and in English. On every page: no horizontal scroll bar, every answer option
inside the visible width (options wrap to a new row), and the title whole.

The scaled case runs in a process of its own: Qt takes the scale factor when the application starts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QScrollArea

from tests.helpers import answers
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek

ROOT = Path(__file__).parents[2]
LONG_TITLE_WEEK = IsoWeek(2026, 44)  # 26 October–1 November: two month names in the title
SCALED = (1366, 768, 1.25)


def fit_problems(window, width: int, height: int) -> list[str]:
    """Everything that does not fit when ``window`` is ``width``×``height`` (logical pixels), on every page
    of the check-in of LONG_TITLE_WEEK (opened for correcting: the longest title) with the KANS details
    shown."""
    window.resize(width, height)
    window.open_week(LONG_TITLE_WEEK)
    checkin = window.checkin
    checkin.pages[4].questions["kans_any"].set_value(1)
    checkin.pages[4]._update_details()
    problems = []
    if window.width() > width or window.height() > height:
        problems.append(f"the window needs {window.width()}×{window.height()}")
    for index, page in enumerate(checkin.pages):
        checkin.show_page(index)
        _settle(window)
        where = f"{window.lang} {width}×{height} page {index + 1}"
        scroll = checkin.stack.currentWidget()
        assert isinstance(scroll, QScrollArea)
        bar, viewport = scroll.horizontalScrollBar(), scroll.viewport()
        if bar.isVisible() or bar.maximum() > 0:
            problems.append(f"{where}: horizontal scroll bar (range {bar.maximum()})")
        for button in page.findChildren(QAbstractButton):
            if not button.isVisibleTo(page):
                continue
            box = QRect(button.mapTo(viewport, QPoint(0, 0)), button.size())
            if box.left() < 0 or box.right() >= viewport.width():
                problems.append(f"{where}: option {button.text()!r} at {box.left()}–{box.right()} outside "
                                f"0–{viewport.width() - 1}")
            if button.width() < button.sizeHint().width():
                problems.append(f"{where}: option {button.text()!r} squeezed")
        title = checkin.title
        if title.height() < title.heightForWidth(title.width()) or \
                title.width() < title.minimumSizeHint().width():
            problems.append(f"{where}: title {title.text()!r} clipped ({title.width()}×{title.height()})")
        for control in (title, checkin.close_button, checkin.back_button, checkin.next_button):
            box = QRect(control.mapTo(window, QPoint(0, 0)), control.size())
            if not window.rect().contains(box):
                problems.append(f"{where}: {type(control).__name__} {box} outside the window")
    return problems


def _settle(window) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # layouts that depend on width (wrapped text, wrapped options) settle in turns
        QApplication.processEvents()
    window.updateGeometry()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_check_in_fits_800_by_600(qtbot, make_window, repo, lang: str) -> None:
    repo.save(CheckIn(LONG_TITLE_WEEK, answers()))
    window = make_window(lang=lang)
    assert fit_problems(window, 800, 600) == []


@pytest.mark.skipif(sys.platform == "win32", reason="one POSIX process per scale factor")
def test_the_check_in_fits_1366_by_768_at_125_percent(tmp_path: Path) -> None:
    width, height, scale = SCALED
    env = {**os.environ, "QT_SCALE_FACTOR": str(scale), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-m", "tests.ui.test_checkin_fit", str(tmp_path),
                           str(round(width / scale)), str(round(height / scale))],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["ratio"] == scale
    assert result["problems"] == []
    assert result["checked"] == ["nl", "en"]


def main(folder: str, width: int, height: int) -> None:
    """In its own process (QT_SCALE_FACTOR set): check both languages, print the findings as JSON."""
    from PySide6.QtWidgets import QApplication

    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.storage.db import Database
    from vitaalthuis.ui import style, translations
    from vitaalthuis.ui.main_window import MainWindow

    base = Path(folder)
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state")):
        os.environ[var] = str(base / sub)
    app = QApplication([])
    app.setApplicationName("VitaalThuis-fit-test")
    style.apply(app)
    db = Database.open(base / "vt")
    services = open_services(db, today=lambda: dt.date(2026, 11, 28))
    services.checkins.repo.save(CheckIn(LONG_TITLE_WEEK, answers()))
    problems, checked = [], []
    for lang in ("nl", "en"):
        translations.install(lang)
        window = MainWindow(services, SettingsStore(base / f"settings-{lang}"),
                            Settings(language=lang, welcomed=True), lang, use_tray=False)
        window.show()
        problems += fit_problems(window, width, height)
        checked.append(lang)
        window.checkin.save_draft()
        window.hide()
        window.deleteLater()
    ratio = app.primaryScreen().devicePixelRatio()
    db.close()
    print(json.dumps({"problems": problems, "checked": checked, "ratio": ratio}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
