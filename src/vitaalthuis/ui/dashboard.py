"""The dashboard: per dimension this week's result in words, the change against the user's own recent
weeks and, where one exists, a national figure with its source one click away. Then own patterns."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.benchmarks import BenchmarkSet, format_period
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.dashboard import CategoryChange, DimensionResult, NumericChange, dashboard
from vitaalthuis.domain.instruments import ITEMS, SECTIONS, Origin
from vitaalthuis.domain.patterns import Patterns, home_days_patterns
from vitaalthuis.domain.tips import Tip, TipLibrary
from vitaalthuis.ui import labels
from vitaalthuis.ui.source_dialog import SourceDialog
from vitaalthuis.ui.widgets.text import scrolling_body, selectable_label

# dashboard dimensions whose items are the app's own (docs/instruments.md); section "ls" is "ls" etc.
OWN_ITEM_DIMENSIONS = frozenset(s.id for s in SECTIONS if s.origin is Origin.OWN)


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    return selectable_label(text, name, wrap=wrap)


class DimensionCard(QFrame):
    def __init__(self, result: DimensionResult, checkin: CheckIn, lang: str, benchmarks: BenchmarkSet | None,
                 parent: QWidget | None = None, *, show_figures: bool = True) -> None:
        super().__init__(parent)
        self.result = result
        self.setObjectName("card")
        self.lang = lang
        self.benchmarks = benchmarks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        header = QHBoxLayout()
        title = _label(labels.dimension_title(result.dimension), "cardTitle")
        header.addWidget(title, 1)
        layout.addLayout(header)
        self.result_label = _label(self.result_text(checkin), "resultLine")
        layout.addWidget(self.result_label)
        self.change_label = _label(self.change_text(), "muted")
        layout.addWidget(self.change_label)
        self.figure_label = _label(self.figure_text(), "")
        self.source_button: QPushButton | None = None
        if not show_figures:  # the user chose not to see national figures
            layout.addStretch(1)
            return
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setObjectName("divider")
        layout.addWidget(line)
        layout.addWidget(self.figure_label)
        if result.figure is not None:
            badge = _label(labels.comparability(result.figure.comparability.value), "badge", wrap=False)
            badge.setToolTip(result.figure.comparability_note.get(lang))
            header.addWidget(badge)
            self.note_label = _label(result.figure.comparability_note.get(lang), "hint")
            layout.addWidget(self.note_label)
            self.source_button = QPushButton(self.tr("Source and explanation…"))
            self.source_button.setAccessibleName(
                self.tr("Source and explanation: {title}").format(
                    title=labels.dimension_title(result.dimension)))
            self.source_button.clicked.connect(self.show_source)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.source_button)
            layout.addLayout(row)
        layout.addStretch(1)

    def result_text(self, checkin: CheckIn) -> str:
        r, a = self.result, checkin.answers
        cat = labels.category(r.dimension, r.category)
        match r.dimension:
            case "gh":
                return self.tr("“{answer}”: {category}").format(answer=ITEMS["gh"].label(a["gh"], self.lang),
                                                                  category=cat)
            case "mhi5":
                return self.tr("{score} of 100: {category}").format(score=checkin.scores.mhi5, category=cat)
            case "ls":
                return self.tr("Mark {mark} of 10: {category}").format(mark=a["ls"], category=cat)
            case "djg":
                return self.tr("{total} of 6: {category}").format(
                    total=checkin.scores.djg_total, category=cat)
            case "kans":
                if r.category == "complaints":
                    return self.tr("Complaints this week, bother {severity} of 10").format(
                        severity=a["kans_severity"])
                return self.tr("No complaints this week")
        return self.tr("Missed private or family activities because of work: “{answer}”").format(
            answer=ITEMS["wlb"].label(a["wlb"], self.lang))

    def change_text(self) -> str:
        change = self.result.change
        if isinstance(change, NumericChange):
            if change.baseline is None:
                return self.tr("No check-ins in the four weeks before to compare with.")
            delta = change.delta or 0.0
            if abs(delta) < 0.05:
                trend = self.tr("the same as")
            elif delta > 0:
                trend = self.tr("{delta} higher than").format(delta=labels.decimal(abs(delta)))
            else:
                trend = self.tr("{delta} lower than").format(delta=labels.decimal(abs(delta)))
            return self.tr("This week is {trend} your average of {average} over %n check-in(s) in the four "
                           "weeks before.", "", change.weeks).format(
                trend=trend, average=labels.decimal(change.baseline))
        assert isinstance(change, CategoryChange)
        if change.previous is None or change.previous_week is None:
            return self.tr("Your first check-in: nothing earlier to compare with yet.")
        week = labels.week_short(change.previous_week)
        if change.same(self.result.category):
            return self.tr("Same as your previous check-in ({week}).").format(week=week)
        return self.tr("Previous check-in ({week}): {category}.").format(
            week=week, category=labels.category(self.result.dimension, change.previous))

    def figure_text(self) -> str:
        figure = self.result.figure
        if figure is None or self.benchmarks is None:
            return self.tr("No national figure is available to set beside this.")
        value = labels.percentage(figure.value, figure.qualifier)
        what = f"“{figure.wording_verbatim or labels.figure_category(figure.score)}”"
        source = self.benchmarks.source(figure.source)
        args = {"value": value, "what": what, "period": format_period(figure.period, self.lang),
                "who": figure.population.get(self.lang), "source": source.publisher}
        if figure.comparability.value == "context":
            text = self.tr(
                "Background, not a comparison: in {period}, {value} of the group below reported {what}.")
        elif not self.result.figure_is_own_category:
            text = self.tr("For context: in {period}, {value} of the group below reported {what}.")
        elif figure.comparability.value == "same_measure":
            text = self.tr("Your answer falls in the category {what}, as did {value} of the group below in "
                           "{period}.")
        else:
            text = self.tr("Measured differently, so compare only roughly: in {period}, {value} of the group "
                           "below reported {what}.")
        text += "\n" + self.tr("Group: {who} Source: {source}.")
        text += "\n" + self.tr("Asked about: {recall} (your answer: {own}).").format(
            recall=figure.recall_period.get(self.lang).rstrip("."), own=self.own_recall())
        if self.result.dimension in OWN_ITEM_DIMENSIONS:
            text += "\n" + self.tr("This is the app's own question; the national figure comes from a "
                                   "question worded differently.")
        return text.format(**args)

    def own_recall(self) -> str:
        """What the app's own question asks about (docs/instruments.md): not always the past 7 days."""
        return {
            "gh": self.tr("your health in general"),
            "ls": self.tr("at the moment"),
            "djg": self.tr("the way you feel lately"),
        }.get(self.result.dimension, self.tr("the past 7 days"))

    def show_source(self) -> None:
        assert self.result.figure is not None and self.benchmarks is not None
        SourceDialog(self.result.figure, self.benchmarks, self.lang, self).exec()


