"""One page of the check-in: one dimension, its instruction and its questions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from vitaalthuis.domain.answers import KANS_YES
from vitaalthuis.domain.help_contacts import NOTE_FIELD_HINT
from vitaalthuis.domain.instruments import KANS_DETAIL_IDS, Origin, Section
from vitaalthuis.ui import labels
from vitaalthuis.ui.checkin.questions import ChoiceQuestion, QuestionWidget, make_question

DAYS_IN_WEEK = 7


class SectionPage(QWidget):
    changed = Signal(object)  # the QuestionWidget whose answer changed
    answered_by_key = Signal(object)  # the QuestionWidget a digit answered

    def __init__(self, section: Section, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.questions: dict[str, QuestionWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = QLabel(section.title.get(lang))
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        origin = self._origin_text(section)
        if origin:
            note = QLabel(origin)
            note.setObjectName("hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        if section.instruction:
            instruction = QLabel(section.instruction.get(lang))
            instruction.setWordWrap(True)
            layout.addWidget(instruction)

        numbered = len(section.items) > 2 and section.id in ("mhi5", "djg")
        self.details = QFrame()  # KANS detail questions, shown only after "ja"
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(18, 0, 0, 0)
        for number, item in enumerate(section.items, start=1):
            question = make_question(item, lang, number if numbered else None)
            question.changed.connect(lambda q=question: self._on_changed(q))
            question.answered_by_key.connect(lambda q=question: self.answered_by_key.emit(q))
            self.questions[item.id] = question
            if item.id in KANS_DETAIL_IDS:
                details_layout.addWidget(question)
            else:
                layout.addWidget(question)
            if item.id == "kans_any":
                layout.addWidget(self.details)
        if section.id == "context":
            help_line = QLabel(NOTE_FIELD_HINT.get(lang))  # bilingual data: points to 113 and the help page
            help_line.setObjectName("hint")
            help_line.setWordWrap(True)
            layout.addWidget(help_line)
        layout.addStretch(1)
        self._limit_days()
        self._update_details()

    def _origin_text(self, section: Section) -> str:
        if section.origin is Origin.OWN:
            return self.tr("This is VitaalThuis's own question, modelled on a national indicator; it is not "
                           "a validated questionnaire.")
        if section.origin is Origin.CONTEXT:
            return self.tr("For your own overview only: these answers are not scored.")
        return ""

    def _limit_days(self) -> None:
        """Days at home and at the workplace never add up to more than 7: a choice that would is refused."""
        home, location = self.questions.get("days_home"), self.questions.get("days_location")
        if isinstance(home, ChoiceQuestion) and isinstance(location, ChoiceQuestion):
            home.limit = lambda days: self._too_many_days(days, location)
            location.limit = lambda days: self._too_many_days(days, home)

    @staticmethod
    def _too_many_days(days: Any, other: QuestionWidget) -> str | None:
        known = other.value()
        if isinstance(days, int) and isinstance(known, int) and days + known > DAYS_IN_WEEK:
            return labels.problem("days_over_7")
        return None

    def _on_changed(self, question: QuestionWidget) -> None:
        self._update_details()
        self.changed.emit(question)

    def _update_details(self) -> None:
        kans = self.questions.get("kans_any")
        if kans is not None:
            self.details.setVisible(kans.value() == KANS_YES)

    def answers(self) -> dict[str, Any]:
        """Everything entered on this page, hidden KANS details included (the draft keeps them)."""
        return {item_id: q.value() for item_id, q in self.questions.items() if q.value() is not None}

    def set_answers(self, answers: dict[str, Any]) -> None:
        for item_id, question in self.questions.items():
            question.blockSignals(True)
            question.set_value(answers.get(item_id))
            question.blockSignals(False)
        self._update_details()

    def visible_questions(self) -> list[QuestionWidget]:
        return [q for i, q in self.questions.items()
                if i not in KANS_DETAIL_IDS or self.details.isVisibleTo(self)]

    def is_complete(self) -> bool:
        """Every required question on screen has an answer (hours and the note may stay empty)."""
        return not any(q.is_open() for q in self.visible_questions())

    def focus_first(self) -> None:
        """Focus the first open question on screen; when none is open, the first one left empty (hours, the
        note), else the first question."""
        shown = self.visible_questions()
        target = next((q for q in shown if q.is_open()), None) \
            or next((q for q in shown if q.value() is None), shown[0])
        target.focus_control()

    def focus_after(self, question: QuestionWidget) -> bool:
        """Focus the question on screen after ``question``; False when it is the last one."""
        shown = self.visible_questions()
        if question not in shown or question is shown[-1]:
            return False
        shown[shown.index(question) + 1].focus_control()
        return True
