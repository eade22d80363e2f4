"""The dashboard: per dimension this week's result in words, a small scale, the change against the user's own
recent weeks and at most two national figures in the user's own category, sources one click away. Then own
patterns."""

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
from vitaalthuis.domain.comparison import FigureLine, dimension_figures
from vitaalthuis.domain.dashboard import DimensionResult, dashboard
from vitaalthuis.domain.instruments import ITEMS, SECTIONS, Origin
from vitaalthuis.domain.patterns import Patterns, home_days_patterns
from vitaalthuis.domain.tips import Tip, TipLibrary
from vitaalthuis.ui import labels
from vitaalthuis.ui.source_dialog import SourceDialog
from vitaalthuis.ui.widgets.scale_bar import ScaleBar
from vitaalthuis.ui.widgets.text import scrolling_body, selectable_label

# dashboard dimensions whose items are the app's own (docs/instruments.md); section "ls" is "ls" etc.
OWN_ITEM_DIMENSIONS = frozenset(s.id for s in SECTIONS if s.origin is Origin.OWN)


def _label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    return selectable_label(text, name, wrap=wrap)


class DimensionCard(QFrame):
    """One dimension: the answer first (one line), a small scale, how it compares with your own weeks, then at
    most two national figures in your own category. Method and sources behind "Source and explanation"."""

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
        title = _label(labels.dimension_title(result.dimension), "cardTitle")
        layout.addWidget(title)
        self.result_label = _label(self.result_text(checkin), "resultLine")
        layout.addWidget(self.result_label)
        lines = result.lines if show_figures else ()
        self.scale_bar = ScaleBar(result.scale, *self.scale_ends(), self.band_note(lines))
        self.scale_bar.setAccessibleName(self.tr("Scale of {title}").format(
            title=labels.dimension_title(result.dimension)))
        layout.addWidget(self.scale_bar)
        self.change_label = _label(self.change_text(), "muted")
        layout.addWidget(self.change_label)
        self.figure_labels: list[QLabel] = []
        self.source_button: QPushButton | None = None
        if not show_figures:  # the user chose not to see national figures
            layout.addStretch(1)
            return
        for line in lines:
            label = _label(self.line_text(line), "")
            label.setToolTip(line.figure.comparability_note.get(lang))
            self.figure_labels.append(label)
            layout.addWidget(label)
        if not lines:
            self.figure_labels.append(_label(self.no_line_text(), "hint"))
            layout.addWidget(self.figure_labels[0])
        if benchmarks is not None and dimension_figures(benchmarks, result.dimension):
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

    @property
    def figure_text(self) -> str:
        """All comparison lines as one text (tests and the accessible description read it)."""
        return "\n".join(label.text() for label in self.figure_labels)

    def result_text(self, checkin: CheckIn) -> str:
        r, a = self.result, checkin.answers
        cat = labels.category(r.dimension, r.category)
        match r.dimension:
            case "gh":
                return self.tr("Your health this week: “{answer}” (category ‘{category}’)").format(
                    answer=ITEMS["gh"].label(a["gh"], self.lang), category=cat)
            case "mhi5":
                return self.tr("Score {score} of 100 (category ‘{category}’)").format(
                    score=checkin.scores.mhi5, category=cat)
            case "ls":
                return self.tr("Mark {mark} of 10 (category ‘{category}’)").format(mark=a["ls"], category=cat)
            case "djg":
                return self.tr("Score {total} of 6 (category ‘{category}’)").format(
                    total=checkin.scores.djg_total, category=cat)
            case "kans":
                if r.category == "complaints":
                    return self.tr("Complaints this week, bother {severity} of 10").format(
                        severity=a["kans_severity"])
                return self.tr("No complaints this week")
        return self.tr("Private time missed because of work: “{answer}”").format(
            answer=ITEMS["wlb"].label(a["wlb"], self.lang))

    def scale_ends(self) -> tuple[str, str]:
        s = self.result.scale
        words = {
            "gh:5": ITEMS["gh"].label(5, self.lang), "gh:1": ITEMS["gh"].label(1, self.lang),
            "wlb:4": ITEMS["wlb"].label(4, self.lang), "wlb:1": ITEMS["wlb"].label(1, self.lang),
            "kans:none": self.tr("no complaints"),
        }
        return words.get(s.low_label, s.low_label), words.get(s.high_label, s.high_label)

    def band_note(self, lines: tuple[FigureLine, ...]) -> str:
        """Under your band: the shares of the comparison lines ("TNO 14% · CBS 10%")."""
        return " · ".join(f"{line.figure.by} {labels.percentage(round(line.value), None)}" for line in lines)

    def change_text(self) -> str:
        change = self.result.change
        if change is not None:
            if change.direction is None or change.mean is None:
                return self.tr("After three check-ins you see here how this week compares with your own "
                               "average.")
            earlier = self.tr("your average of {mean} over the %n check-in(s) before", "",
                              change.earlier).format(mean=change.mean)
            text = {
                "about_same": self.tr("About the same as {earlier}."),
                "higher": self.tr("Higher than {earlier}."),
                "lower": self.tr("Lower than {earlier}."),
            }[change.direction].format(earlier=earlier)
            return text + " " + self.tr("This often varies from week to week.")
        previous = self.result.previous
        if previous.previous is None or previous.previous_week is None:
            return self.tr("Your first check-in: nothing earlier to compare with yet.")
        week = labels.week_short(previous.previous_week)
        if previous.same(self.result.category):
            return self.tr("Same as your previous check-in ({week}).").format(week=week)
        return self.tr("Previous check-in ({week}): {category}.").format(
            week=week, category=labels.category(self.result.dimension, previous.previous))

    def line_text(self, line: FigureLine) -> str:
        figure = line.figure
        text = self.tr("{who}, {period}: {value} {what} ({by})").format(
            who=figure.who.get(self.lang), period=format_period(figure.period, self.lang),
            value=labels.percentage(round(line.value), None), what=line.shows(self.lang), by=figure.by)
        if line.derived:
            text += " · " + self.tr("derived")
        return text

    def no_line_text(self) -> str:
        return self.tr("No recent national figure in your category to set beside this.")

    def show_source(self) -> None:
        assert self.benchmarks is not None
        shown = [line.figure for line in self.result.lines]
        others = [f for f in dimension_figures(self.benchmarks, self.result.dimension) if f not in shown]
        own_item = self.result.dimension in OWN_ITEM_DIMENSIONS
        SourceDialog(shown + others, self.benchmarks, self.lang, self, shown=len(shown), own_item=own_item,
                     own_recall=self.own_recall()).exec()

    def own_recall(self) -> str:
        """What the app's own question asks about (docs/instruments.md): not always the past 7 days."""
        return {
            "gh": self.tr("your health in general"),
            "ls": self.tr("at the moment"),
            "djg": self.tr("the way you feel lately"),
        }.get(self.result.dimension, self.tr("the past 7 days"))


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
