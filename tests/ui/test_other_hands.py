"""The window beside other hands: a week imported meanwhile is shown and never overwritten unasked, deleting
everything stops the timers first, and the error dialog says what was saved."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis import cli
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.exchange import export_json
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.storage.errors import StorageReadError

THIS_WEEK = IsoWeek.current(TODAY)


def _import(db, checkin: CheckIn, tmp_path) -> None:
    """Store a week the way `vitaalthuis import` does beside the open window."""
    doc = tmp_path / "week.json"
    doc.write_text(export_json([checkin]), encoding="utf-8")
    err = io.StringIO()
    status = cli.run(["--data-dir", str(db.path.parent), "import", str(doc)], out=io.StringIO(), err=err)
    assert status == 0, err.getvalue()


@pytest.fixture
def answer_box(monkeypatch):
    """Answers the next QMessageBox.exec() by clicking the button with the given text; records the text."""
    state: dict[str, object] = {"click": None, "shown": []}

    def fake_exec(box) -> int:
        state["shown"].append(f"{box.text()}\n{box.informativeText()}")
        box._clicked = next(b for b in box.buttons() if b.text() == state["click"])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: getattr(box, "_clicked", None))
    return state


def _fill_and_finish(qtbot, window, ls: int) -> None:
    for page in window.checkin.pages:
        page.set_answers(answers(ls=ls))
    window.checkin.show_page(len(window.checkin.pages) - 1)
    qtbot.mouseClick(window.checkin.next_button, Qt.MouseButton.LeftButton)


def test_a_week_imported_while_filling_it_in_is_not_overwritten_unasked(
        qtbot, make_window, repo, db, tmp_path, answer_box) -> None:
    window = make_window()
    qtbot.mouseClick(window.home.main_button, Qt.MouseButton.LeftButton)
    _import(db, CheckIn(THIS_WEEK, answers(ls=3)), tmp_path)  # meanwhile, from the command line
    answer_box["click"] = "Nu niet"
    _fill_and_finish(qtbot, window, ls=9)
    assert "ergens anders" in answer_box["shown"][0]
    assert repo.get(THIS_WEEK).answers["ls"] == 3  # the imported one stays
    assert repo.get_draft(THIS_WEEK).answers["ls"] == 9  # and the answers on screen are kept as a draft
    assert window.in_checkin() and window.checkin.message.isVisible()

    answer_box["click"] = "Vervangen"  # asked, and yes: now it is replaced
    qtbot.mouseClick(window.checkin.next_button, Qt.MouseButton.LeftButton)
    assert repo.get(THIS_WEEK).answers["ls"] == 9
    assert repo.get_draft(THIS_WEEK) is None
    assert window.stack.currentWidget() is window.home


def test_correcting_a_week_that_was_replaced_meanwhile_asks_first(
        qtbot, make_window, repo, db, tmp_path, answer_box) -> None:
    repo.save(CheckIn(THIS_WEEK, answers(ls=5)))
    window = make_window()
    window.open_week(THIS_WEEK)  # "Bekijken of aanpassen"
    doc = tmp_path / "week.json"
    doc.write_text(export_json([CheckIn(THIS_WEEK, answers(ls=2))]), encoding="utf-8")
    assert cli.run(["--data-dir", str(db.path.parent), "import", str(doc), "--replace"],
                   out=io.StringIO(), err=io.StringIO()) == 0
    answer_box["click"] = "Nu niet"
    _fill_and_finish(qtbot, window, ls=7)
    assert answer_box["shown"] and repo.get(THIS_WEEK).answers["ls"] == 2


def test_the_home_page_shows_an_import_at_the_next_refresh(qtbot, make_window, db, tmp_path) -> None:
    window = make_window()
    assert window.home.history.row_count() == 0
    _import(db, CheckIn(THIS_WEEK.shifted(-1), answers()), tmp_path)
    window.changeEvent(QEvent(QEvent.Type.ActivationChange))  # the user comes back to the window
    if not window.isActiveWindow():  # offscreen windows may never become active: the minute tick does it
        window.reminder.timer.timeout.emit()
    assert window.home.history.row_count() == 1


def test_the_reminder_check_survives_a_database_that_cannot_be_read(qtbot, make_window, monkeypatch) -> None:
    window = make_window()

    def unreadable(_week):
        raise StorageReadError(window.services.data_dir, "gone", "io", "SQLITE_IOERR_SHORT_READ")

    monkeypatch.setattr(window.service, "state", unreadable)
    window.reminder.check()  # no exception reaches Qt (that would open the error dialog)
    window.refresh_if_changed()


def test_delete_everything_stops_the_timers_before_deleting(qtbot, make_window, db, monkeypatch) -> None:
    from vitaalthuis.services.mydata import MyDataService
    from vitaalthuis.ui.mydata_dialog import MyDataDialog

    window = make_window()
    assert window.reminder.timer.isActive()
    seen: list[bool] = []
    real = MyDataService.delete_everything

    def spy(self, *args, **kwargs):
        seen.append(window.reminder.timer.isActive())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(MyDataService, "delete_everything", spy)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    monkeypatch.setattr(MyDataDialog, "exec", lambda dialog: dialog.delete_everything(None))
    window.open_mydata()
    assert seen == [False]  # stopped while the files went
    assert window.reminder.timer.isActive()  # and running again, on the new empty database
    assert window.service.history() == []


def test_the_error_dialog_says_what_was_kept(qtbot, make_window, repo, monkeypatch) -> None:
    from vitaalthuis.ui.startup import crash_dialog

    window = make_window()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text)))
    show = crash_dialog(lambda: window)
    show()
    assert "Alles wat je hebt opgeslagen is bewaard." in shown[-1] and "concept" not in shown[-1]

    window.open_week(THIS_WEEK)
    window.checkin.pages[0].set_answers({"gh": 3})
    show()
    assert "concept" in shown[-1]
    assert repo.get_draft(THIS_WEEK).answers == {"gh": 3}

    monkeypatch.setattr(window.checkin, "save_draft", lambda: False)  # the disk refuses
    show()
    assert "niet worden opgeslagen" in shown[-1]
    monkeypatch.undo()  # closing the window at the end saves the draft for real
