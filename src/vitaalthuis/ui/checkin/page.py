"""The check-in as a guided flow: one page per dimension, progress, back/next, draft saving, finishing."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
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

from vitaalthuis.domain.answers import Problem
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.instruments import SECTION_OF, SECTIONS
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.checkins import CheckinService, InvalidCheckInError, OpenedWeek
from vitaalthuis.services.errors import StorageError, WeekConflictError
from vitaalthuis.ui import labels
from vitaalthuis.ui.checkin.questions import QuestionWidget
from vitaalthuis.ui.checkin.section_page import SectionPage

# Every answer is kept at once: a chosen answer is saved the moment it is given, a typed one (hours, the note)
# at most DRAFT_DELAY_MS after a key. A save waits at most DRAFT_WAIT_MS for another process's write lock, so
# the window never freezes; when the lock is taken it tries again every DRAFT_RETRY_MS.
DRAFT_DELAY_MS = 300
DRAFT_WAIT_MS = 40
DRAFT_RETRY_MS = 250
ADVANCE_DELAY_MS = 400  # after a click gives a page its last answer, the next page comes by itself
# Finishing waits FINISH_WAIT_MS for the lock at a time, too: while another process writes, the window says so
# and tries again every FINISH_RETRY_MS, for at most FINISH_PATIENCE_S, then keeps the answers as a draft.
FINISH_WAIT_MS = 150
FINISH_RETRY_MS = 300
FINISH_PATIENCE_S = 15.0


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
        self.title.setWordWrap(True)  # a narrow window wraps the week's dates rather than cutting them off
        header.addWidget(self.title, 1)
        self.close_button = QPushButton(self.tr("Save and close"))
        self.close_button.setToolTip(self.tr("Your answers are kept; you can continue later (Esc)"))
        self.close_button.clicked.connect(self.save_and_close)
        header.addWidget(self.close_button)
        outer.addLayout(header)

        self.step_label = QLabel()
        self.step_label.setObjectName("muted")
        self.step_label.setWordWrap(True)
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
            page.answered_by_key.connect(self._answered_by_key)
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

        self._draft_timer = QTimer(self)  # a typed answer, or a retry while another process writes
        self._draft_timer.setSingleShot(True)
        self._draft_timer.timeout.connect(self.keep_answers)
        self._advance_timer = QTimer(self)
        self._advance_timer.setSingleShot(True)
        self._advance_timer.setInterval(ADVANCE_DELAY_MS)
        self._advance_timer.timeout.connect(self.go_next)
        self._finish_timer = QTimer(self)  # finishing again while another process holds the write lock
        self._finish_timer.setSingleShot(True)
        self._finish_timer.setInterval(FINISH_RETRY_MS)
        self._finish_timer.timeout.connect(self._finish_again)
        self._finish_deadline: float | None = None
        self._finish_replace = False
        self._complete: list[bool] = [False] * len(self.pages)  # per page, as after its last change
        self._by_mouse = False  # whether the latest input in the check-in was the mouse

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
        Esc saves and closes; Ctrl+Enter finishes (or shows what is missing); Enter goes on when the page
        is complete, else to its first open question (in the note it makes a new line; on a button it
        presses it); Page Down and Alt+Right go on; Page Up and Alt+Left go back. Digits and arrow keys are
        the questions' own (``questions.py``). Any press of a key or a mouse button cancels the next page
        coming by itself — a digit typed meanwhile is meant for that next page, so it goes there at once."""
        etype = event.type()
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            return False
        if not isinstance(watched, QWidget):
            return False
        if not (watched is self or self.isAncestorOf(watched)) or watched.window() is not self.window():
            return False  # elsewhere, or in a message box of the check-in: its keys are its own
        pending = self._advance_timer.isActive()
        self._advance_timer.stop()
        if etype == QEvent.Type.MouseButtonPress:
            self._by_mouse = True
            return False
        assert isinstance(event, QKeyEvent)
        self._by_mouse = False
        key = event.key()
        mods = event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if pending and event.text().isdigit() and not (alt or ctrl):
            return self._forward_to_next_page(watched, event)
        if key == Qt.Key.Key_Escape:
            self.save_and_close()
        elif ctrl and enter:
            self.finish_if_complete()
        elif key == Qt.Key.Key_PageDown or (alt and key == Qt.Key.Key_Right):
            self.go_next()
        elif key == Qt.Key.Key_PageUp or (alt and key == Qt.Key.Key_Left):
            self.go_back()
        elif enter and isinstance(watched, QPushButton):
            watched.click()
        elif enter and not isinstance(watched, QPlainTextEdit):
            self.enter_pressed()
        else:
            return False
        return True

    def _forward_to_next_page(self, watched: QWidget, event: QKeyEvent) -> bool:
        self.go_next()
        target = self.window().focusWidget()
        if target is None or target is watched or not self.isAncestorOf(target):
            return False
        QApplication.sendEvent(target, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))
        return True

    # -- loading and state ----------------------------------------------------------------------------------
    def load(self, opened: OpenedWeek) -> None:
        self._loading = True
        self._draft_timer.stop()
        self._advance_timer.stop()
        self._stop_finishing()
        self.week = opened.week
        self.existing = opened.existing
        known = {item_id for page in self.pages for item_id in page.questions}
        self._hidden_answers = {k: v for k, v in opened.answers.items() if k not in known}
        for page in self.pages:
            page.set_answers(opened.answers)
            for question in page.questions.values():
                question.set_problem(None)
        self._complete = [page.is_complete() for page in self.pages]
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

    def current_page(self) -> SectionPage:
        return self.pages[self.current_index()]

    def show_page(self, index: int) -> None:
        """Show a page and focus its first open question at once, so keys typed right away land there."""
        self._advance_timer.stop()
        self.stack.setCurrentIndex(index)
        last = index == len(self.pages) - 1
        section = self.pages[index].section
        self.step_label.setText(self.tr("Step {n} of {total} · {name}").format(
            n=index + 1, total=len(self.pages), name=section.title.get(self.lang)))
        self.progress.setValue(index + 1)
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next"))
        self.pages[index].focus_first()
        self._scroll_to_focus()

    def _scroll_to_focus(self) -> None:
        """Keep the focused answer in view (a digit moves focus to a question below the fold)."""
        scroll = self.stack.currentWidget()
        focus = self.window().focusWidget()
        if not isinstance(scroll, QScrollArea) or focus is None or not scroll.isAncestorOf(focus):
            return
        question = focus.parentWidget()
        while question is not None and not isinstance(question, QuestionWidget):
            question = question.parentWidget()
        if question is not None:
            scroll.ensureWidgetVisible(question, 0, 8)
        scroll.ensureWidgetVisible(focus, 0, 8)

    # -- navigation ---------------------------------------------------------------------------------------
    def go_next(self) -> None:
        index = self.current_index()
        if index == len(self.pages) - 1:
            self.finish()
            return
        self.show_page(index + 1)
        self.keep_answers()

    def go_back(self) -> None:
        index = self.current_index()
        if index > 0:
            self.show_page(index - 1)
            self.keep_answers()

    def enter_pressed(self) -> None:
        """Enter: on to the next page (or finish on the last) when this page is complete; else to its first
        open question."""
        page = self.current_page()
        if page.is_complete():
            self.go_next()
        else:
            page.focus_first()
            self._scroll_to_focus()

    def finish_if_complete(self) -> None:
        """Ctrl+Enter: finish when every required answer is there; else show the first thing missing and
        say what it is."""
        if self.week is None:
            return
        problems = [p for p in self.service.problems(self.answers()) if p.item in SECTION_OF]
        if problems:
            self.keep_answers()
            self._point_at_problems(problems, name_first=True)
        else:
            self.finish()

    def _answered_by_key(self, question: QuestionWidget) -> None:
        """A digit gave an answer: focus the next question; past the last one, the next page."""
        page = self.current_page()
        if question not in page.questions.values():
            return
        if not page.focus_after(question):
            if page.is_complete() and self.current_index() < len(self.pages) - 1:
                self.go_next()
                return
            page.focus_first()
        self._scroll_to_focus()

    def save_and_close(self) -> None:
        self._stop_finishing()
        if self.save_draft():  # when saving failed, stay: the answers are only on screen
            self.closed.emit()

    def _on_changed(self, question: QuestionWidget) -> None:
        if self._loading:
            return
        self.message.hide()
        if not question.typed:
            self.keep_answers()  # a chosen answer: kept at once
        elif not self._draft_timer.isActive():
            self._draft_timer.start(DRAFT_DELAY_MS)  # typing: kept within DRAFT_DELAY_MS of any key
        index = self.current_index()
        if question not in self.pages[index].questions.values():
            return
        complete = self.pages[index].is_complete()
        if (complete and not self._complete[index] and self._by_mouse and question.single
                and index < len(self.pages) - 1):
            self._advance_timer.start()  # a click gave this page its last answer
        self._complete[index] = complete

    def pending_draft(self) -> bool:
        """Whether answers on screen still wait to be saved (typing, or another process writing)."""
        return self._draft_timer.isActive()

    def keep_answers(self) -> None:
        """Save the draft now without ever freezing the window: when another process holds the write lock,
        try again shortly (the answers stay on screen meanwhile)."""
        self._draft_timer.stop()
        if self.week is None:
            return
        try:
            kept = self._write_draft(DRAFT_WAIT_MS)
        except StorageError as exc:
            self._show_write_problem(exc)
            return
        if not kept:
            self._draft_timer.start(DRAFT_RETRY_MS)

    def save_draft(self) -> bool:
        """Keep the answers so far, waiting as long as storage allows (closing, finishing, a language
        switch); False (with a message, answers still on screen) when the disk refuses or the database
        stayed locked by another process."""
        self._draft_timer.stop()
        if self.week is None:
            return True
        try:
            kept = self._write_draft(None)
        except StorageError as exc:
            self._show_write_problem(exc)
            return False
        if not kept:
            self._show_write_problem(None)
        return kept

    def _write_draft(self, wait_ms: int | None) -> bool:
        assert self.week is not None
        answers = self.answers()
        if self.existing is not None and answers == self.existing.answers:
            return self.service.discard_draft(self.week, wait_ms=wait_ms)  # nothing changed: no draft needed
        return self.service.save_draft(self.week, answers, self.current_index(), wait_ms=wait_ms)

    def _show_write_problem(self, exc: StorageError | None) -> None:
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
        self._advance_timer.stop()
        self._draft_timer.stop()  # finishing drops the draft in the same transaction
        self._finish_timer.stop()
        try:
            checkin = self.service.finish_briefly(self.week, self.answers(), replacing=self.existing,
                                                  replace=replace, wait_ms=FINISH_WAIT_MS)
        except InvalidCheckInError as exc:
            self._stop_finishing()
            self.save_draft()
            self._point_at_problems(exc.problems)
            return
        except WeekConflictError:
            self._stop_finishing()
            self._ask_replace()
            return
        except StorageError as exc:
            self._stop_finishing()
            self._show_write_problem(exc)
            return
        if checkin is None:  # another process holds the write lock: say so, and try again shortly
            self._wait_to_finish(replace)
            return
        self._stop_finishing()
        self.week = None
        self.finished.emit(checkin)

    def _wait_to_finish(self, replace: bool) -> None:
        now = time.monotonic()
        if self._finish_deadline is None:
            self._finish_deadline = now + FINISH_PATIENCE_S
            self.message.setText(self.tr(
                "Another program is using your data just now. Your check-in is saved as soon as it is done."))
            self.message.show()
        if now >= self._finish_deadline:  # kept as a draft (once the lock allows); the user may try again
            self._stop_finishing()
            self._show_write_problem(None)
            self.keep_answers()
            return
        self._finish_replace = replace
        self._finish_timer.start()

    def _finish_again(self) -> None:
        if self.week is not None and self._finish_deadline is not None:
            self.finish(replace=self._finish_replace)

    def _stop_finishing(self) -> None:
        self._finish_timer.stop()
        self._finish_deadline = None

    @property
    def finishing(self) -> bool:
        """Whether a finish waits for another process's write lock (and is tried again shortly)."""
        return self._finish_deadline is not None

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

    def _problems_message(self, problems: list[Problem], first: tuple[int, QuestionWidget, Problem] | None,
                          *, name_first: bool) -> str:
        """What is wrong, in words: only open answers → how many; otherwise (one problem, a wrong answer such
        as 9 days in a week, or Ctrl+Enter) the one shown first is named, with how many more there are."""
        if first is None:
            return self.tr("This check-in cannot be saved yet.")
        page_index, _question, problem = first
        only_missing = all(p.code == "missing" for p in problems)
        if only_missing and len(problems) > 1 and not name_first:
            return self.tr("Not finished yet: %n answer(s) still missing. The first one is shown.", "",
                           len(problems))
        text = self.tr("Not finished yet: step {n}, {section}. {problem}").format(
            n=page_index + 1, section=self.pages[page_index].section.title.get(self.lang),
            problem=labels.problem(problem.code))
        if len(problems) > 1:
            text += " " + self.tr("%n more answer(s) need attention.", "", len(problems) - 1)
        return text

    def _point_at_problems(self, problems: list[Problem], *, name_first: bool = False) -> None:
        """Mark every problem beside its question and show the first; ``name_first`` (Ctrl+Enter): the
        message names that first problem even when only answers are open (the Finish button counts them)."""
        first: tuple[int, QuestionWidget, Problem] | None = None
        for problem in problems:
            if problem.item is None or problem.item not in SECTION_OF:
                continue
            page_index = next(i for i, p in enumerate(self.pages) if problem.item in p.questions)
            question = self.pages[page_index].questions[problem.item]
            question.set_problem(labels.problem(problem.code))
            # shown first: a wrong answer (say 9 days in a week) before an open one, then in page order
            rank = (problem.code == "missing", page_index)
            if first is None or rank < (first[2].code == "missing", first[0]):
                first = (page_index, question, problem)
        self.message.setText(self._problems_message(problems, first, name_first=name_first))
        self.message.show()
        if first is not None:
            page_index, question, _problem = first
            self.show_page(page_index)
            question.focus_control()
            self._scroll_to_focus()
