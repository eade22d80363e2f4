"""Mijn gegevens: what is stored, export, import with a preview, restore, delete everything."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.helpers import answers
from tests.ui.conftest import TODAY
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.backups import BackupService

W = IsoWeek.current(TODAY)


def dialog(qtbot, services, monkeypatch):
    from vitaalthuis.ui import translations
    from vitaalthuis.ui.mydata_dialog import MyDataDialog

    translations.install("nl")
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    d = MyDataDialog(services)
    qtbot.addWidget(d)
    return d


def test_summary_and_export(qtbot, db, services, repo, tmp_path: Path, monkeypatch) -> None:
    repo.save(CheckIn(W.shifted(-2), answers()))
    repo.save(CheckIn(W, answers()))
    d = dialog(qtbot, services, monkeypatch)
    assert d.summary.text().startswith("2 check-ins, van 2026-W46 tot 2026-W48 en 0 onafgemaakte concepten")
    d.export(tmp_path / "all.json", "json")
    assert [c["week"] for c in json.loads((tmp_path / "all.json").read_text())["checkins"]] == [
        "2026-W46", "2026-W48"]


def test_import_shows_a_preview_and_changes_nothing_when_declined(
        qtbot, db, services, repo, tmp_path, monkeypatch) -> None:
    repo.save(CheckIn(W, answers(ls=5)))
    doc = {"format": "vitaalthuis", "version": 1, "checkins": [
        {"week": str(W), "answers": answers(ls=9)}, {"week": str(W.shifted(-1)), "answers": answers()}]}
    source = tmp_path / "in.json"
    source.write_text(json.dumps(doc))
    d = dialog(qtbot, services, monkeypatch)
    asked = []
    assert not d.import_file(source, confirm=lambda q: asked.append(q) or False)
    assert asked == ["Met deze import komen er 1 week bij en worden 1 week vervangen die je al "
                     "hebt. Eerst wordt een reservekopie gemaakt. Doorgaan?"]
    assert repo.count() == 1 and repo.get(W).answers["ls"] == 5
    assert d.import_file(source, confirm=lambda q: True)
    assert repo.count() == 2 and repo.get(W).answers["ls"] == 9


def test_bad_import_is_refused_with_the_problems(qtbot, db, services, repo, tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text)))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "vitaalthuis", "version": 1,
                               "checkins": [{"week": "2026-W10", "answers": {"gh": 9}}]}))
    d = dialog(qtbot, services, monkeypatch)
    assert not d.import_file(bad, confirm=lambda q: True)
    assert shown[0].startswith("Er is niets geïmporteerd")
    assert "check-in 1 (2026-W10), vraag gh: waarde buiten het bereik" in shown[0]  # in Dutch, as a whole
    assert repo.count() == 0


def test_restore_a_backup(qtbot, db, services, repo, monkeypatch) -> None:
    repo.save(CheckIn(W.shifted(-1), answers()))
    BackupService(db.path).daily_backup()
    repo.save(CheckIn(W, answers()))
    d = dialog(qtbot, services, monkeypatch)
    assert d.backup_table.rowCount() == 1 and d.backup_table.item(0, 2).text() == "1"
    d.backup_table.selectRow(0)
    assert d.restore_selected(confirm=lambda q: "met 1 check-in terugzetten" in q)
    assert repo.count() == 1  # back to the backup's state
    assert d.backup_table.rowCount() == 2  # the state before the restore was kept as a backup


def test_delete_everything_needs_the_typed_word(qtbot, db, repo, make_window, monkeypatch) -> None:
    from vitaalthuis.ui import translations
    from vitaalthuis.ui.mydata_dialog import DeleteEverythingDialog

    translations.install("nl")
    confirm = DeleteEverythingDialog()
    qtbot.addWidget(confirm)
    assert not confirm.ok.isEnabled()
    qtbot.keyClicks(confirm.entry, "verwijder")
    assert not confirm.ok.isEnabled()
    confirm.entry.setText("VERWIJDEREN")
    assert confirm.ok.isEnabled()

    repo.save(CheckIn(W, answers()))
    BackupService(db.path).daily_backup()
    window = make_window()
    d = dialog(qtbot, window.services, monkeypatch)
    d.data_deleted.connect(window._after_delete_everything)
    folder = db.path.parent
    assert d.delete_everything(None)
    assert not (folder / "backups").exists() or not any((folder / "backups").iterdir())
    assert window.services.database is not db and window.service.repo.count() == 0
    assert window.home.history.row_count() == 0
    window.services.close()


def test_counts_read_as_words_in_english_too(qtbot, db, services, repo, monkeypatch) -> None:
    """English is the source language, but its plural forms come from a file too: never "check-in(s)"."""
    from vitaalthuis.ui import translations

    repo.save(CheckIn(W, answers()))
    d = dialog(qtbot, services, monkeypatch)
    translations.install("en")
    try:
        d.refresh()
        text = d.summary.text()
        assert text.startswith("1 check-in, from 2026-W48 to 2026-W48 and 0 unfinished drafts"), text
        assert "(s)" not in text and "0 backups" in text and "0 set-aside files" in text
    finally:
        translations.install("nl")
