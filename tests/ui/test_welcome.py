"""The welcome page asks for the weekly reminder and start at login: what it shows first, what the
organisation fixed, what leaving it saves and switches on, and that it fits in a small window."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import NOW
from vitaalthuis.config import autostart
from vitaalthuis.config.policy import Policy
from vitaalthuis.config.settings import Settings, resolve

ORGANISATION = "Gemeente Voorbeeld"


class FakeAutostart:
    """Start at login without touching the desktop: records what the window asks."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def is_enabled(self) -> bool:
        return bool(self.calls) and self.calls[-1][0] == "enable"

    def enable(self, command: Sequence[str]) -> None:
        self.calls.append(("enable", list(command)))

    def disable(self) -> None:
        self.calls.append(("disable", []))


@pytest.fixture
def fake_autostart(monkeypatch: pytest.MonkeyPatch) -> FakeAutostart:
    fake = FakeAutostart()
    monkeypatch.setattr(autostart, "for_platform", lambda platform=None: fake)
    return fake


@pytest.fixture
def welcome_window(qtbot, services, store):
    """A first start (not welcomed yet), optionally under an organisation policy."""
    from vitaalthuis.ui.main_window import MainWindow

    def make(policy: Policy | None = None, lang: str = "nl"):
        policy = policy or Policy()
        settings = resolve({}, policy.defaults, policy.locked)
        window = MainWindow(services, store, settings, lang, now=NOW, use_tray=False, policy=policy)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.stack.currentWidget() is window.welcome
        return window

    return make


def test_defaults_remind_on_friday_and_start_at_login(welcome_window) -> None:
    page = welcome_window().welcome
    assert page.reminder.isChecked() and page.reminder.text() == "Herinner me elke week"
    assert page.day.currentText() == "vrijdag" and page.day.count() == 7
    assert [page.day.itemText(i) for i in (0, 6)] == ["maandag", "zondag"]
    assert page.time.time() == QTime(15, 0)
    assert page.autostart.isChecked() and page.autostart.text() == "Start bij inloggen"  # on by default
    assert "hulpprogramma" in page.autostart_hint.text() and "Instellingen" in page.autostart_hint.text()
    assert all(c.isEnabled() for c in page.controls.values()) and page.locked_note is None
    page.reminder.setChecked(False)
    assert not page.day.isEnabled() and not page.time.isEnabled() and page.autostart.isEnabled()


def test_policy_values_are_shown_and_locked_ones_greyed_out(welcome_window) -> None:
    policy = Policy(organisation=ORGANISATION,
                    defaults={"reminder_day": 2, "reminder_time": "10:30", "start_at_login": False},
                    locked=frozenset({"reminder_day", "start_at_login"}))
    page = welcome_window(policy).welcome
    assert page.day.currentText() == "dinsdag" and not page.day.isEnabled()
    assert page.time.time() == QTime(10, 30) and page.time.isEnabled()  # a default only: yours to change
    assert not page.autostart.isChecked() and not page.autostart.isEnabled()
    assert page.autostart.toolTip() == f"Vastgelegd door {ORGANISATION}"
    assert page.locked_note is not None and page.locked_note.isVisibleTo(page)
    assert page.locked_note.text() == f"Grijze instellingen zijn vastgelegd door {ORGANISATION}."
    assert not page.autostart_hint.isVisibleTo(page)  # locked off: nothing to explain
    page.reminder.setChecked(False)
    page.reminder.setChecked(True)
    assert not page.day.isEnabled()  # stays greyed out


def test_a_policy_default_is_shown_but_not_locked(welcome_window) -> None:
    page = welcome_window(Policy(defaults={"start_at_login": False})).welcome
    assert not page.autostart.isChecked() and page.autostart.isEnabled()
    assert page.locked_note is None


def test_welcome_done_saves_the_choices_and_switches_start_at_login_on(welcome_window, store, services,
                                                                        fake_autostart, qtbot) -> None:
    window = welcome_window()
    page = window.welcome
    page.day.setCurrentIndex(0)
    page.time.setTime(QTime(8, 30))
    with qtbot.waitSignal(window.settings_changed, timeout=1000) as changed:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    saved = store.load()
    assert saved == Settings(language="nl", welcomed=True, reminder_day=1, reminder_time="08:30",
                             start_at_login=True)
    assert changed.args == [saved]  # the composition root starts the helper on this
    assert window.reminder.schedule.weekday == 1
    [(what, command)] = fake_autostart.calls
    assert what == "enable"
    assert command == autostart.background_command(services.data_dir)
    assert command[-3:] == ["--background", "--data-dir", str(services.data_dir)]


