"""The real program starts, shows its window, and has not imported matplotlib, alembic or SQLAlchemy by
then."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from vitaalthuis.config.settings import Settings


def test_window_starts_without_heavy_modules(tmp_path: Path) -> None:
    probe = tmp_path / "probe.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VITAALTHUIS_STARTUP_PROBE": str(probe)}
    exe = Path(sys.executable).with_name("vitaalthuis")
    # the first start creates the database: that is a migration, so alembic (and SQLAlchemy) is needed then
    subprocess.run([str(exe), "--data-dir", str(tmp_path / "d")], env=env, check=True, timeout=60)
    assert probe.read_text().split("\n")[1] == "alembic,sqlalchemy"
    # every later start opens a database at the current revision and reads it with plain sqlite3: none of
    # the three is imported before the window is painted (SQLAlchemy follows, for the first save)
    subprocess.run([str(exe), "--data-dir", str(tmp_path / "d")], env=env, check=True, timeout=60)
    stamp, modules = probe.read_text().split("\n")[:2]
    assert float(stamp) > 0
    assert modules == ""


def test_window_remembers_its_size(qtbot, make_window) -> None:
    window = make_window()
    window.resize(781, 577)  # the offscreen screen is 800 x 600
    qtbot.waitUntil(lambda: window.size().width() == 781)
    window.close()
    again = make_window(Settings(language="nl", welcomed=True))
    assert (again.width(), again.height()) == (781, 577)
