"""One widget per item kind. Each shows the item's wording from the domain data (verbatim) and reports
its value; none of them validates beyond what the control itself allows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.instruments import Item, Kind


class QuestionWidget(QFrame):
    """Common frame: the question text, the control, and room for a problem message."""

    changed = Signal()

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

    def focus_control(self) -> None:
        self.setFocus()

    def set_problem(self, message: str | None) -> None:
        self.problem_label.setText(message or "")
        self.problem_label.setVisible(bool(message))
        self.setProperty("problem", bool(message))
        self.style().unpolish(self)
        self.style().polish(self)


class ChoiceQuestion(QuestionWidget):
    """One answer from a list of codes (radio buttons). Digit keys pick an option too."""

    def __init__(self, item: Item, lang: str, number: int | None = None, *, horizontal: bool = False,
                 options: list[tuple[Any, str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row: QBoxLayout = QHBoxLayout() if horizontal else QVBoxLayout()
        row.setSpacing(14 if horizontal else 2)
        choices = options or [(o.code, o.label.get(lang)) for o in item.options]
        self._codes: list[Any] = []
        for index, (code, text) in enumerate(choices):
            button = QRadioButton(text)
            button.setAccessibleName(f"{text}")
            button.setAccessibleDescription(item.question.get(lang))
            self.group.addButton(button, index)
            self._codes.append(code)
            row.addWidget(button)
        if horizontal:
            row.addStretch(1)
        self._layout.addLayout(row)
        self.group.buttonToggled.connect(self._toggled)
        self.finish_layout()

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.set_problem(None)
            self.changed.emit()

    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()

    def value(self) -> Any:
        index = self.group.checkedId()
        return None if index < 0 else self._codes[index]

    def set_value(self, value: Any) -> None:
        if value in self._codes:
            self.group.button(self._codes.index(value)).setChecked(True)
        else:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)

    def select_code(self, code: Any) -> None:
        """Pick an option as a click would (also moves keyboard focus to it)."""
        button = self.group.button(self._codes.index(code))
        button.setChecked(True)
        button.setFocus()

    def focus_control(self) -> None:
        target = self.group.checkedButton() or self.group.button(0)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        if text.isdigit() and int(text) in self._digit_codes():
            self.select_code(self._digit_codes()[int(text)])
            return
        super().keyPressEvent(event)

    def _digit_codes(self) -> dict[int, Any]:
        if self.item.kind is Kind.SCALE:
            return {c: c for c in self._codes if isinstance(c, int) and c < 10}
        return {i + 1: c for i, c in enumerate(self._codes) if i < 9}


def scale_question(item: Item, lang: str, number: int | None = None) -> ChoiceQuestion:
    assert item.minimum is not None and item.maximum is not None
    values = range(int(item.minimum), int(item.maximum) + 1)
    return ChoiceQuestion(item, lang, number, horizontal=True, options=[(v, str(v)) for v in values])


class MultiQuestion(QuestionWidget):
    """A set of fixed values (check boxes)."""

    def __init__(self, item: Item, lang: str, number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        row.setSpacing(16)
        for option in item.options:
            box = QCheckBox(option.label.get(lang))
            box.setAccessibleName(option.label.get(lang))
            box.setAccessibleDescription(item.question.get(lang))
            box.toggled.connect(self._toggled)
            self.boxes[str(option.code)] = box
            row.addWidget(box)
        row.addStretch(1)
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
        next(iter(self.boxes.values())).setFocus()


class CountQuestion(QuestionWidget):
    """A whole number (days). Below the minimum the box reads "—": not answered yet."""

    def __init__(self, item: Item, lang: str, number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        assert item.minimum is not None and item.maximum is not None
        self.spin = QSpinBox()
        self.spin.setRange(int(item.minimum) - 1, int(item.maximum))
        self.spin.setSpecialValueText("—")
        self.spin.setValue(self.spin.minimum())
        self.spin.setAccessibleName(item.question.get(lang))
        self.spin.setMinimumWidth(90)
        self.spin.valueChanged.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.spin)
        row.addStretch(1)
        self._layout.addLayout(row)
        self.finish_layout()

    def _changed(self, _value: int) -> None:
        self.set_problem(None)
        self.changed.emit()

    def value(self) -> int | None:
        v = self.spin.value()
        return None if v == self.spin.minimum() else v

    def set_value(self, value: Any) -> None:
        self.spin.setValue(value if isinstance(value, int) else self.spin.minimum())

    def focus_control(self) -> None:
        self.spin.setFocus()


class NumberQuestion(QuestionWidget):
    """A decimal number in steps of a half (hours worked); "—" when left empty."""

    def __init__(self, item: Item, lang: str, number: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(item, lang, number, parent)
        assert item.minimum is not None and item.maximum is not None
        self.spin = QDoubleSpinBox()
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
        self.spin.setFocus()


class TextQuestion(QuestionWidget):
    """Free text with a live character count against the limit."""

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
        self.edit.setFocus()


def make_question(item: Item, lang: str, number: int | None = None) -> QuestionWidget:
    if item.kind is Kind.CHOICE:
        horizontal = len(item.options) > 2 and item.id.startswith(("mhi5", "djg"))
        return ChoiceQuestion(item, lang, number, horizontal=horizontal)
    if item.kind is Kind.SCALE:
        if item.id.startswith("days_"):
            return CountQuestion(item, lang, number)
        return scale_question(item, lang, number)
    if item.kind is Kind.MULTI:
        return MultiQuestion(item, lang, number)
    if item.kind is Kind.NUMBER:
        return NumberQuestion(item, lang, number)
    return TextQuestion(item, lang, number)
