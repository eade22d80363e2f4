"""``vitaalthuis --smoke-test``: a headless check that a build (frozen or not) has everything it needs.

It runs in a temporary data folder and never touches the user's data: migrate a new database, score a
sample check-in, save it and read it back, render a chart to PNG with matplotlib's Agg backend, find the
shipped data (benchmarks, tips, the Dutch translation when built), write the PDF report and, when PySide6
is there, draw the chart through the window's own Qt canvas on the offscreen platform and load the
background helper's notifications (QtDBus). One line per step on ``out``; the exit status is 0 when every
step passed, 1 otherwise. Used on every built artifact (CI).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO


class SmokeFailure(AssertionError):
    pass


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def run_smoke_test(out: TextIO | None = None) -> int:
    """Run every step; print ``ok``/``FAIL`` per step; return 0 when all passed, else 1."""
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported anywhere
    os.environ.setdefault("MPLBACKEND", "Agg")
    from vitaalthuis import __version__

    frozen = bool(getattr(sys, "frozen", False))
    print(f"VitaalThuis {__version__} smoke test ({'frozen' if frozen else 'python'} "
          f"{sys.version.split()[0]}, {sys.platform})", file=out)
    failures = 0
    state: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="vitaalthuis-smoke-") as tmp:
        state["tmp"] = Path(tmp)
        for name, step in _STEPS:
            start = time.perf_counter()
            try:
                detail = step(state)
            except KeyError as exc:  # what an earlier, failed step should have provided
                failures += 1
                print(f"FAIL {name}: skipped, an earlier step failed (no {exc})", file=out)
                continue
            except Exception as exc:  # noqa: BLE001 - every failing step is reported, then the next runs
                failures += 1
                print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=out)
                traceback.print_exc(file=sys.stderr)
                continue
            ms = (time.perf_counter() - start) * 1000
            print(f"ok   {name} ({ms:.0f} ms){': ' + detail if detail else ''}", file=out)
        db = state.get("db")
        if db is not None:
            db.close()
    print("smoke test passed" if not failures else f"smoke test FAILED ({failures} step(s))", file=out)
    out.flush()
    return 0 if not failures else 1


# --- steps ------------------------------------------------------------------------------------------------


def _resources(state: dict[str, Any]) -> str:
    from vitaalthuis.domain.benchmarks import load_benchmarks
    from vitaalthuis.domain.tips import load_tips
    from vitaalthuis.resources import resource, resource_root

    root = resource_root()
    benchmarks = load_benchmarks()
    tips = load_tips()
    _check(len(tips) > 0, "the tip library is empty")
    resource("icons", "nl.vitaalthuis.VitaalThuis.svg")
    state["benchmarks"] = benchmarks
    qm = [p.name for p in resource("i18n").iterdir() if p.name.endswith(".qm")]
    if getattr(sys, "frozen", False):
        _check(bool(qm), "no translation (.qm) in the frozen build: run 'make translations' before packaging")
    return f"{root}; {len(tips)} tips; translations: {', '.join(sorted(qm)) or 'none built'}"


def _migrate(state: dict[str, Any]) -> str:
    from vitaalthuis.storage.db import Database
    from vitaalthuis.storage.migrate import HEAD, current_revision

    data = state["tmp"] / "data"
    db = Database.open(data)
    state["db"] = db
    revision = current_revision(db.path)
    _check(revision == HEAD, f"database at revision {revision}, expected {HEAD}")
    return f"revision {revision}"


def _score_and_store(state: dict[str, Any]) -> str:
    from vitaalthuis.domain.weeks import IsoWeek
    from vitaalthuis.services.demo import generate
    from vitaalthuis.storage.checkins import CheckinRepository

    last = IsoWeek.current()
    sample = generate(12, last=last, seed=7)
    _check(bool(sample), "no sample check-in generated")
    scores = sample[-1].scores
    _check(0 <= scores.mhi5 <= 100, f"MHI-5 score {scores.mhi5} out of range")
    repo = CheckinRepository(state["db"].sessions)
    repo.save_many(sample)
    back = repo.get(sample[-1].week)
    _check(back is not None and back.answers == sample[-1].answers,
           "the saved check-in read back differently")
    _check(repo.count() == len(sample), f"{repo.count()} check-ins stored, expected {len(sample)}")
    state["history"], state["last"] = repo.all(), last
    return f"{len(sample)} check-ins, latest {sample[-1].week} MHI-5 {scores.mhi5}"


def _chart_agg(state: dict[str, Any]) -> str:
    from vitaalthuis.charts.figures import PNG_MAGIC, build_dimension_figure, write_png
    from vitaalthuis.charts.series import build_series

    series = build_series(state["history"], "mhi5", "3m", state["last"])
    path = state["tmp"] / "chart.png"
    write_png(build_dimension_figure(series, lang="nl"), str(path))
    _check(path.read_bytes()[:8] == PNG_MAGIC and path.stat().st_size > 2000, "the chart PNG is not valid")
    state["series"] = series
    return f"{path.stat().st_size} bytes"


def _report(state: dict[str, Any]) -> str:
    from vitaalthuis.charts.report import build_report

    history = state["history"]
    path = state["tmp"] / "report.pdf"
    pages = build_report(path, history, history[0].week, history[-1].week, lang="nl",
                         benchmarks=state.get("benchmarks"))
    _check(path.read_bytes()[:5] == b"%PDF-", "the report is not a PDF")
    return f"{pages} page(s)"


def _policy(state: dict[str, Any]) -> str:
    from vitaalthuis.config.policy import load_policy

    policy = load_policy([state["tmp"] / "no-policy.toml"], env={})
    _check(policy.is_empty and not policy.notices, "the empty policy is not empty")
    return ""


def _qt(state: dict[str, Any]) -> str:
    """The window's Qt side in this build (ui/selfcheck_steps.py): the offscreen platform, the translation,
    the SVG icon, a chart through the window's own canvas, and every module the window needs."""
    if importlib.util.find_spec("PySide6") is None:
        return "skipped: PySide6 is not installed"
    from vitaalthuis.ui import selfcheck_steps

    return selfcheck_steps.window_parts(state["series"], _check)


def _notifications(state: dict[str, Any]) -> str:
    """The background helper's notification path loads: QtDBus and the notifier, built without a bus (the
    frozen build once left QtDBus out)."""
    if importlib.util.find_spec("PySide6") is None:
        return "skipped: PySide6 is not installed"
    from vitaalthuis.ui import selfcheck_steps

    return selfcheck_steps.notifications(_check)


_STEPS: tuple[tuple[str, Callable[[dict[str, Any]], str]], ...] = (
    ("resources", _resources),
    ("migrate", _migrate),
    ("score and store", _score_and_store),
    ("chart (Agg PNG)", _chart_agg),
    ("report (PDF)", _report),
    ("policy", _policy),
    ("chart (Qt offscreen)", _qt),
    ("notifications (D-Bus)", _notifications),
)


def main() -> int:  # ``python -m vitaalthuis.selfcheck`` and the frozen hook (packaging/pyinstaller)
    return run_smoke_test()


if __name__ == "__main__":
    sys.exit(main())
