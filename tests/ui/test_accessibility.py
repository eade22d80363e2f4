"""Every interactive widget of every window and page has an accessible name (what a screen reader says)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.conftest import TODAY
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.demo import fill_demo_data

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
               QAbstractItemView, QTabBar)


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin box or combo box: the outer control carries the name
        if isinstance(widget, QHeaderView):
            continue  # a table's header is announced with its table
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface else ""
        if not (name or "").strip().replace("&", ""):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"in {type(widget.parent()).__name__}")
    return missing


def test_every_page_and_tab_of_the_main_window(qtbot, make_window, repo) -> None:
    fill_demo_data(repo, 30, today=TODAY)
    window = make_window()
    problems = []
    for index in range(window.home.tabs.count()):
        window.home.tabs.setCurrentIndex(index)
        problems += unnamed(window)
    window.home.charts.table_check.setChecked(True)
    problems += unnamed(window)
    window.open_week(IsoWeek.current(TODAY))
    for page in range(len(window.checkin.pages)):
        window.checkin.show_page(page)
        window.checkin.pages[4].questions["kans_any"].set_value(1)
        window.checkin.pages[4]._update_details()
        problems += unnamed(window)
    assert problems == []


def test_welcome_page(qtbot, make_window) -> None:
    from vitaalthuis.config.settings import Settings

    window = make_window(Settings())
    assert unnamed(window) == []


def test_dialogs(qtbot, make_window, repo) -> None:
    from vitaalthuis.services.benchmarks import shipped_benchmarks
    from vitaalthuis.ui.about_dialog import AboutDialog
    from vitaalthuis.ui.mydata_dialog import DeleteEverythingDialog, MyDataDialog
    from vitaalthuis.ui.report_dialog import ReportDialog
    from vitaalthuis.ui.settings_dialog import SettingsDialog
    from vitaalthuis.ui.source_dialog import SourceDialog

    fill_demo_data(repo, 10, today=TODAY)
    window = make_window()
    bench = shipped_benchmarks()
    dialogs: list[QDialog] = [
        AboutDialog("nl", window),
        ReportDialog(window.service.history(), IsoWeek.current(TODAY), "nl", window),
        SettingsDialog(window.settings, window.data_dir or TODAY, None, window),
        SourceDialog(bench.figures[:3], bench, "nl", window),
        MyDataDialog(window.services, window),
        DeleteEverythingDialog(window),
    ]
    problems = []
    for dialog in dialogs:
        dialog.show()
        problems += unnamed(dialog)
        dialog.close()
    assert problems == []
