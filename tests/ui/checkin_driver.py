"""A whole check-in driven through the real widgets, by keyboard or by mouse, counting what the user does.

Every key press counts (a chord such as Ctrl+N counts once), and every click. Shared by the keyboard contract
(tests/ui/test_keyboard_contract.py, which drives it with pytest-qt's ``qtbot``) and by ``make bench``
(bench/checkin_effort.py, which drives it with :class:`QTestBot`: the same few calls, on QTest, without
pytest). The drivers check on the way that the focus is where the contract says, so a count is only ever
reported for a check-in that went as intended.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier

ANSWERS_NEE: dict[str, Any] = {
    "gh": 2, "mhi5_1": 5, "mhi5_2": 6, "mhi5_3": 2, "mhi5_4": 5, "mhi5_5": 2, "ls": 8,
    "djg_1": 3, "djg_2": 1, "djg_3": 1, "djg_4": 2, "djg_5": 1, "djg_6": 3, "kans_any": 2, "wlb": 2,
    "days_home": 3, "days_location": 2,
}
ANSWERS_JA: dict[str, Any] = {**ANSWERS_NEE, "kans_any": 1, "kans_regions": ["neck"], "kans_severity": 4,
                              "kans_work": 1}


class Bot(Protocol):
    """What the drivers need of pytest-qt's ``qtbot``."""

    def keyClick(self, widget: Any, key: Any, modifier: Any = ...) -> None: ...  # noqa: N802 - qtbot's name

    def mouseClick(self, widget: Any, button: Any) -> None: ...  # noqa: N802

    def waitUntil(self, callback: Callable[[], object], *, timeout: int = ...) -> None: ...  # noqa: N802


class QTestBot:
    """The calls of ``qtbot`` the drivers use, on QTest, for use outside pytest (benchmarks)."""

    def keyClick(self, widget: QWidget, key: Qt.Key,  # noqa: N802 - qtbot's name
                 modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier)

    def mouseClick(self, widget: QWidget, button: Qt.MouseButton) -> None:  # noqa: N802
        from PySide6.QtTest import QTest

        QTest.mouseClick(widget, button)

    def waitUntil(self, callback: Callable[[], object], *, timeout: int = 5000) -> None:  # noqa: N802
        deadline = time.monotonic() + timeout / 1000
        while not callback():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} ms in vain")
            QApplication.processEvents()
            time.sleep(0.002)


class Keyboard:
    """Presses keys where the focus is, as a user would, and counts them."""

    def __init__(self, bot: Bot, window: Any) -> None:
        self.bot, self.window, self.count = bot, window, 0

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.bot.keyClick(self.window.focusWidget(), key, modifiers)

    def digits(self, text: str) -> None:
        for digit in text:
            self.press(Qt.Key(Qt.Key.Key_0.value + int(digit)))


class Mouse:
    def __init__(self, bot: Bot) -> None:
        self.bot, self.count = bot, 0

    def click(self, widget: QWidget) -> None:
        self.count += 1
        self.bot.mouseClick(widget, Qt.MouseButton.LeftButton)


def active(bot: Bot, window: Any) -> Any:
    """Shortcuts and mnemonics work in the active window only (as on a desktop)."""
    window.activateWindow()
    bot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def option(window: Any, item_id: str, code: Any) -> QAbstractButton:
    for page in window.checkin.pages:
        if item_id in page.questions:
            question = page.questions[item_id]
            if item_id == "kans_regions":
                return question.boxes[code]
            return question.group.button(question._codes.index(code))
    raise KeyError(item_id)


def focused_question(window: Any) -> str | None:
    focus = window.focusWidget()
    for page in window.checkin.pages:
        for item_id, question in page.questions.items():
            if question.isAncestorOf(focus):
                return item_id
    return None


def keyboard_checkin(bot: Bot, window: Any, *, ja: bool) -> int:
    """This week's check-in from the home screen to saved, by keyboard (answers: ANSWERS_JA or ANSWERS_NEE);
    returns the number of key presses."""
    keys = Keyboard(bot, active(bot, window))
    keys.press(Qt.Key.Key_N, CTRL)  # this week's check-in, from the home screen
    assert window.in_checkin() and focused_question(window) == "gh"
    keys.digits("2")  # each digit answers and moves on, past a page's last question to the next page
    keys.digits("56252")
    keys.digits("8")  # the mark
    keys.digits("311213")
    if ja:
        keys.digits("1")  # ja: on to the regions
        assert focused_question(window) == "kans_regions"
        keys.digits("1")  # neck, the first region
        keys.press(Qt.Key.Key_Return)  # done with the regions
        assert focused_question(window) == "kans_severity"
        keys.digits("4")
        keys.digits("1")  # caused by work: yes
    else:
        keys.digits("2")  # nee
    keys.digits("2")  # work and private life
    assert window.checkin.current_index() == 6 and focused_question(window) == "days_home"
    keys.digits("32")  # days at home, at the workplace
    assert focused_question(window) == "hours_worked"
    keys.press(Qt.Key.Key_Return, CTRL)  # finish
    return keys.count


def mouse_checkin(bot: Bot, window: Any, *, ja: bool) -> int:
    """The same check-in by mouse; returns the number of clicks."""
    mouse = Mouse(bot)
    mouse.click(window.home.main_button)
    answers = ANSWERS_JA if ja else ANSWERS_NEE
    order = [i for page in window.checkin.pages for i in page.questions if i in answers]
    for item_id in order:
        index = next(n for n, page in enumerate(window.checkin.pages) if item_id in page.questions)
        # the next page comes by itself after a page's last answer: no click for it
        bot.waitUntil(lambda index=index: window.checkin.current_index() == index, timeout=3000)
        code = answers[item_id][0] if item_id == "kans_regions" else answers[item_id]
        mouse.click(option(window, item_id, code))
    mouse.click(window.checkin.next_button)  # "Afronden": the last page never finishes by itself
    return mouse.count
