"""About: version and scoring version, where each instrument comes from, licences, privacy."""

from __future__ import annotations

import html
import platform

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from vitaalthuis import __version__
from vitaalthuis.domain.change import BANDS, LOOKBACK_WEEKS, MIN_EARLIER
from vitaalthuis.domain.instruments import SECTIONS, Origin
from vitaalthuis.domain.scoring import MHI5_LOW_BELOW, SCORING_VERSION


def _bundled_without_metadata() -> list[tuple[str, str, str]]:
    """Licence rows of what no distribution's metadata describes: the Python interpreter (inside the frozen
    build), Qt itself (inside PySide6-Essentials) and the DejaVu fonts (inside matplotlib). The rows of the
    distributions come from their installed metadata (vitaalthuis.licences)."""
    return [
        ("Python", platform.python_version(), "Python-2.0"),
        ("Qt (in PySide6-Essentials)", qVersion(), "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"),
        ("DejaVu fonts (in matplotlib)", "—", "Bitstream Vera Fonts licence; DejaVu changes: public domain"),
    ]


class AboutDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("About VitaalThuis"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        for title, body in ((self.tr("About"), self.about_html()),
                            (self.tr("Questionnaires"), self.sources_html()),
                            (self.tr("Licences"), self.licences_html())):
            text = QTextBrowser()
            text.setOpenLinks(False)
            text.setAccessibleName(title)
            text.setHtml(body)
            self.tabs.addTab(text, title)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def about_html(self) -> str:
        e = html.escape
        parts = [
            f"<h2>VitaalThuis {e(__version__)}</h2>",
            "<p>" + e(self.tr("A weekly check-in on your well-being while you work from home: your own "
                              "trends, national figures for context and practical tips.")) + "</p>",
            "<p>" + e(self.tr("Scoring version {version}. Psychological well-being counts as low below {cut} "
                              "(the CBS cut-off; the GGD health monitor uses 60 or lower).").format(
                version=SCORING_VERSION, cut=MHI5_LOW_BELOW)) + "</p>",
            "<h3>" + e(self.tr("Privacy")) + "</h3>",
            "<p>" + e(self.tr("Your answers are stored only on this computer, in a database in your own user "
                              "folder. The app makes no network connections at all. Your employer cannot see "
                              "your answers. Nothing leaves this computer unless you export it or make a "
                              "report yourself. You can export or delete everything at any time.")) + "</p>",
            "<h3>" + e(self.tr("Not a diagnosis")) + "</h3>",
            "<p>" + e(self.tr("The questionnaires describe how you felt in one week. They cannot diagnose "
                              "anything. If you are worried, talk to your GP (huisarts) or company doctor "
                              "(bedrijfsarts).")) + "</p>",
        ]
        return "".join(parts)

    def sources_html(self) -> str:
        e = html.escape
        parts = ["<p>" + e(self.tr(
            "The existing questionnaires keep the answers and the scoring of the original. Their wording "
            "differs in a few places; what differs is listed per questionnaire. The app's own questions are "
            "modelled on national indicators and say so.")) + "</p>"]
        for section in SECTIONS:
            if section.origin is Origin.CONTEXT:
                continue
            origin = self.tr("existing questionnaire") if section.origin is Origin.VALIDATED else \
                self.tr("the app's own question")
            items = ", ".join(item.id for item in section.items)
            parts.append(f"<h3>{e(section.title.get(self.lang))}</h3><p><b>{e(origin)}</b> ({e(items)})<br>"
                         f"{e(section.citation)}</p><p>{e(self._deviation(section.id))}</p>")
        parts.append("<p>" + e(self.tr(
            "The De Jong Gierveld loneliness scale: De Jong Gierveld, J. & Van Tilburg, T. G. (2006). "
            "A 6-item scale for overall, emotional, and social loneliness. Research on Aging, 28(5), "
            "582–598. It is not a diagnostic instrument.")) + "</p>")
        parts.append("<p>" + e(self.tr(
            "The MHI-5 is the mental-health scale of the RAND 36-Item Health Survey (SF-36); the Dutch "
            "questions and the scoring follow CBS (Statistics Netherlands), with the changes listed above."))
            + "</p>")
        parts.append("<h3>" + e(self.tr("Change over the weeks")) + "</h3>")
        bands = self.tr(
            "This week's score is compared with your own average over your check-ins in the {weeks} weeks "
            "before, and only when there are at least {least}. Within a band it counts as about the same. "
            "The bands are the app's own rule, not a published measure of measurement error: psychological "
            "well-being ± {mhi5} points, the life-satisfaction mark ± {ls}, loneliness ± {djg} point.")
        parts.append("<p>" + e(bands.format(weeks=LOOKBACK_WEEKS, least=MIN_EARLIER, mhi5=BANDS["mhi5"],
                                            ls=BANDS["ls"], djg=BANDS["djg_total"])) + "</p>")
        return "".join(parts)

    def _deviation(self, section_id: str) -> str:
        """What the app's wording does differently from the original (docs/instruments.md)."""
        return {
            "health": self.tr("Differs from the original: the Dutch question says ‘je’ instead of ‘u’."),
            "mhi5": self.tr(
                "Differs from the original: the questions ask about the past 7 days instead of the past 4 "
                "weeks, and the Dutch questions say ‘je’ instead of ‘u’. A weekly score is therefore not "
                "the same quantity as a national MHI-5 figure."),
            "djg": self.tr(
                "Differs from the original: the six statements are those of the scale. The Dutch instruction "
                "above them is worded differently and says ‘je’ and ‘jou’ instead of ‘u’. The scale asks "
                "how you are lately, without a fixed period; the app asks it every week."),
        }.get(section_id, self.tr(
            "No original wording to differ from: this is the app's own question, after a national "
            "indicator whose exact question was not available. National figures on this topic come from "
            "questions worded differently."))

    def licences_html(self) -> str:
        from vitaalthuis.licences import runtime_licences  # reads every distribution's metadata: only here

        e = html.escape
        table = [(record.name, record.version, record.licence) for record in runtime_licences()]
        table += _bundled_without_metadata()
        rows = "".join(f"<tr><td>{e(name)}</td><td>{e(version)}</td><td>{e(licence)}</td></tr>"
                       for name, version, licence in table)
        software, version, licence = self.tr("Software"), self.tr("Version"), self.tr("Licence")
        head = f"<tr><th>{e(software)}</th><th>{e(version)}</th><th>{e(licence)}</th></tr>"
        intro = e(self.tr("VitaalThuis is built with this software. Qt and Qt for Python are used under the "
                          "GNU Lesser General Public License (LGPL) version 3: you may replace these "
                          "libraries with your own build."))
        return f"<p>{intro}</p><table cellpadding='4'>{head}{rows}</table>"
