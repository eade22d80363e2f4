"""Small text helpers shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def selectable_label(text: str, name: str = "", *, wrap: bool = True) -> QLabel:
    """A label whose text can be selected and copied (phone numbers, sources), wrapped by default."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label
