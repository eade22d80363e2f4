"""Everything about one national figure: what it counts, who, when, how measured, how comparable, source."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from vitaalthuis.domain.benchmarks import BenchmarkSet, Figure, format_period
from vitaalthuis.ui import labels


class SourceDialog(QDialog):
    def __init__(self, figure: Figure, benchmarks: BenchmarkSet, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source and explanation"))
        self.resize(560, 480)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)  # the app opens nothing on the network; the address is shown as text
        self.text.setAccessibleName(self.tr("Source and explanation"))
        self.text.setHtml(self.details_html(figure, benchmarks, lang))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def details_html(self, figure: Figure, benchmarks: BenchmarkSet, lang: str) -> str:
        source = benchmarks.source(figure.source)
        e = html.escape
        value = labels.percentage(figure.value, figure.qualifier) if figure.value_pct is not None else \
            labels.decimal(figure.value)
        what = f"“{figure.wording_verbatim}”" if figure.wording_verbatim else \
            labels.figure_category(figure.score)
        rows = [
            (self.tr("Figure"), f"{value} · {what}"),
            (self.tr("Who"), figure.population.get(lang)),
            (self.tr("When"), format_period(figure.period, lang)),
            (self.tr("How measured"), figure.instrument.get(lang)),
            (self.tr("Recall period"), figure.recall_period.get(lang)),
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
        return f"<h3>{e(labels.figure_category(figure.score))}</h3>{body}"
