"""The window's look: Fusion style, calm colours, generous spacing. Uses palette roles so a dark palette
(a later setting) keeps working."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f7a6d"  # teal; white text on it has a contrast ratio above 5:1
ACCENT_HOVER = "#18645a"
FOCUS_DARK = "#4fc3b0"  # the focus frame on a dark window (the accent itself is too dark there)

STYLESHEET_TEMPLATE = """
QLabel#pageTitle {{ font-size: {xxl}pt; font-weight: 600; }}
QLabel#weekTitle {{ font-size: {xl}pt; font-weight: 600; }}
QLabel#weekTitle[folded="true"] {{ font-size: {m}pt; }}
QLabel#sectionTitle {{ font-size: {l}pt; font-weight: 600; }}
QLabel#question {{ font-weight: 600; }}
QLabel#cardTitle {{ font-size: {m}pt; font-weight: 600; }}
QLabel#resultLine {{ font-size: {m}pt; }}
QLabel#badge {{ border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px; font-size: {s}pt; }}
QFrame#divider {{ color: palette(mid); }}
QLabel#muted, QLabel#hint {{ color: palette(placeholder-text); }}
QLabel#problem {{ color: #b3261e; font-weight: 600; }}
QFrame#card {{ background: palette(base); border: 1px solid palette(mid); border-radius: 10px; }}
QFrame#question[problem="true"] {{ border: 2px solid #b3261e; border-radius: 8px; }}
QLabel#demoBanner {{ background: #fff3c4; color: #3d3100; border: 1px solid #d9b300; border-radius: 8px;
                     padding: 6px 10px; font-weight: 600; }}
QFrame#urgentCard {{ background: palette(base); border: 2px solid {ACCENT}; border-radius: 10px; }}
QFrame#banner {{ background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 8px; }}
QPushButton {{ padding: 6px 14px; border-radius: 6px; border: 1px solid palette(mid);
               background: palette(button); }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: palette(placeholder-text); border-color: palette(midlight); }}
QPushButton#primary {{ background: {ACCENT}; color: white; font-weight: 600; border: 1px solid {ACCENT}; }}
QPushButton#primary:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#primary:focus {{ border: 2px solid palette(window-text); }}
QRadioButton, QCheckBox {{ padding: 3px 2px; }}
QRadioButton:focus, QCheckBox:focus {{ background: palette(alternate-base); border-radius: 4px; }}
QFrame#question QRadioButton, QFrame#question QCheckBox {{ padding: 2px 6px 2px 4px; border-radius: 6px;
                                                         border: 2px solid transparent; }}
QFrame#question QRadioButton:focus, QFrame#question QCheckBox:focus {{ border-color: {FOCUS};
                                                                     background: palette(alternate-base); }}
QFrame#question QRadioButton:hover, QFrame#question QCheckBox:hover {{ background: palette(alternate-base); }}
QProgressBar {{ border: none; background: palette(mid); border-radius: 3px; max-height: 6px; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 3px; }}
"""


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion (the full light/dark/system setting comes with the settings dialog)."""
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1f2226", QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#2a2e33", QPalette.ColorRole.AlternateBase: "#32373d",
        QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#32373d",
        QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3fa796",
        QPalette.ColorRole.HighlightedText: "#0d1412", QPalette.ColorRole.PlaceholderText: "#a8adb3",
        QPalette.ColorRole.Mid: "#4a5057", QPalette.ColorRole.Midlight: "#3b4046",
        QPalette.ColorRole.ToolTipBase: "#32373d", QPalette.ColorRole.ToolTipText: "#e8e8e8",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    return p


def stylesheet(base_pt: float, dark: bool) -> str:
    """Title sizes relative to the system font, so text follows the user's font size."""
    sizes = {"xxl": 1.7, "xl": 1.45, "l": 1.3, "m": 1.12, "s": 0.88}
    css = STYLESHEET_TEMPLATE.format(ACCENT=ACCENT, ACCENT_HOVER=ACCENT_HOVER,
                                     FOCUS=FOCUS_DARK if dark else ACCENT,
                                     **{k: round(base_pt * f, 1) for k, f in sizes.items()})
    if dark:  # keep warnings readable on a dark background
        css = css.replace("#b3261e", "#ff8a80").replace("#fff3c4", "#4a3f12").replace("#3d3100", "#ffe9a8")
        css += DARK_INDICATORS
    return css


# Fusion draws radio and check indicators with outlines darker than the window: invisible on a dark one.
DARK_INDICATORS = """
QRadioButton::indicator, QCheckBox::indicator { width: 14px; height: 14px; border: 2px solid #b8c0c8;
                                               background: #2a2e33; }
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator { border-radius: 3px; }
QRadioButton::indicator:checked { background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
    stop:0 #4fc3b0, stop:0.5 #4fc3b0, stop:0.6 #2a2e33, stop:1 #2a2e33); }
QCheckBox::indicator:checked { background: #4fc3b0; border-color: #4fc3b0; }
QRadioButton::indicator:focus, QCheckBox::indicator:focus { border-color: #ffffff; }
"""


def is_dark(theme: str) -> bool:
    """'dark', 'light', or 'system' (the desktop's colour scheme, Qt 6.5+)."""
    if theme in ("dark", "light"):
        return theme == "dark"
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


_base_font: list[float] = []


def apply(app: QApplication, *, dark: bool = False) -> None:
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    if not _base_font:
        _base_font.append(app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0)
    app.setStyleSheet(stylesheet(_base_font[0], dark))


def apply_theme(app: QApplication, theme: str) -> bool:
    dark = is_dark(theme)
    apply(app, dark=dark)
    return dark