def test_welcome_done_without_start_at_login_switches_it_off(welcome_window, store, fake_autostart) -> None:
    window = welcome_window()
    window.welcome.autostart.setChecked(False)
    window.welcome.reminder.setChecked(False)
    window._welcome_done()  # as the window's Ctrl+N does on this page: no arguments, the page's choices
    assert store.load() == Settings(language="nl", welcomed=True, reminder_enabled=False)
    assert fake_autostart.calls == [("disable", [])]


def test_locked_values_are_kept_whatever_the_page_says(welcome_window, store, fake_autostart) -> None:
    policy = Policy(defaults={"reminder_day": 2, "start_at_login": True},
                    locked=frozenset({"reminder_day", "start_at_login"}))
    window = welcome_window(policy)
    window.welcome.day.setCurrentIndex(6)  # even if changed somehow
    window.welcome.autostart.setChecked(False)
    window._welcome_done()
    assert (window.settings.reminder_day, window.settings.start_at_login) == (2, True)
    assert store.load(policy.defaults, policy.locked).reminder_day == 2
    assert [what for what, _command in fake_autostart.calls] == ["enable"]  # the organisation's choice


def test_a_language_switch_keeps_the_choices(welcome_window, qtbot) -> None:
    window = welcome_window()
    window.welcome.day.setCurrentIndex(2)
    window.welcome.autostart.setChecked(False)
    qtbot.mouseClick(window.welcome.radio_en, Qt.MouseButton.LeftButton)
    page = window.welcome
    assert window.lang == "en" and page.reminder.text() == "Remind me every week"
    assert page.day.currentText() == "Wednesday" and not page.autostart.isChecked()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("locked", [False, True])
def test_the_card_fits_in_800_by_600(welcome_window, qtbot, lang: str, locked: bool) -> None:
    policy = Policy(organisation=ORGANISATION, defaults={"reminder_day": 2},
                    locked=frozenset({"reminder_day"})) if locked else None
    window = welcome_window(policy, lang)
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.size().height() == 600)
    page = window.welcome
    card = page.findChild(QWidget, "card")
    assert card.height() >= card.minimumSizeHint().height()
    assert card.geometry().bottom() < page.height() and card.geometry().top() > 0
    for child in card.findChildren(QWidget):
        if child.isVisibleTo(page) and child.parent() is card:
            assert card.rect().contains(child.geometry()), child
            assert child.height() >= min(child.sizeHint().height(), child.minimumSizeHint().height()), child


def test_the_welcome_page_widgets_are_named(welcome_window) -> None:
    from tests.ui.test_accessibility import unnamed

    assert unnamed(welcome_window()) == []


def test_closing_hides_in_the_tray_unless_the_helper_runs(qtbot, services, store) -> None:
    """With a tray the window hides on closing, to bring the reminder; with the background helper running
    (it reminds without a window) closing ends the window."""
    from PySide6.QtGui import QCloseEvent

    from vitaalthuis.background.lock import HelperLock
    from vitaalthuis.ui.main_window import MainWindow

    settings = Settings(language="nl", welcomed=True)
    window = MainWindow(services, store, settings, "nl", now=NOW, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.reminder.tray = object()  # as if the desktop had a tray (there is none offscreen)
    try:
        hidden = QCloseEvent()
        window.closeEvent(hidden)
        assert not hidden.isAccepted() and window.isHidden()
        helper = HelperLock(services.data_dir)
        assert helper.acquire().value == "ours"
        try:
            window.show()
            closed = QCloseEvent()
            window.closeEvent(closed)
            assert closed.isAccepted()
        finally:
            helper.release()
    finally:
        window.reminder.tray = None


def test_the_page_asks_real_settings() -> None:
    from vitaalthuis.ui.welcome import ASKED

    assert set(ASKED) <= {f.name for f in dataclasses.fields(Settings)}
