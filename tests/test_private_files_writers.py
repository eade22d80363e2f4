"""Each writer of the app's own files goes through files.write_private: whole or not at all, private, nothing
beside it. Failures are injected with monkeypatch (CI runs as root: permissions alone prove nothing)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path

import pytest

from vitaalthuis import files
from vitaalthuis.domain.weeks import IsoWeek

POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
WEEK = IsoWeek(2026, 48)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def disk_full(*_args: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


# ---- the PDF report ----------------------------------------------------------------------------------------


def test_while_the_report_is_made_nothing_appears_in_its_folder(tmp_path: Path) -> None:
    """Rendering takes seconds; a half-written file in the user's folder is what a sync client picks up."""
    from vitaalthuis.charts.report import build_report
    from vitaalthuis.services.demo import generate

    history = generate(8, last=IsoWeek(2026, 8))
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "overzicht.pdf"
    seen: list[list[str]] = []
    build_report(target, history, history[0].week, history[-1].week, benchmarks=None,
                 progress=lambda _done, _total: seen.append(sorted(p.name for p in folder.iterdir())))
    assert seen and all(names == [] for names in seen)
    assert [p.name for p in folder.iterdir()] == ["overzicht.pdf"]


def test_a_report_that_cannot_be_saved_changes_nothing(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from vitaalthuis.charts.report import build_report
    from vitaalthuis.services.demo import generate

    target = tmp_path / "reports" / "overzicht.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the previous report")
    history = generate(4, last=IsoWeek(2026, 8))
    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):  # the report dialog shows an OSError's strerror
        build_report(target, history, history[0].week, history[-1].week, benchmarks=None)
    monkeypatch.undo()
    assert target.read_bytes() == b"the previous report" and list(target.parent.iterdir()) == [target]


# ---- "Mijn gegevens" export --------------------------------------------------------------------------------


@pytest.fixture
def mydata(db, repo, tmp_path: Path):
    from vitaalthuis.services.demo import fill_demo_data
    from vitaalthuis.services.mydata import MyDataService

    fill_demo_data(repo, 3, today=dt.date(2026, 11, 28))
    return MyDataService(db.path.parent, db, log_dir=tmp_path / "logs")


def test_my_data_export_that_fails_keeps_the_old_file(mydata, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "mine.json"
    target.parent.mkdir()
    target.write_text("old export")
    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):  # the dialog catches OSError and says so
        mydata.export_to(target)
    monkeypatch.undo()
    assert target.read_text() == "old export" and list(target.parent.iterdir()) == [target]


@POSIX
def test_my_data_export_never_follows_a_planted_symlink(mydata, tmp_path: Path) -> None:
    """The export may go to a shared folder; the old writer's fixed temporary name could be a symlink."""
    victim = tmp_path / "victim"
    victim.write_text("precious")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / ".mine.json.part").symlink_to(victim)
    target = mydata.export_to(shared / "mine.json")
    assert victim.read_text() == "precious"
    assert target.read_text(encoding="utf-8").startswith("{") and mode(target) == 0o600


# ---- chart export (PNG/SVG) --------------------------------------------------------------------------------


@pytest.fixture
def charts(qtbot, qt_settings):
    from vitaalthuis.services.demo import generate
    from vitaalthuis.ui.charts_view import ChartsView

    view = ChartsView("nl", WEEK)
    qtbot.addWidget(view)
    view.set_history(generate(20, last=WEEK), WEEK)
    view.show()
    qtbot.waitUntil(lambda: view.canvas is not None, timeout=30_000)
    return view


@POSIX
def test_chart_export_over_an_existing_file_is_private_and_whole(charts, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "charts"
    folder.mkdir()
    target = folder / "chart.png"
    target.write_bytes(b"old chart")
    target.chmod(0o644)
    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        charts.export(str(target), "png")
    monkeypatch.undo()
    assert target.read_bytes() == b"old chart" and list(folder.iterdir()) == [target]

    assert charts.export(str(target), "png") == target
    assert target.read_bytes().startswith(b"\x89PNG") and mode(target) == 0o600  # not the old 0644
    svg = charts.export(str(folder / "chart"), "svg")
    assert svg.name == "chart.svg" and mode(svg) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["chart.png", "chart.svg"]


# ---- window state (Qt's own settings file) -----------------------------------------------------------------


@POSIX
def test_window_state_file_is_private_under_umask_000(qtbot, qt_settings, repo, db,
                                                      tmp_path: Path) -> None:
    """Qt writes its settings file itself, with a mode from the umask; closing the window makes it 0600."""
    from PySide6.QtCore import QSettings

    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.ui.main_window import MainWindow

    state_file = Path(QSettings().fileName())
    folder_existed = state_file.parent.exists()
    state_file.unlink(missing_ok=True)  # Qt keeps an existing file's mode: start from none
    window = MainWindow(open_services(db, today=lambda: dt.date(2026, 11, 28)),
                        SettingsStore(tmp_path / "config"), Settings(language="nl", welcomed=True), "nl",
                        use_tray=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    old = os.umask(0)
    try:
        window.close()
        assert mode(state_file) == 0o600
        if not folder_existed:
            assert mode(state_file.parent) == 0o700
        QSettings().setValue("reminder/probe", "later writes keep the mode")
        QSettings().sync()
        assert mode(state_file) == 0o600
    finally:
        os.umask(old)
    assert QSettings().value("window/geometry") is not None
