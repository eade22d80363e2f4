"""One widget per item kind. Each shows the item's wording from the domain data (verbatim) and reports
its value; none of them validates beyond what the control itself allows (and the days' total of 7).

Keys (the help tab lists them as "Sneltoetsen"): on a question with options a digit chooses — the N-th
option as shown, or on a number scale the number itself (0 is 10 on the 1–10 mark) — and the page then moves
focus on (:attr:`QuestionWidget.answered_by_key`). Arrow keys choose within a question, as radio groups do.
On the regions question digits tick a region; in the hours and note fields digits are typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.instruments import Item, Kind
from vitaalthuis.ui.checkin.flow import FlowLayout

_CHORD = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
          | Qt.KeyboardModifier.MetaModifier)
_BACK_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Left)
_ON_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Right)


def pressed_digit(event: QKeyEvent) -> int | None:
    """The digit a key press types (main row or keypad), or None (also for Ctrl/Alt chords)."""
    text = event.text()
    if len(text) != 1 or not text.isdigit() or event.modifiers() & _CHORD:
        return None
    return int(text)


def arrow_step(event: QKeyEvent) -> int:
    """-1 for Up/Left, +1 for Down/Right, 0 for any other key (or an arrow with Ctrl/Alt)."""
    if event.modifiers() & _CHORD:
        return 0
    return -1 if event.key() in _BACK_KEYS else 1 if event.key() in _ON_KEYS else 0


class QuestionWidget(QFrame):
    """Common frame: the question text, the control, and room for a problem message."""

    changed = Signal()
    answered_by_key = Signal()  # a digit gave the answer: the page moves focus on
    typed = False  # the answer is typed into a field (hours, note): saved shortly after the last key
    single = True  # one click gives the whole answer (not so for the regions, where you may tick several)

    def __init__(self, item: Item, lang: str, number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("question")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.setSpacing(6)
        text = item.question.get(lang)
        self.label = QLabel(f"{number}. {text}" if number else text)
        self.label.setObjectName("question")
        self.label.setWordWrap(True)
        self._layout.addWidget(self.label)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.setAccessibleName(text)

    def finish_layout(self) -> None:
        self._layout.addWidget(self.problem_label)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def is_open(self) -> bool:
        """A required question without an answer yet."""
        return self.item.required and self.value() is None

    def focus_control(self) -> None:
        self.setFocus()

    def set_problem(self, message: str | None) -> None:
        self.problem_label.setText(message or "")
        self.problem_label.setVisible(bool(message))
        if bool(self.property("problem")) != bool(message):
            self.setProperty("problem", bool(message))
            self.style().unpolish(self)
            self.style().polish(self)


class ChoiceQuestion(QuestionWidget):
    """One answer from a list of codes (radio buttons). A digit or an arrow key chooses too."""

    def __init__(self, item: Item, lang: str, number: int | None = None, *, horizontal: bool = False,
                 options: list[tuple[Any, str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        self.limit: Callable[[Any], str | None] | None = None  # why a value is refused (the days' total)
        self._value: Any = None
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row: QLayout = FlowLayout() if horizontal else QVBoxLayout()
        row.setSpacing(14 if horizontal else 2)
        choices = options or [(o.code, o.label.get(lang)) for o in item.options]
        self._codes: list[Any] = []
        for index, (code, text) in enumerate(choices):
            button = QRadioButton(text)
            button.setAccessibleName(f"{text}")
            button.setAccessibleDescription(item.question.get(lang))
            button.installEventFilter(self)
            self.group.addButton(button, index)
            self._codes.append(code)
            row.addWidget(button)
        self._layout.addLayout(row)
        self.group.buttonToggled.connect(self._toggled)
        self.finish_layout()

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        code = self._codes[self.group.id(button)]
        if code == self._value:
            return
        refusal = self.limit(code) if self.limit is not None else None
        if refusal:  # a click on a refused value: the answer stays what it was
            self._show(self._value)
            self.set_problem(refusal)
            return
        self._value = code
        self.set_problem(None)
        self.changed.emit()

    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()

    def value(self) -> Any:
        index = self.group.checkedId()
        return None if index < 0 else self._codes[index]

    def set_value(self, value: Any) -> None:
        self._value = value if value in self._codes else None
        self._show(self._value)

    def _show(self, value: Any) -> None:
        blocked = self.group.blockSignals(True)
        try:
            if value in self._codes:
                self.group.button(self._codes.index(value)).setChecked(True)
            else:
                checked = self.group.checkedButton()
                if checked is not None:
                    self.group.setExclusive(False)
                    checked.setChecked(False)
                    self.group.setExclusive(True)
        finally:
            self.group.blockSignals(blocked)

    def choose(self, code: Any, *, by_key: bool = False) -> bool:
        """Choose ``code`` and focus its option; False (with the reason beside the options) when refused."""
        refusal = self.limit(code) if self.limit is not None else None
        if refusal:
            self.set_problem(refusal)
            return False
        button = self.group.button(self._codes.index(code))
        button.setFocus(Qt.FocusReason.TabFocusReason)
        button.setChecked(True)
        if by_key:
            self.answered_by_key.emit()
        return True

    def focus_control(self) -> None:
        target = self.group.checkedButton() or self.group.button(0)
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Digits and arrow keys on the options (a radio button would only move focus with the arrows)."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        digit = pressed_digit(event)
        if digit is not None:
            code = self.digit_code(digit)
            if code is not None:
                self.choose(code, by_key=True)
            return True  # a digit without an option does nothing
        step = arrow_step(event)
        if step and isinstance(watched, QAbstractButton) and watched in self.buttons():
            here = self.group.id(watched)
            self.choose(self._codes[min(max(here + step, 0), len(self._codes) - 1)])
            return True
        return False

    def digit_code(self, digit: int) -> Any:
        """The code a digit chooses: on a number scale the number itself (0 is 10 on a 1–10 mark), else the
        N-th option as shown; None when the digit has no option."""
        if self.item.kind is Kind.SCALE:
            if digit in self._codes:
                return digit
            return 10 if digit == 0 and 10 in self._codes else None
        return self._codes[digit - 1] if 1 <= digit <= len(self._codes) else None


def scale_question(item: Item, lang: str, number: int | None = None) -> ChoiceQuestion:
    """A number scale as a row of options (the mark 1–10, the severity 0–10, days 0–7): one click each."""
    assert item.minimum is not None and item.maximum is not None
    values = range(int(item.minimum), int(item.maximum) + 1)
    return ChoiceQuestion(item, lang, number, horizontal=True, options=[(v, str(v)) for v in values])


class MultiQuestion(QuestionWidget):
    """A set of fixed values (check boxes). A digit ticks or unticks the N-th one; Enter moves on."""

    single = False

    def __init__(self, item: Item, lang: str, number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        self.boxes: dict[str, QCheckBox] = {}
        row = FlowLayout(spacing=16)
        for option in item.options:
            box = QCheckBox(option.label.get(lang))
            box.setAccessibleName(option.label.get(lang))
            box.setAccessibleDescription(item.question.get(lang))
            box.toggled.connect(self._toggled)
            box.installEventFilter(self)
            self.boxes[str(option.code)] = box
            row.addWidget(box)
        self._layout.addLayout(row)
        self.finish_layout()

    def _toggled(self, _checked: bool) -> None:
        if self.value():
            self.set_problem(None)
        self.changed.emit()

    def value(self) -> list[str] | None:
        chosen = sorted(code for code, box in self.boxes.items() if box.isChecked())
        return chosen or None

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)

    def focus_control(self) -> None:
        boxes = list(self.boxes.values())
        target = next((b for b in boxes if b.isChecked()), boxes[0])
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        boxes = list(self.boxes.values())
        digit = pressed_digit(event)
        if digit is not None:
            if 1 <= digit <= len(boxes):
                box = boxes[digit - 1]
                box.setFocus(Qt.FocusReason.TabFocusReason)
                box.toggle()
            return True
        step = arrow_step(event)
        if step and watched in boxes:
            here = boxes.index(watched)
            boxes[min(max(here + step, 0), len(boxes) - 1)].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False


class HoursBox(QDoubleSpinBox):
    """A decimal field that takes a digit at once while it shows "—" (not answered), and reads either "," or
    "." as the decimal sign of the window's language (so "32,5" and "32.5" both give 32.5 in Dutch)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        if text and (text.isdigit() or text in ".,") and self.value() == self.minimum():
            self.lineEdit().clear()  # "—" is not a number to type after
        point = self.locale().decimalPoint()
        if text in (".", ",") and text != point and not event.modifiers() & _CHORD:
            key = Qt.Key.Key_Comma if point == "," else Qt.Key.Key_Period
            event = QKeyEvent(event.type(), key, event.modifiers(), point)
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.selectAll()  # typing replaces what is there, however the field got focus