class DashboardView(QWidget):
    tip_feedback_given = Signal(str, object)

    def __init__(self, lang: str, parent: QWidget | None = None, *, show_figures: bool = True) -> None:
        super().__init__(parent)
        self.lang = lang
        self.show_figures = show_figures
        self.cards: list[DimensionCard] = []
        self.body = scrolling_body(self)
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(0, 8, 8, 8)
        self.layout_.setSpacing(12)
        self.heading = _label("", "sectionTitle")
        self.layout_.addWidget(self.heading)
        self.disclaimer = _label(self.tr(
            "This is not a diagnosis. Your answers describe one week; national figures describe groups, "
            "measured in other ways. If you are unsure how you are doing, talk to your GP (huisarts) or "
            "company doctor (bedrijfsarts)."), "hint")
        self.layout_.addWidget(self.disclaimer)
        self.tip_holder = QVBoxLayout()
        self.layout_.addLayout(self.tip_holder)
        self.tip_card: QWidget | None = None
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.layout_.addLayout(self.grid)
        patterns_title = _label(self.tr("Your own patterns"), "sectionTitle")
        self.layout_.addWidget(patterns_title)
        self.patterns_label = _label("", "")
        self.layout_.addWidget(self.patterns_label)
        self.patterns_grid = QGridLayout()
        self.patterns_grid.setHorizontalSpacing(24)
        self.layout_.addLayout(self.patterns_grid)
        self.patterns_note = _label(self.tr(
            "This shows what tends to go together in your own weeks, not what causes what."), "hint")
        self.layout_.addWidget(self.patterns_note)
        self.layout_.addStretch(1)

    def set_tip(self, tip: Tip | None, library: TipLibrary, feedback: str | None) -> None:
        """The tip of the week, above the results."""
        from vitaalthuis.ui.tips_view import TipCard

        if self.tip_card is not None:
            self.tip_holder.removeWidget(self.tip_card)
            self.tip_card.deleteLater()
            self.tip_card = None
        if tip is not None:
            card = TipCard(tip, library, self.lang, feedback)
            card.setAccessibleName(self.tr("Tip of the week"))
            card.feedback_given.connect(self.tip_feedback_given)
            self.tip_card = card
            self.tip_holder.addWidget(card)

    def refresh(self, history: list[CheckIn], benchmarks: BenchmarkSet | None) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        results = dashboard(history, benchmarks)
        if not results:
            self.heading.setText(self.tr("Your results appear here after your first check-in."))
        else:
            newest = max(history, key=lambda c: c.week)
            self.heading.setText(self.tr("How are you doing? Results of {week}").format(
                week=labels.week_short(newest.week)))
            for index, result in enumerate(results):
                card = DimensionCard(result, newest, self.lang, benchmarks, show_figures=self.show_figures)
                self.grid.addWidget(card, index // 2, index % 2)
                self.cards.append(card)
        self._show_patterns(home_days_patterns(history))

    def _show_patterns(self, patterns: Patterns) -> None:
        while self.patterns_grid.count():
            item = self.patterns_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not patterns.ready:
            needed = [self.tr("%n check-in(s)", "", patterns.more_checkins_needed),
                      self.tr("%n week(s) with 4 or more home days", "", patterns.more_home_weeks_needed),
                      self.tr("%n week(s) with fewer", "", patterns.more_other_weeks_needed)]
            self.patterns_label.setText(self.tr(
                "To compare weeks with 4 or more days at home with weeks with fewer, you need at least 8 "
                "check-ins, with at least 3 of each kind. Still needed: {needed}.").format(
                needed=", ".join(needed)))
            self.patterns_note.hide()
            return
        self.patterns_label.setText(self.tr("Your averages in weeks with 4 or more days at home ({home} "
                                            "weeks) and in weeks with fewer ({other} weeks):").format(
            home=patterns.home_weeks, other=patterns.other_weeks))
        names = {
            "mhi5": self.tr("Psychological well-being (0–100)"),
            "ls": self.tr("Life satisfaction (1–10)"),
            "djg_total": self.tr("Loneliness (0–6)"),
            "kans_share": self.tr("Weeks with arm, neck or shoulder complaints"),
            "wlb_imbalance_share": self.tr("Weeks with private time often missed"),
        }
        headers = (self.tr("Measure"), self.tr("4+ days at home"), self.tr("Fewer days at home"))
        for col, text in enumerate(headers):
            self.patterns_grid.addWidget(_label(text, "question", wrap=False), 0, col)
        for row, pattern in enumerate(patterns.rows, start=1):
            share = pattern.measure.endswith("_share")
            fmt = (lambda v: labels.percentage(round(v), None)) if share else labels.decimal
            cells = (names[pattern.measure], fmt(pattern.home_mean), fmt(pattern.other_mean))
            for col, text in enumerate(cells):
                self.patterns_grid.addWidget(_label(text, "", wrap=False), row, col)
        self.patterns_note.show()
