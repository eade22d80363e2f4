"""The History tab: every finished check-in, newest first, to open, correct or delete (with undo).

A model over the list of check-ins: cell texts are made when a row is drawn, so ten years of history cost
nothing at start-up and nothing when the home screen refreshes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.ui import labels

WEEK_ROLE = Qt.ItemDataRole.UserRole
_Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.headers = labels.summary_headers()
        self._rows: list[CheckIn] = []
        self._cells: dict[int, list[str]] = {}

    def set_history(self, history: list[CheckIn]) -> None:
        self.beginResetModel()
        self._rows = list(history)
        self._cells = {}
        self.endResetModel()

    def week(self, row: int) -> IsoWeek:
        return self._rows[row].week

    def row_of(self, week: IsoWeek) -> int | None:
        return next((r for r, c in enumerate(self._rows) if c.week == week), None)

    def cells(self, row: int) -> list[str]:
        if row not in self._cells:
            checkin = self._rows[row]
            self._cells[row] = [labels.week_short(checkin.week), *labels.summary_cells(checkin, self.lang)]
        return self._cells[row]

    # -- Qt's model interface --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return self.cells(index.row())[index.column()]
        if role == WEEK_ROLE:
            return self._rows[index.row()].week
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


LONELINESS_COLUMN = 4  # in labels.summary_headers()


class HistoryView(QWidget):
    open_week = Signal(object)  # IsoWeek
    delete_week = Signal(object)  # IsoWeek

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.model = HistoryModel(lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("History of your check-ins"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        # sized from the texts of the rows drawn, not every row: a long history costs nothing to show
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(40)
        # the loneliness column (the longest words) takes the width left and is cut off with "…" in a
        # narrow window, so the table never scrolls sideways; its whole text is the cell's tooltip
        header.setSectionResizeMode(LONELINESS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self._open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("No check-ins yet. Your first one will appear here."))
        self.empty_label.setObjectName("muted")
        layout.addWidget(self.empty_label)

        actions = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open or correct"))
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self._delete_selected)
        actions.addWidget(self.open_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout.addLayout(actions)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Delete removes the selected week (with undo); Enter opens it."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Delete:
                self._delete_selected()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_selected()
                return True
        return super().eventFilter(watched, event)

    def set_history(self, history: list[CheckIn]) -> None:
        self.model.set_history(history)
        self.table.setVisible(bool(history))
        self.empty_label.setVisible(not history)
        self._selection_changed()

    def row_count(self) -> int:
        return self.model.rowCount()

    def cell_text(self, row: int, column: int) -> str:
        return self.model.cells(row)[column]

    def selected_week(self) -> IsoWeek | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.week(rows[0].row()) if rows else None

    def select_week(self, week: IsoWeek) -> None:
        row = self.model.row_of(week)
        if row is not None:
            self.table.selectRow(row)

    def _selection_changed(self) -> None:
        has = self.selected_week() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _open_selected(self) -> None:
        week = self.selected_week()
        if week is not None:
            self.open_week.emit(week)

    def _delete_selected(self) -> None:
        week = self.selected_week()
        if week is not None:
            self.delete_week.emit(week)
