"""About: version and scoring version, where each instrument comes from, licences, privacy."""

from __future__ import annotations

import html
import importlib.metadata

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from vitaalthuis import __version__
from vitaalthuis.domain.instruments import SECTIONS, Origin
from vitaalthuis.domain.scoring import MHI5_LOW_BELOW, SCORING_VERSION

# Bundled software and its licence (the licence names as the projects state them).
LICENCES: tuple[tuple[str, str, str], ...] = (
    ("PySide6-Essentials", "Qt for Python / Qt 6", "LGPL-3.0 (also GPL-2.0 / GPL-3.0)"),
    ("shiboken6", "Qt for Python bindings", "LGPL-3.0 (also GPL-2.0 / GPL-3.0)"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("matplotlib", "Matplotlib (with the DejaVu fonts)",
     "Matplotlib licence (PSF-based); DejaVu: Bitstream Vera"),
    ("platformdirs", "platformdirs", "MIT"),
    ("numpy", "NumPy", "BSD-3-Clause and others"),
    ("pillow", "Pillow", "MIT-CMU"),
    ("contourpy", "ContourPy", "BSD-3-Clause"),
    ("cycler", "Cycler", "BSD-3-Clause"),
    ("fonttools", "fontTools", "MIT"),
    ("kiwisolver", "Kiwisolver", "BSD-3-Clause"),
    ("packaging", "packaging", "Apache-2.0 or BSD-2-Clause"),
    ("pyparsing", "pyparsing", "MIT"),
    ("python-dateutil", "dateutil", "BSD-3-Clause / Apache-2.0"),
    ("Mako", "Mako", "MIT"),
    ("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    ("typing_extensions", "typing_extensions", "PSF-2.0"),
)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "—"


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
        parts = ["<p>" + e(self.tr("Validated questionnaires are used with their original wording; the app's "
                                   "own questions are modelled on national indicators and say so.")) + "</p>"]
        for section in SECTIONS:
            if section.origin is Origin.CONTEXT:
                continue
            origin = self.tr("validated questionnaire") if section.origin is Origin.VALIDATED else \
                self.tr("the app's own question")
            items = ", ".join(item.id for item in section.items)
            parts.append(f"<h3>{e(section.title.get(self.lang))}</h3><p><b>{e(origin)}</b> ({e(items)})<br>"
                         f"{e(section.citation)}</p>")
        parts.append("<p>" + e(self.tr(
            "The De Jong Gierveld loneliness scale: De Jong Gierveld, J. & Van Tilburg, T. G. (2006). "
            "A 6-item scale for overall, emotional, and social loneliness. Research on Aging, 28(5), "
            "582–598. Cite the authors when you use the scale; it is not a diagnostic instrument.")) + "</p>")
        parts.append("<p>" + e(self.tr(
            "The MHI-5 is the mental-health scale of the RAND 36-Item Health Survey (SF-36); the Dutch "
            "wording and the scoring follow CBS (Statistics Netherlands).")) + "</p>")
        return "".join(parts)

    def licences_html(self) -> str:
        e = html.escape
        rows = "".join(f"<tr><td>{e(name)}</td><td>{e(_version(dist))}</td><td>{e(licence)}</td></tr>"
                       for dist, name, licence in LICENCES)
        software, version, licence = self.tr("Software"), self.tr("Version"), self.tr("Licence")
        head = f"<tr><th>{e(software)}</th><th>{e(version)}</th><th>{e(licence)}</th></tr>"
        intro = e(self.tr("VitaalThuis is built with this software. Qt and Qt for Python are used under the "
                          "GNU Lesser General Public License (LGPL) version 3: you may replace these "
                          "libraries with your own build."))
        return f"<p>{intro}</p><table cellpadding='4'>{head}{rows}</table>"
