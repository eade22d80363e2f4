"""The check-in as a guided flow: one page per dimension, progress, back/next, draft saving, finishing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.instruments import SECTION_OF, SECTIONS
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.checkins import CheckinService, InvalidCheckInError, OpenedWeek
from vitaalthuis.services.errors import StorageError, WeekConflictError
from vitaalthuis.ui import labels
from vitaalthuis.ui.checkin.section_page import SectionPage

DRAFT_DELAY_MS = 600  # answers are also saved shortly after every change, not only on page changes


class CheckinPage(QWidget):
    finished = Signal(object)  # CheckIn
    closed = Signal()  # back to the home screen; the draft is saved

    def __init__(self, service: CheckinService, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.lang = lang
        self.week: IsoWeek | None = None
        self.existing: CheckIn | None = None
        self._hidden_answers: dict[str, Any] = {}
        self._loading = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 16)
        outer.setSpacing(10)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        header.addWidget(self.title, 1)
        self.close_button = QPushButton(self.tr("Save and close"))
        self.close_button.setToolTip(self.tr("Your answers are kept; you can continue later (Esc)"))
        self.close_button.clicked.connect(self.save_and_close)
        header.addWidget(self.close_button)
        outer.addLayout(header)

        self.step_label = QLabel()
        self.step_label.setObjectName("muted")
        outer.addWidget(self.step_label)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(SECTIONS))
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        outer.addWidget(self.progress)

        self.stack = QStackedWidget()
        self.pages: list[SectionPage] = []
        for section in SECTIONS:
            page = SectionPage(section, lang)
            page.changed.connect(self._on_changed)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.pages.append(page)
        outer.addWidget(self.stack, 1)

        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)

        footer = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("&Next"))
        self.next_button.setObjectName("primary")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        outer.addLayout(footer)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)

    # -- keyboard --------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        app = QApplication.instance()
        assert app is not None  # a widget is being shown: the application exists
        app.installEventFilter(self)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        app = QApplication.instance()
        assert app is not None
        app.removeEventFilter(self)
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Keys for the whole flow, seen before any control (the scroll area would take Page Up/Down):
        Esc saves and closes; Page Down, Alt+Right and Ctrl+Enter go on; Page Up and Alt+Left go back;
        Enter on an answer goes on, Enter on a button presses it."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not (watched is self or self.isAncestorOf(watched)):
            return False
        key = event.key()  # type: ignore[attr-defined]
        mods = event.modifiers()  # type: ignore[attr-defined]
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if key == Qt.Key.Key_Escape:
            self.save_and_close()
        elif key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right) or (ctrl and enter):
            self.go_next()
        elif key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.go_back()
        elif enter and isinstance(watched, QPushButton):
            watched.click()
        elif enter and not isinstance(watched, QPlainTextEdit):
            self.go_next()
        else:
            return False
        return True

    # -- loading and state ----------------------------------------------------------------------------------
    def load(self, opened: OpenedWeek) -> None:
        self._loading = True
        self.week = opened.week
        self.existing = opened.existing
        known = {item_id for page in self.pages for item_id in page.questions}
        self._hidden_answers = {k: v for k, v in opened.answers.items() if k not in known}
        for page in self.pages:
            page.set_answers(opened.answers)
            for question in page.questions.values():
                question.set_problem(None)
        self.message.hide()
        verb = self.tr("Correcting") if opened.existing else self.tr("Check-in")
        self.title.setText(f"{verb} · {labels.week_title(opened.week, self.lang)}")
        self._loading = False
        self.show_page(min(max(opened.page, 0), len(self.pages) - 1))

    def answers(self) -> dict[str, Any]:
        result = dict(self._hidden_answers)
        for page in self.pages:
            result.update(page.answers())
        return result

    def current_index(self) -> int:
        return self.stack.currentIndex()

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        last = index == len(self.pages) - 1
        section = self.pages[index].section
        self.step_label.setText(self.tr("Step {n} of {total} · {name}").format(
            n=index + 1, total=len(self.pages), name=section.title.get(self.lang)))
        self.progress.setValue(index + 1)
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next"))
        self.pages[index].focus_first()

    # -- navigation ---------------------------------------------------------------------------------------
    def go_next(self) -> None:
        index = self.current_index()
        if index == len(self.pages) - 1:
            self.finish()
            return
        self.save_draft()
        self.show_page(index + 1)

    def go_back(self) -> None:
        index = self.current_index()
        if index > 0:
            self.save_draft()
            self.show_page(index - 1)

    def save_and_close(self) -> None:
        if self.save_draft():  # when saving failed, stay: the answers are only on screen
            self.closed.emit()

    def _on_changed(self) -> None:
        if not self._loading:
            self.message.hide()
            self._draft_timer.start()

    def save_draft(self) -> bool:
        """Keep the answers so far; False (with a message, answers still on screen) when the disk refuses."""
        self._draft_timer.stop()
        if self.week is None:
            return True
        answers = self.answers()
        try:
            if self.existing is not None and answers == self.existing.answers:
                self.service.discard_draft(self.week)  # nothing changed: no draft needed
            else:
                self.service.save_draft(self.week, answers, self.current_index())
        except StorageError as exc:
            self._show_write_problem(exc)
            return False
        return True

    def _show_write_problem(self, exc: StorageError) -> None:
        reason = getattr(exc, "reason", "io")
        text = {
            "disk_full": self.tr("Your answers could not be saved: the disk is full. They are still here; "
                                 "make some room and try again. Nothing saved earlier was lost."),
            "read_only": self.tr("Your answers could not be saved: the data folder cannot be written to. "
                                 "They are still here. Nothing saved earlier was lost."),
        }.get(reason, self.tr("Your answers could not be saved just now. They are still here; please try "
                              "again. Nothing saved earlier was lost."))
        self.message.setText(text)
        self.message.show()

    def finish(self, *, replace: bool = False) -> None:
        assert self.week is not None
        try:
            checkin = self.service.finish(self.week, self.answers(), replacing=self.existing, replace=replace)
        except InvalidCheckInError as exc:
            self.save_draft()
            self._point_at_problems(exc)
            return
        except WeekConflictError:
            self._ask_replace()
            return
        except StorageError as exc:
            self._show_write_problem(exc)
            return
        self.week = None
        self.finished.emit(checkin)

    def _ask_replace(self) -> None:
        """Another process stored this week meanwhile (an import): keep the answers as a draft and ask."""
        kept = self.save_draft()
        headline = self.tr("This week is already filled in")
        box = QMessageBox(QMessageBox.Icon.Question, headline, f"<b>{headline}</b>", parent=self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setInformativeText(self.tr(
            "While you were answering, a check-in for this week was stored elsewhere (for example by an "
            "import). Do you want to replace it with your answers?"))
        informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if informative is not None:  # Qt wraps it in a narrow column otherwise
            informative.setMinimumWidth(380)
        replace = box.addButton(self.tr("Replace it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now") if kept else self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(replace)
        box.exec()
        if box.clickedButton() is replace:
            self.finish(replace=True)
        elif kept:
            self.message.setText(self.tr(
                "Nothing was replaced. Your answers are kept as a draft of this week."))
            self.message.show()

    def _point_at_problems(self, exc: InvalidCheckInError) -> None:
        first_page: int | None = None
        first_question = None
        for problem in exc.problems:
            if problem.item is None or problem.item not in SECTION_OF:
                continue
            page_index = next(i for i, p in enumerate(self.pages) if problem.item in p.questions)
            question = self.pages[page_index].questions[problem.item]
            question.set_problem(labels.problem(problem.code))
            if first_page is None or page_index < first_page:
                first_page, first_question = page_index, question
        count = len(exc.problems)
        self.message.setText(self.tr("Almost done: %n answer(s) still need attention. "
                                     "The first one is shown.", "", count))
        self.message.show()
        if first_page is not None and first_question is not None:
            self.show_page(first_page)
            scroll = self.stack.currentWidget()
            assert isinstance(scroll, QScrollArea)  # every page sits in its own scroll area
            scroll.ensureWidgetVisible(first_question)
            first_question.focus_control()
