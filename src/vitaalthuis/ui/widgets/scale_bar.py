"""The small scale in a dimension card: the category bands of the score, your mark on it, and the national
shares of your category written on your band. Drawn with QPainter (no matplotlib: the overview stays fast)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from vitaalthuis.domain.scales import Scale

BAR_HEIGHT = 10
MARKER = 7


class ScaleBar(QWidget):
    def __init__(self, scale: Scale, low_label: str, high_label: str, band_note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.low_label, self.high_label, self.band_note = low_label, high_label, band_note
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(160)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(260, MARKER + BAR_HEIGHT + 2 * line + 6)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(160, self.sizeHint().height())

    def _x(self, position: float, left: float, width: float) -> float:
        s = self.scale
        return left + (min(max(position, s.low), s.high) - s.low) / (s.high - s.low) * width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        s = self.scale
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Mid)
        left, width = 1.0, float(self.width() - 2)
        top = float(MARKER + 1)
        own = s.band_of(s.marker)
        for band in s.bands:
            x0, x1 = self._x(band.start, left, width), self._x(band.end, left, width)
            colour = QColor(accent) if band is own else QColor(base)
            colour.setAlpha(150 if band is own else 70)
            painter.fillRect(QRectF(x0 + 1, top, max(x1 - x0 - 2, 1), BAR_HEIGHT), colour)
        # your mark: a triangle above the bar
        mx = self._x(s.marker, left, width)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(text)
        half = MARKER / 1.4
        painter.drawPolygon(QPolygonF([_pt(mx - half, 0), _pt(mx + half, 0), _pt(mx, MARKER)]))
        painter.setPen(QPen(text, 2))
        painter.drawLine(_pt(mx, top), _pt(mx, top + BAR_HEIGHT))
        # end labels and, under your band, the national shares of your category
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        y = top + BAR_HEIGHT + 3
        muted = QColor(text)
        muted.setAlpha(170)
        painter.setPen(muted)
        line = float(metrics.height())
        painter.drawText(QRectF(left, y, width / 2, line), int(Qt.AlignmentFlag.AlignLeft), self.low_label)
        painter.drawText(QRectF(left + width / 2, y, width / 2, line), int(Qt.AlignmentFlag.AlignRight),
                         self.high_label)
        if self.band_note:
            painter.setPen(text)
            x0, x1 = self._x(own.start, left, width), self._x(own.end, left, width)
            note = metrics.elidedText(self.band_note, Qt.TextElideMode.ElideRight, int(width))
            note_width = metrics.horizontalAdvance(note)
            x = min(max((x0 + x1 - note_width) / 2, left), left + width - note_width)
            painter.drawText(QRectF(x, y + line, note_width + 1, line), int(Qt.AlignmentFlag.AlignLeft), note)
        painter.end()


def _pt(x: float, y: float) -> QPointF:
    return QPointF(x, y)
