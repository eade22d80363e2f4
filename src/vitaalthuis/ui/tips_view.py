"""Tips: this week's tips with feedback, and the whole library with search and a theme filter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.tips import THEMES, Tip, TipLibrary
from vitaalthuis.ui.widgets.built_when_shown import BuiltWhenShown

TIP_ROLE = Qt.ItemDataRole.UserRole


class TipCard(QFrame):
    """One tip: title, text, source, and the user's feedback buttons."""

    feedback_given = Signal(str, object)  # tip id, "helpful" | "not_for_me" | None

    def __init__(self, tip: Tip, library: TipLibrary, lang: str, feedback: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tip = tip
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        title = QLabel(tip.title.get(lang))
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        body = QLabel(tip.body.get(lang))
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source = QLabel(self.tr("Source: {citation}").format(citation=library.source_of(tip).citation()))
        source.setObjectName("hint")
        source.setWordWrap(True)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (title, body, source):
            layout.addWidget(widget)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.helpful_button = QPushButton(self.tr("This helps"))
        self.helpful_button.setAccessibleName(
            self.tr("This helps: {title}").format(title=tip.title.get(lang)))
        self.not_for_me_button = QPushButton(self.tr("Not for me"))
        self.not_for_me_button.setAccessibleName(
            self.tr("Not for me: {title}").format(title=tip.title.get(lang)))
        self.helpful_button.clicked.connect(lambda: self._give("helpful"))
        self.not_for_me_button.clicked.connect(lambda: self._give("not_for_me"))
        row.addWidget(self.status, 1)
        row.addWidget(self.helpful_button)
        row.addWidget(self.not_for_me_button)
        layout.addLayout(row)
        self.show_feedback(feedback)

    def _give(self, value: str) -> None:
        self.feedback_given.emit(self.tip.id, value)
        self.show_feedback(value)

    def show_feedback(self, value: str | None) -> None:
        self.status.setText({
            "helpful": self.tr("You marked this tip as helpful."),
            "not_for_me": self.tr("This tip will not be suggested again."),
        }.get(value or "", ""))
        self.helpful_button.setEnabled(value != "helpful")
        self.not_for_me_button.setEnabled(value != "not_for_me")


translate = QCoreApplication.translate


def theme_name(theme: str) -> str:
    return {
        "workplace_posture": translate("TipsView", "Workplace and posture"),
        "breaks_movement": translate("TipsView", "Breaks and movement"),
        "screen_time": translate("TipsView", "Screen time"),
        "structure_boundaries": translate("TipsView", "Structure and boundaries"),
        "social_contact": translate("TipsView", "Social contact"),
        "stress_mental_health": translate("TipsView", "Stress and mental health"),
        "managers": translate("TipsView", "For managers"),
        "rights_duties": translate("TipsView", "Your rights, the employer's duties"),
    }.get(theme, theme)


class TipsView(BuiltWhenShown):
    feedback_given = Signal(str, object)

    """This week's tips and the library; the widgets are built when the tab is first shown."""

    def __init__(self, library: TipLibrary, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.lang = lang
        self.feedback: dict[str, str] = {}
        self.week_tips: list[Tip] = []
        self.week_cards: list[TipCard] = []

    def build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.week_title = QLabel(self.tr("Tips for this week"))
        self.week_title.setObjectName("sectionTitle")
        layout.addWidget(self.week_title)
        self.week_box = QHBoxLayout()
        layout.addLayout(self.week_box)
        self.week_empty = QLabel(self.tr(
            "After this week's check-in, tips that fit your answers appear here."))
        self.week_empty.setObjectName("muted")
        self.week_empty.setWordWrap(True)
        layout.addWidget(self.week_empty)

        library_title = QLabel(self.tr("All tips"))
        library_title.setObjectName("sectionTitle")
        layout.addWidget(library_title)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tips…"))
        self.search.setAccessibleName(self.tr("Search tips"))
        self.search.setClearButtonEnabled(True)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self.theme_combo.addItem(self.tr("All themes"), None)
        for theme in THEMES:
            self.theme_combo.addItem(theme_name(theme), theme)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.theme_combo)
        layout.addLayout(filters)
        splitter = QSplitter()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Tips"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_holder = QVBoxLayout()
        self.detail_holder.setContentsMargins(0, 0, 4, 0)
        self.detail_holder.addStretch(1)
        detail = QWidget()
        detail.setLayout(self.detail_holder)
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(detail)
        splitter.addWidget(self.list)
        splitter.addWidget(detail_scroll)
        splitter.setSizes([300, 500])
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        layout.addWidget(self.count_label)
        self.detail_card: TipCard | None = None
        self.search.textChanged.connect(self.apply_filter)
        self.theme_combo.currentIndexChanged.connect(self.apply_filter)
        self.list.currentItemChanged.connect(self._show_selected)
        self.apply_filter()
        self._show_week_tips()

    def set_week_tips(self, tips: list[Tip], feedback: dict[str, str]) -> None:
        self.week_tips = list(tips)
        self.feedback = dict(feedback)
        if self._built:
            self._show_week_tips()

    def _show_week_tips(self) -> None:
        tips = self.week_tips
        for card in self.week_cards:
            self.week_box.removeWidget(card)
            card.deleteLater()
        self.week_cards = []
        for tip in tips:
            card = TipCard(tip, self.library, self.lang, self.feedback.get(tip.id))
            card.feedback_given.connect(self._on_feedback)
            self.week_box.addWidget(card, 1)
            self.week_cards.append(card)
        self.week_empty.setVisible(not tips)
        self._show_selected()

    def _on_feedback(self, tip_id: str, value: object) -> None:
        self.feedback[tip_id] = str(value)
        self.feedback_given.emit(tip_id, value)

    def apply_filter(self) -> None:
        theme = self.theme_combo.currentData()
        tips = self.library.search(self.search.text(), theme=theme, lang=self.lang)
        self.list.clear()
        for tip in tips:
            item = QListWidgetItem(tip.title.get(self.lang))
            item.setData(TIP_ROLE, tip.id)
            item.setToolTip(theme_name(tip.theme))
            self.list.addItem(item)
        self.count_label.setText(self.tr("{n} of {total} tips").format(n=len(tips), total=len(self.library)))
        if tips:
            self.list.setCurrentRow(0)
        else:
            self._show_selected()

    def _show_selected(self, *_args: object) -> None:
        if self.detail_card is not None:
            self.detail_holder.removeWidget(self.detail_card)
            self.detail_card.deleteLater()
            self.detail_card = None
        # the stubs say QListWidgetItem, but currentItem() is None when no row is current (an empty list)
        item: QListWidgetItem | None = self.list.currentItem()
        tip = self.library.get(item.data(TIP_ROLE)) if item is not None else None
        if tip is not None:
            self.detail_card = TipCard(tip, self.library, self.lang, self.feedback.get(tip.id))
            self.detail_card.feedback_given.connect(self._on_feedback)
            self.detail_holder.insertWidget(0, self.detail_card)
