""""Source and explanation" of a dimension card: every national figure about the dimension, the ones the card
shows first, each with what it counts, who, when, how it was measured and asked, how comparable, and its
source. The method text lives here, not on the card."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from vitaalthuis.domain.benchmarks import BenchmarkSet, Figure, format_period
from vitaalthuis.ui import labels


class SourceDialog(QDialog):
    def __init__(self, figures: Sequence[Figure], benchmarks: BenchmarkSet, lang: str,
                 parent: QWidget | None = None, *, shown: int = 1, own_item: bool = False,
                 own_recall: str = "") -> None:
        super().__init__(parent)
        self.lang = lang
        self.own_recall = own_recall
        self.setWindowTitle(self.tr("Source and explanation"))
        self.resize(600, 560)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)  # the app opens nothing on the network; the address is shown as text
        self.text.setAccessibleName(self.tr("Source and explanation"))
        parts = [self.intro_html(own_item)]
        if shown:
            on_card = self.tr("On the card")
            parts.append(f"<h2>{html.escape(on_card)}</h2>")
            parts += [self.details_html(f, benchmarks) for f in figures[:shown]]
        if len(figures) > shown:
            other = self.tr("Other figures")
            parts.append(f"<h2>{html.escape(other)}</h2>")
            others = self.tr("Older, about another group or measured in another way; listed so you can see "
                             "everything the app knows.")
            parts.append(f"<p>{html.escape(others)}</p>")
            parts += [self.details_html(f, benchmarks) for f in figures[shown:]]
        self.text.setHtml("".join(parts))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def intro_html(self, own_item: bool) -> str:
        lines = [self.tr(
            "A national figure describes a group, measured once, often over a longer period than your week. "
            "The card shows the share of a group that was in your category. Where only the other side of a "
            "two-way split was published, the card shows 100 minus that share, marked “derived”.")]
        if own_item:
            lines.append(self.tr("This is the app's own question; the national figures come from questions "
                                 "worded differently."))
        return "".join(f"<p>{html.escape(line)}</p>" for line in lines)

    def details_html(self, figure: Figure, benchmarks: BenchmarkSet) -> str:
        lang = self.lang
        source = benchmarks.source(figure.source)
        e = html.escape
        value = labels.percentage(figure.value, figure.qualifier) if figure.value_pct is not None else \
            labels.decimal(figure.value)
        when = format_period(figure.period, lang)
        if figure.period_note is not None:
            when += f" ({figure.period_note.get(lang).rstrip('.')})"
        recall = figure.recall_period.get(lang).rstrip(".")
        if self.own_recall:
            recall = self.tr("{recall} (in the app: {own})").format(recall=recall, own=self.own_recall)
        rows = [
            (self.tr("Figure"), f"{value} {figure.shows.get(lang)}"),
            (self.tr("Group"), figure.population.get(lang)),
            (self.tr("When"), when),
            (self.tr("How measured"), figure.instrument.get(lang)),
            (self.tr("Recall period"), recall),
            (self.tr("Comparable with your answer?"),
             f"{labels.comparability(figure.comparability.value)}. {figure.comparability_note.get(lang)}"),
            (self.tr("Checked"), labels.verification(figure.verification.value)),
        ]
        citation = [source.publisher, source.title, source.date]
        if source.kamerstuk:
            citation.append(self.tr("Kamerstuk {number}").format(number=source.kamerstuk))
        if source.url:
            citation.append(source.url)
        rows.append((self.tr("Source"), " · ".join(citation)))
        body = "".join(f"<p><b>{e(k)}</b><br>{e(v)}</p>" for k, v in rows)
        heading = f"{figure.who.get(lang)}, {format_period(figure.period, lang)} ({figure.by})"
        return f"<h3>{e(heading)}</h3>{body}"
