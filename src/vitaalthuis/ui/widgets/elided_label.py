"""A label that wraps its text, or, when folded, shows it on one line cut off with "…" (the whole text in
its tooltip and accessible name). The window folds its banners this way when it is short."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self._folded = False
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._show()

    # QLabel.setText/text are what callers use: the label's text is always the whole text; cutting it off is
    # presentation only.
    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._full = text
        self._show()

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What is painted: the whole text, or one line ending in "…" when folded and too long."""
        return super().text()

    @property
    def folded(self) -> bool:
        return self._folded

    def set_folded(self, folded: bool) -> None:
        if folded == self._folded:
            return
        self._folded = folded
        self.setWordWrap(not folded)
        self._show()
        self.updateGeometry()

    def _show(self) -> None:
        if not self._folded:
            super().setText(self._full)
            self.setToolTip("")
            self.setAccessibleName("")
            return
        one_line = " ".join(self._full.split())
        shown = self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight,
                                              max(self.contentsRect().width(), 0))
        super().setText(shown)
        cut = shown != one_line
        self.setToolTip(self._full if cut else "")
        self.setAccessibleName(one_line if cut else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._folded:
            self._show()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 40), hint.height()) if self._folded else hint

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(min(hint.width(), 120), hint.height()) if self._folded else hint