class NumberQuestion(QuestionWidget):
    """A decimal number in steps of a half (hours worked); "—" when left empty."""

    typed = True

    def __init__(self, item: Item, lang: str, number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        assert item.minimum is not None and item.maximum is not None
        self.spin = HoursBox()
        self.spin.setDecimals(1)
        self.spin.setSingleStep(0.5)
        self.spin.setRange(item.minimum - 0.5, item.maximum)
        self.spin.setSpecialValueText("—")
        self.spin.setValue(self.spin.minimum())
        self.spin.setAccessibleName(item.question.get(lang))
        self.spin.setMinimumWidth(90)
        self.spin.valueChanged.connect(lambda _v: self.changed.emit())
        row = QHBoxLayout()
        row.addWidget(self.spin)
        row.addStretch(1)
        self._layout.addLayout(row)
        self.finish_layout()

    def value(self) -> float | int | None:
        v = self.spin.value()
        if v < 0:
            return None
        return int(v) if v == int(v) else v

    def set_value(self, value: Any) -> None:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        self.spin.setValue(float(value) if ok else self.spin.minimum())

    def focus_control(self) -> None:
        self.spin.setFocus(Qt.FocusReason.TabFocusReason)
        self.spin.selectAll()  # what you type replaces the number shown


class TextQuestion(QuestionWidget):
    """Free text with a live character count against the limit. Enter makes a new line."""

    typed = True

    def __init__(self, item: Item, lang: str, number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(item.question.get(lang))
        self.edit.setFixedHeight(90)
        self.counter = QLabel()
        self.counter.setObjectName("muted")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.textChanged.connect(self._changed)
        self._layout.addWidget(self.edit)
        self._layout.addWidget(self.counter)
        self.finish_layout()
        self._changed()

    def _changed(self) -> None:
        length = len(self.edit.toPlainText())
        self.counter.setText(f"{length} / {self.item.max_length}")
        if self.item.max_length and length <= self.item.max_length:
            self.set_problem(None)
        self.changed.emit()

    def value(self) -> str | None:
        return self.edit.toPlainText() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText(value if isinstance(value, str) else "")

    def focus_control(self) -> None:
        self.edit.setFocus(Qt.FocusReason.TabFocusReason)


def make_question(item: Item, lang: str, number: int | None = None) -> QuestionWidget:
    if item.kind is Kind.CHOICE:
        horizontal = len(item.options) > 2 and item.id.startswith(("mhi5", "djg"))
        return ChoiceQuestion(item, lang, number, horizontal=horizontal)
    if item.kind is Kind.SCALE:
        return scale_question(item, lang, number)
    if item.kind is Kind.MULTI:
        return MultiQuestion(item, lang, number)
    if item.kind is Kind.NUMBER:
        return NumberQuestion(item, lang, number)
    return TextQuestion(item, lang, number)
