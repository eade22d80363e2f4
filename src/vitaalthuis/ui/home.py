"""Home: this week's status with the main action, missed weeks, and the history of past check-ins."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.config.policy import Policy
from vitaalthuis.domain.change import BANDS, LOOKBACK_WEEKS
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.help_contacts import help_contact
from vitaalthuis.domain.help_rules import (
    HELP_BLOCKS,
    HELP_REASONS,
    LONELY_STRONG,
    MHI5_DROP,
    MHI5_LOW,
    MHI5_LOW_BELOW,
    WLB_THREE_WEEKS,
    help_reasons,
)
from vitaalthuis.domain.reminders import filled_in_last_weeks
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.benchmarks import shipped_benchmarks
from vitaalthuis.services.checkins import CheckinService, WeekState
from vitaalthuis.services.tips import TipService
from vitaalthuis.ui import labels
from vitaalthuis.ui.charts_view import ChartsView
from vitaalthuis.ui.dashboard import DashboardView
from vitaalthuis.ui.help_view import HelpView
from vitaalthuis.ui.history_view import HistoryView
from vitaalthuis.ui.tips_view import TipsView
from vitaalthuis.ui.widgets.elided_label import ElidedLabel

# Below this height (logical pixels, the home page itself) the banners and the week card fold to one line
# each, so the overview and the charts keep most of a small window (800×600, or 1366×768 at 125 %).
FOLD_BELOW = 680


class HomePage(QWidget):
    open_week = Signal(object)  # IsoWeek
    delete_week = Signal(object)  # IsoWeek
    undo_delete = Signal()
    snooze_requested = Signal(str)  # "later_today" | "tomorrow"

    def __init__(self, service: CheckinService, tips: TipService, lang: str,
                 parent: QWidget | None = None, *, show_figures: bool = True,
                 policy: Policy | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tip_service = tips
        self.lang = lang
        self._outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 20)
        outer.setSpacing(14)
        self._folded = False
        self._help_shown: list[str] = []

        policy = policy or Policy()
        self.organisation_label = ElidedLabel(self.tr(
            "Offered by {organisation}. Your employer cannot see any of your answers: they stay on this "
            "computer.").format(organisation=policy.organisation))
        self.organisation_label.setObjectName("hint")
        self.organisation_label.setVisible(bool(policy.organisation))
        outer.addWidget(self.organisation_label)
        self.policy_notice = ElidedLabel(self.tr(
            "Part of your organisation's settings file could not be used; the app uses its own defaults for "
            "that part. Your IT department can find the details in the log."))
        self.policy_notice.setObjectName("hint")
        self.policy_notice.setVisible(bool(policy.notices))
        outer.addWidget(self.policy_notice)
        self.demo_banner = ElidedLabel(self.tr(
            "Demo data: these check-ins were made up by the app, for trying it out. They are not anyone's "
            "answers."))
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.hide()
        outer.addWidget(self.demo_banner)

        # -- the weekly reminder when there is no tray (or after a missed reminder) --
        self.reminder_banner = QFrame()
        self.reminder_banner.setObjectName("banner")
        reminder_layout = QHBoxLayout(self.reminder_banner)
        reminder_layout.setContentsMargins(12, 6, 12, 6)
        self.reminder_label = ElidedLabel()
        self.reminder_now = QPushButton(self.tr("Fill in &now"))
        self.reminder_now.clicked.connect(lambda: self.open_week.emit(self.service.current_week()))
        self.reminder_later = QPushButton(self.tr("Later &today"))
        self.reminder_later.clicked.connect(lambda: self.snooze_requested.emit("later_today"))
        self.reminder_tomorrow = QPushButton(self.tr("To&morrow"))
        self.reminder_tomorrow.clicked.connect(lambda: self.snooze_requested.emit("tomorrow"))
        reminder_layout.addWidget(self.reminder_label, 1)
        for button in (self.reminder_now, self.reminder_later, self.reminder_tomorrow):
            reminder_layout.addWidget(button)
        self.reminder_banner.hide()
        outer.addWidget(self.reminder_banner)

        # -- this week --
        card = QFrame()
        card.setObjectName("card")
        self._card_layout = card_layout = QHBoxLayout(card)
        card_layout.setContentsMargins(20, 10, 20, 10)
        self._text_col = text_col = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.week_label = QLabel()
        self.week_label.setObjectName("weekTitle")
        self.status_label = ElidedLabel()
        self.filled_in_label = QLabel()
        self.filled_in_label.setObjectName("muted")
        text_col.addWidget(self.week_label)
        text_col.addWidget(self.status_label, 1)
        text_col.addWidget(self.filled_in_label)
        card_layout.addLayout(text_col, 1)
        self.main_button = QPushButton()
        self.main_button.setObjectName("primary")
        self.main_button.setMinimumHeight(40)
        self.main_button.clicked.connect(lambda: self.open_week.emit(self.service.current_week()))
        card_layout.addWidget(self.main_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addWidget(card)

        # -- undo banner after a delete --
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 6, 12, 6)
        self.banner_label = QLabel()
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.undo_button)
        self.banner.hide()
        outer.addWidget(self.banner)

        # -- a calm pointer to help after a check-in where the answers are worrying: one short block per
        #    reason that fired (domain/help_rules.py, body complaints last), each with its first contacts --
        self.help_banner = QFrame()
        self.help_banner.setObjectName("banner")
        help_layout = QHBoxLayout(self.help_banner)
        help_layout.setContentsMargins(12, 6, 12, 6)
        help_blocks = QVBoxLayout()
        help_blocks.setSpacing(8)
        self.help_blocks: dict[str, QLabel] = {}
        for reason in HELP_REASONS:
            block = QLabel()
            block.setWordWrap(True)
            block.setTextFormat(Qt.TextFormat.PlainText)
            block.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            block.hide()
            help_blocks.addWidget(block)
            self.help_blocks[reason] = block
        self.help_line = ElidedLabel()  # the blocks on one line when the window is short
        self.help_line.set_folded(True)
        self.help_line.hide()
        help_blocks.addWidget(self.help_line)
        self.help_button = QPushButton(self.tr("Who can I talk to?"))
        self.help_button.clicked.connect(self.show_help)
        help_layout.addLayout(help_blocks, 1)
        help_layout.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        self.help_banner.hide()
        outer.addWidget(self.help_banner)

        # -- missed weeks --
        self.missed_row = QWidget()
        missed_layout = QHBoxLayout(self.missed_row)
        missed_layout.setContentsMargins(0, 0, 0, 0)
        missed_label = QLabel(self.tr("Fill in a missed week:"))
        self.missed_combo = QComboBox()
        self.missed_combo.setAccessibleName(self.tr("Missed week"))
        missed_label.setBuddy(self.missed_combo)
        self.missed_button = QPushButton(self.tr("&Fill in"))
        self.missed_button.clicked.connect(self._open_missed)
        missed_layout.addWidget(missed_label)
        missed_layout.addWidget(self.missed_combo)
        missed_layout.addWidget(self.missed_button)
        missed_layout.addStretch(1)
        outer.addWidget(self.missed_row)

        # -- overview, charts and history in tabs --
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)
        self.dashboard = DashboardView(lang, show_figures=show_figures)
        self.dashboard.tip_feedback_given.connect(self._tip_feedback)
        self.tabs.addTab(self.dashboard, self.tr("&Overview"))
        self.charts = ChartsView(lang, service.current_week())
        self.tabs.addTab(self.charts, self.tr("Cha&rts"))
        self.tips_view = TipsView(tips.library, lang)
        self.tips_view.feedback_given.connect(self._tip_feedback)
        self.tabs.addTab(self.tips_view, self.tr("T&ips"))
        self.history = HistoryView(lang)
        self.history.open_week.connect(self.open_week)
        self.history.delete_week.connect(self.delete_week)
        self.tabs.addTab(self.history, self.tr("Histor&y"))
        help_page = policy.help_page()
        self.help_view = HelpView(lang, help_page.employer_contacts, help_page.organisation)
        self.tabs.addTab(self.help_view, self.tr("Hel&p"))

    # -- refresh --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.service.current_week()
        self.week_label.setText(labels.week_title(current, self.lang))
        state = self.service.state(current)
        history = self.service.history()
        this_week = next((c for c in history if c.week == current), None)
        if state is WeekState.OPEN:
            self.status_label.setText(self.tr(
                "This week's check-in is still open. It takes about two minutes."))
            self.main_button.setText(self.tr("&Start check-in"))
        elif state is WeekState.DRAFT:
            self.status_label.setText(self.tr(
                "You started this week's check-in. Your answers so far are kept."))
            self.main_button.setText(self.tr("&Continue"))
        else:
            assert this_week is not None
            self.status_label.setText(self.tr("Done for this week, thank you. {summary}").format(
                summary=self._summary(this_week)))
            self.main_button.setText(self.tr("&View or correct"))
        done = filled_in_last_weeks([c.week for c in history], current)
        self.filled_in_label.setText(self.tr("Filled in for {n} of the last 8 weeks").format(n=done))

        self.demo_banner.setVisible(self.service.is_demo())
        missed = self.service.missed_weeks()
        self.missed_combo.clear()
        for week in missed:
            self.missed_combo.addItem(labels.week_title(week, self.lang), week)
        self.missed_row.setVisible(bool(missed))
        self.history.set_history(history)
        self.dashboard.refresh(history, shipped_benchmarks())
        self.charts.set_history(history, current)
        self._refresh_tips(current, this_week)
        self._show_help(this_week, self._help_reasons(this_week, history))

    def _refresh_tips(self, current: IsoWeek, this_week: CheckIn | None) -> None:
        feedback = self.tip_service.feedback()
        week_tips = self.tip_service.tips_for(this_week) if this_week else []
        self.tips_view.set_week_tips(week_tips, feedback)
        tip = week_tips[0] if week_tips else self.tip_service.tip_of_the_week(current, None)
        self.dashboard.set_tip(tip, self.tip_service.library, feedback.get(tip.id) if tip else None)

    def _tip_feedback(self, tip_id: str, value: object) -> None:
        self.tip_service.set_feedback(tip_id, value if isinstance(value, str) else None)

    @staticmethod
    def _help_reasons(checkin: CheckIn | None, history: list[CheckIn]) -> list[str]:
        if checkin is None:
            return []
        recent = [c for c in history if 0 <= checkin.week.weeks_since(c.week) <= LOOKBACK_WEEKS]
        scores = {c.week: c.scores.as_dict() for c in recent}
        return help_reasons(checkin.week, scores, answers=checkin.answers)

    def _show_help(self, checkin: CheckIn | None, reasons: list[str]) -> None:
        """One block per reason that fired, in the order of HELP_REASONS; the banner only when one did. When
        the window is short, the blocks fold into one line (the whole text in its tooltip)."""
        self._help_shown = [r for r in self.help_blocks if checkin is not None and r in reasons]
        for reason in self._help_shown:
            assert checkin is not None
            self.help_blocks[reason].setText(self._help_words(reason, checkin) + "\n" +
                                             self._help_contacts(reason))
        self.help_line.setText("\n".join(self.help_blocks[reason].text() for reason in self._help_shown))
        self._place_help()
        self.help_banner.setVisible(bool(self._help_shown))

    def _place_help(self) -> None:
        for reason, block in self.help_blocks.items():
            block.setVisible(reason in self._help_shown and not self._folded)
        self.help_line.setVisible(bool(self._help_shown) and self._folded)

    # -- folding on a short window --------------------------------------------------------------------------
    @property
    def folded(self) -> bool:
        return self._folded

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.set_folded(self.height() < FOLD_BELOW)

    def set_folded(self, folded: bool) -> None:
        """Banners and the week card on one line each (short window) or in full."""
        if folded == self._folded:
            return
        self._folded = folded
        if folded:
            self._outer.setContentsMargins(16, 8, 16, 8)
            self._outer.setSpacing(6)
            self._card_layout.setContentsMargins(14, 4, 8, 4)
        else:
            self._outer.setContentsMargins(28, 20, 28, 20)
            self._outer.setSpacing(14)
            self._card_layout.setContentsMargins(20, 10, 20, 10)
        for label in (self.organisation_label, self.policy_notice, self.demo_banner, self.reminder_label,
                      self.status_label):
            label.set_folded(folded)
        self._text_col.setDirection(QBoxLayout.Direction.LeftToRight if folded
                                    else QBoxLayout.Direction.TopToBottom)
        self._text_col.setSpacing(12 if folded else 2)
        self.filled_in_label.setVisible(not folded)
        self.main_button.setMinimumHeight(0 if folded else 40)
        self.week_label.setProperty("folded", folded)
        self.week_label.style().unpolish(self.week_label)
        self.week_label.style().polish(self.week_label)
        self._place_help()

    def _help_words(self, reason: str, checkin: CheckIn) -> str:
        """Each reason its own words: they offer, they never tell anyone what to do."""
        if reason == MHI5_LOW:
            return self.tr(
                "Your well-being score is low this week (below {cut}). Talking about it often helps, if you "
                "like: with someone you trust or with De Luisterlijn. Is it about life and death? Then you "
                "can call 113, day and night.").format(cut=MHI5_LOW_BELOW)
        if reason == MHI5_DROP:
            return self.tr(
                "Your well-being score this week is more than {band} points below your own average of the "
                "weeks before. Would you like to talk about it? You can, with someone you trust or with De "
                "Luisterlijn. Is it about life and death? Then you can call 113, day and night.").format(
                band=BANDS["mhi5"])
        if reason == LONELY_STRONG:
            return self.tr(
                "Your loneliness score falls in the category ‘strongly lonely’ this week. Would you like to "
                "talk to someone? You can, with someone you trust or with De Luisterlijn. Is it about life "
                "and death? Then you can call 113, day and night.")
        if reason == WLB_THREE_WEEKS:
            return self.tr(
                "For three weeks running you often missed private or family activities because of work. If "
                "you like, you can talk about it with your manager or with the company doctor (open "
                "consultation).")
        return self.tr(
            "Your arm, neck or shoulder complaints bothered you a lot this week ({severity} of 10). If you "
            "like, you can go to your GP, the company doctor or a physiotherapist.").format(
            severity=checkin.answers.get("kans_severity", "?"))

    def _help_contacts(self, reason: str) -> str:
        """The reason's first contacts (domain/help_rules.py), with their numbers where they have one."""
        names = []
        for contact_id in HELP_BLOCKS[reason].contacts:
            contact = help_contact(contact_id)
            name = contact.name.get(self.lang)
            if contact.phone:
                name = self.tr("{name} ({numbers})").format(
                    name=name, numbers=self.tr(" or ").join(contact.phone))
            names.append(name)
        return self.tr("Where you can turn: {contacts}").format(contacts=" · ".join(names))

    def set_reminder(self, kind: str | None) -> None:
        """Show the reminder banner: "due" (it is time) or "catch_up" (missed while the app was closed)."""
        if kind == "catch_up":
            self.reminder_label.setText(self.tr("This week's check-in is still open. You can fill it in now "
                                                "or later, whatever suits you."))
        elif kind == "due":
            self.reminder_label.setText(self.tr(
                "Time for your weekly check-in. It takes about two minutes."))
        self.reminder_banner.setVisible(kind is not None)

    def show_help(self) -> None:
        self.tabs.setCurrentWidget(self.help_view)

    def _summary(self, checkin: CheckIn) -> str:
        s = checkin.scores
        text = self.tr("Health: {health}; well-being {mhi5} of 100; satisfaction {ls} of 10; loneliness: "
                       "{lonely}.")
        return text.format(health=labels.health(checkin, self.lang), mhi5=s.mhi5, ls=checkin.answers["ls"],
                           lonely=labels.djg_result(s.djg_total, s.djg_category.value))

    # -- actions --------------------------------------------------------------------------------------------
    def selected_week(self) -> IsoWeek | None:
        return self.history.selected_week()

    def select_week(self, week: IsoWeek) -> None:
        self.history.select_week(week)

    def _open_missed(self) -> None:
        week = self.missed_combo.currentData()
        if week is not None:
            self.open_week.emit(week)

    def show_deleted(self, week: IsoWeek) -> None:
        self.banner_label.setText(self.tr("The check-in of {week} was deleted.").format(
            week=labels.week_short(week)))
        self.banner.show()
        self.undo_button.setFocus()

    def hide_banner(self) -> None:
        self.banner.hide()
