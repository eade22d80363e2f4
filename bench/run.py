"""`make bench`: measure VitaalThuis against floor scripts and write bench/results.md.

Every process figure is the median (and spread) of interleaved runs, app and floor alternating, each in a
fresh process under a virtual X server (run through xvfb-run by the Makefile). In-process figures (redraw,
save, history and dashboard load) are medians of repeated calls. Nothing here asserts: the numbers go into
bench/results.md, the tests never time anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = {"start-up": 1.3, "first chart": 1.2, "peak RSS": 1.15}
FIRST_OVERVIEW = (
    "the overview's first view in a session, chosen after a second on the first chart (prepared in idle time "
    "meanwhile; a fresh process each run)",
    "the overview's first view in a session, chosen as soon as the first chart is shown (nothing prepared: "
    "six new axes, layout, texts; a fresh process each run)")
CHART_ROWS = ("switch to another 520-week chart (one dimension)",
              "switch to the six-chart overview, 520 weeks (out of date: axes kept, contents anew)",
              "change the period of the shown chart (one dimension; 1 year / all)",
              "change the period of the shown overview (1 year / all)",
              "switch back to a chart that is still up to date")


def probe_run(cmd: list[str], probe: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """(seconds to the first paint, peak RSS in KiB, peak RSS in KiB once SQLAlchemy is loaded as well)"""
    probe.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(cmd, env=env, check=True, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stamp, _modules, rss, rss_writing = [*probe.read_text().split("\n"), "", ""][:4]
    return float(stamp) - start, int(rss or 0), int(rss_writing or rss or 0)


def stats(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[len(ordered) // 10], ordered[(len(ordered) * 9) // 10]


def process_benchmarks(runs: int, tmp: Path) -> dict[str, dict[str, list[float]]]:
    from floor import make_floor_db

    exe = str(Path(sys.executable).with_name("vitaalthuis"))
    data = tmp / "data"
    config = tmp / "config"
    (config / "VitaalThuis").mkdir(parents=True)
    (config / "VitaalThuis" / "settings.json").write_text('{"language": "nl", "welcomed": true}')
    subprocess.run([exe, "--data-dir", str(data), "demo-data", "--weeks", "520"], check=True,
                   stderr=subprocess.DEVNULL)
    floor_db = tmp / "floor.sqlite3"
    make_floor_db(str(floor_db))
    probe = tmp / "probe.txt"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "VITAALTHUIS_STARTUP_PROBE": str(probe)}
    results: dict[str, dict[str, list[float]]] = {
        k: {"app": [], "floor": [], "app_rss": [], "floor_rss": [],
            "app_rss_writing": [], "floor_rss_writing": []}
        for k in ("start-up", "first chart")}
    floor = [sys.executable, str(HERE / "floor.py")]
    # warm the file cache once, and let matplotlib build its font cache (in this run's config folder)
    probe_run([exe, "--data-dir", str(data)], probe, {**env, "VITAALTHUIS_PROBE_MODE": "chart"})
    probe_run([*floor, "chart", str(floor_db), str(probe)], probe, env)
    for i in range(runs):
        for name, mode, probe_mode in (("start-up", "window", "dashboard"),
                                       ("first chart", "chart", "chart")):
            app_env = {**env, "VITAALTHUIS_PROBE_MODE": probe_mode}
            order: list[tuple[str, Callable[[], tuple[float, int, int]]]] = [
                ("app", lambda e=app_env: probe_run([exe, "--data-dir", str(data)], probe, e)),
                ("floor", lambda m=mode: probe_run([*floor, m, str(floor_db), str(probe)], probe, env)),
            ]
            if i % 2:
                order.reverse()
            for who, run in order:
                seconds, rss, rss_writing = run()
                results[name][who].append(seconds)
                results[name][f"{who}_rss"].append(rss / 1024)
                results[name][f"{who}_rss_writing"].append(rss_writing / 1024)
    return results


def in_process_benchmarks(tmp: Path, repeats: int) -> dict[str, list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "inproc-config")  # window state (QSettings) starts empty
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from chart_switch import choose, choose_range, outdate, shown, until_on_screen
    from tests.helpers import answers

    from vitaalthuis.config.settings import Settings, SettingsStore
    from vitaalthuis.domain.benchmarks import load_benchmarks
    from vitaalthuis.domain.checkin import CheckIn
    from vitaalthuis.domain.dashboard import dashboard
    from vitaalthuis.domain.weeks import IsoWeek
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.services.checkins import CheckinService
    from vitaalthuis.services.demo import fill_demo_data
    from vitaalthuis.storage.checkins import CheckinRepository
    from vitaalthuis.storage.db import Database
    from vitaalthuis.ui.main_window import MainWindow

    db = Database.open(tmp / "inproc")
    repo = CheckinRepository(db.sessions)
    fill_demo_data(repo, 520)
    service = CheckinService(repo)
    bench = load_benchmarks()
    from vitaalthuis.storage.recovery import examine

    out: dict[str, list[float]] = {"save one check-in (durable)": [], "history load, 520 weeks": [],
                                   "dashboard computation, 520 weeks": [], "home refresh in the window": [],
                                   "check of the database file at start (quick_check, revision, count)": []}
    week = IsoWeek.current(dt.date.today()).shifted(-600)
    for i in range(repeats):
        start = time.perf_counter()
        service.repo.save(CheckIn(week.shifted(-i), answers(ls=1 + i % 10)))
        out["save one check-in (durable)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        history = service.history()
        out["history load, 520 weeks"].append(time.perf_counter() - start)
        start = time.perf_counter()
        dashboard(history, bench)
        out["dashboard computation, 520 weeks"].append(time.perf_counter() - start)
        start = time.perf_counter()
        examine(db.path)
        out["check of the database file at start (quick_check, revision, count)"].append(
            time.perf_counter() - start)
    window = MainWindow(open_services(db), SettingsStore(tmp / "cfg"), Settings("nl", True), "nl",
                        use_tray=False)
    window.show()
    app.processEvents()
    for _ in range(max(5, repeats // 4)):
        start = time.perf_counter()
        window.home.refresh()
        app.processEvents()
        out["home refresh in the window"].append(time.perf_counter() - start)
    window.home.tabs.setCurrentWidget(window.home.charts)
    charts = window.home.charts
    shown(app, charts)
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("all"))
    until_on_screen(app, charts, choose(charts, "mhi5"))
    # the overview's first view is measured in fresh processes (bench/first_overview.py); below, it is
    # out of date each time
    until_on_screen(app, charts, choose(charts, "overview"))
    until_on_screen(app, charts, choose(charts, "mhi5"))
    redraw: list[float] = []
    overview: list[float] = []
    kept: list[float] = []
    period: dict[str, list[float]] = {"mhi5": [], "overview": []}
    for _ in range(repeats // 2):
        outdate(app, charts)  # the shown chart (MHI-5) is rendered anew here, every other one is out of date
        for dim in ("djg", "ls", "gh", "kans", "wlb"):
            redraw.append(until_on_screen(app, charts, choose(charts, dim)))
        overview.append(until_on_screen(app, charts, choose(charts, "overview")))
        for dim in ("wlb", "overview"):  # both up to date and kept: shown as they were drawn
            kept.append(until_on_screen(app, charts, choose(charts, dim)))
        for dim in ("overview", "mhi5"):  # the shown chart keeps its axes: only lines, bands and texts anew
            until_on_screen(app, charts, choose(charts, dim))
            for code in ("1y", "all"):
                period[dim].append(until_on_screen(app, charts, choose_range(charts, code)))
    out[CHART_ROWS[0]] = redraw
    out[CHART_ROWS[1]] = overview
    out[CHART_ROWS[2]] = period["mhi5"]
    out[CHART_ROWS[3]] = period["overview"]
    out[CHART_ROWS[4]] = kept
    window.close()
    db.close()
    return out


def bundle_figures(runs: int, tmp: Path) -> list[str]:
    """Size of the one-folder build and its start-up against the same code run from the virtual environment
    (interleaved runs, same data folder and settings)."""
    dist = HERE.parent / "dist" / "vitaalthuis"
    frozen = dist / "vitaalthuis"
    if not frozen.is_file():
        return ["- bundle: no frozen build in `dist/vitaalthuis` yet (`make package` builds it)."]
    size = sum(p.lstat().st_size for p in dist.rglob("*") if p.is_file() and not p.is_symlink())
    lines = [f"- bundle: one-folder build `dist/vitaalthuis` is {size / 1024 / 1024:.0f} MiB "
             f"({size / 1e6:.0f} MB; symlinks not counted twice)."]
    exe = str(Path(sys.executable).with_name("vitaalthuis"))
    probe = tmp / "probe.txt"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"), "VITAALTHUIS_STARTUP_PROBE": str(probe)}
    data = tmp / "data"
    times: dict[str, list[float]] = {"frozen": [], "venv": []}
    probe_run([str(frozen), "--data-dir", str(data)], probe, env)  # warm the file cache
    for i in range(runs):
        order = [("frozen", str(frozen)), ("venv", exe)]
        for who, program in (order if i % 2 == 0 else order[::-1]):
            times[who].append(probe_run([program, "--data-dir", str(data)], probe, env)[0])
    fm, flo, fhi = stats(times["frozen"])
    vm, vlo, vhi = stats(times["venv"])
    lines.append(f"- start-up to the dashboard, frozen build {fm:.3f} s ({flo:.3f}–{fhi:.3f}) against the "
                 f"same code from the virtual environment {vm:.3f} s ({vlo:.3f}–{vhi:.3f}): {fm / vm:.2f}×.")
    return lines


def first_overview_figures(runs: int, tmp: Path) -> dict[str, list[float]]:
    """The overview's first view, in fresh processes under the X server (bench/first_overview.py)."""
    from first_overview import measure

    results = measure(tmp / "data", runs)
    return {FIRST_OVERVIEW[0]: [ms / 1000 for ms in results["after a pause"]],
            FIRST_OVERVIEW[1]: [ms / 1000 for ms in results["at once"]]}


def effort_figures(runs: int) -> list[str]:
    """Key presses, clicks and the time of a whole check-in (bench/checkin_effort.py)."""
    from checkin_effort import measure, rows

    try:
        return rows(measure(runs))
    except Exception as exc:  # noqa: BLE001 - a benchmark that cannot run is reported, the others stand
        return [f"| check-in effort: not measured ({type(exc).__name__}: {exc}) | — | — | — |"]


def background_figures(tmp: Path) -> list[str]:
    """`vitaalthuis --background` against a bare tray-icon script, a minute idle (bench/background_rss.py)."""
    from background_rss import lines, measure

    try:
        return lines(measure(60.0, tmp / "background"))
    except Exception as exc:  # noqa: BLE001 - a benchmark that cannot run is reported, the others stand
        return [f"- background helper: not measured ({type(exc).__name__}: {exc})."]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--output", default=str(HERE / "results.md"))
    args = parser.parse_args()
    sys.path[:0] = [str(HERE), str(HERE.parent)]
    # Byte-compile the app's sources first, as Python does at a normal first start: with
    # PYTHONDONTWRITEBYTECODE set (as on some build machines) every run would compile ~80 modules from
    # source, while the libraries both sides import were compiled when pip installed them.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "src"), str(HERE)],
                   check=True)
    with tempfile.TemporaryDirectory(prefix="vt-bench-") as tmpdir:
        tmp = Path(tmpdir)
        procs = process_benchmarks(args.runs, tmp)
        bundle = bundle_figures(args.runs, tmp)
        background = background_figures(tmp)
        first_views = first_overview_figures(max(3, args.runs // 2), tmp)
        effort = effort_figures(max(3, args.runs // 2))
        inproc = in_process_benchmarks(tmp, args.repeats)
    inproc[FIRST_OVERVIEW[0]] = first_views[FIRST_OVERVIEW[0]]  # beside the other overview rows
    inproc[FIRST_OVERVIEW[1]] = first_views[FIRST_OVERVIEW[1]]
    lines = [
        "# VitaalThuis benchmarks",
        "",
        f"Measured {dt.datetime.now():%Y-%m-%d %H:%M} by `make bench` on {platform.platform()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores; X server: Xvfb. "
        f"Process figures: median over {args.runs} interleaved runs each (p10–p90 in brackets).",
        "",
        "| figure | VitaalThuis | floor | ratio | target |",
        "|---|---|---|---|---|",
    ]
    for name, data in procs.items():
        app_m, app_lo, app_hi = stats(data["app"])
        floor_m, floor_lo, floor_hi = stats(data["floor"])
        ratio = app_m / floor_m
        target = TARGETS[name]
        lines.append(f"| {name} to the window shown | {app_m:.3f} s ({app_lo:.3f}–{app_hi:.3f}) | "
                     f"{floor_m:.3f} s ({floor_lo:.3f}–{floor_hi:.3f}) | {ratio:.2f}× | ≤ {target}× "
                     f"{'met' if ratio <= target else 'NOT met'} |")
    rss_app, rss_floor = statistics.median(procs["first chart"]["app_rss"]), \
        statistics.median(procs["first chart"]["floor_rss"])
    ratio = rss_app / rss_floor
    lines.append(f"| peak RSS with dashboard and a chart | {rss_app:.0f} MiB | {rss_floor:.0f} MiB | "
                 f"{ratio:.2f}× | ≤ 1.15× {'met' if ratio <= 1.15 else 'NOT met'} |")
    rss_writing = statistics.median(procs["first chart"]["app_rss_writing"])
    lines.append(f"| the same once something was saved (SQLAlchemy loaded) | {rss_writing:.0f} MiB | "
                 f"{rss_floor:.0f} MiB | {rss_writing / rss_floor:.2f}× | — |")
    lines += ["", "In-process (median over repeated calls; p10–p90), and the overview's first view (median "
              "over fresh processes):", "",
              "| figure | median | spread | target |", "|---|---|---|---|"]
    limits = {"save one check-in (durable)": 0.020, **dict.fromkeys((*CHART_ROWS, *FIRST_OVERVIEW), 0.100)}
    order = [*(n for n in inproc if n not in FIRST_OVERVIEW and n not in CHART_ROWS[2:]), *FIRST_OVERVIEW,
             *CHART_ROWS[2:]]
    for name in order:
        values = inproc[name]
        m, lo, hi = stats(values)
        limit = limits.get(name)
        verdict = (f"≤ {limit * 1000:.0f} ms {'met' if m <= limit else 'NOT met'}") if limit else "—"
        lines.append(f"| {name} | {m * 1000:.1f} ms | {lo * 1000:.1f}–{hi * 1000:.1f} ms | {verdict} |")
    lines += ["", "A whole check-in through the real widgets, the window shown under Xvfb "
              "(bench/checkin_effort.py, with the keyboard contract test's drivers, "
              "tests/ui/checkin_driver.py; a chord such as Ctrl+N is one key press; times: median over fresh "
              "processes, each with a fresh data folder):", "",
              "| figure | median | spread | target |", "|---|---|---|---|", *effort]
    lines += ["", "The background helper (`vitaalthuis --background`, what start at login runs) beside a "
              "bare PySide6 tray-icon script (QApplication, QSystemTrayIcon, event loop), both idle for a "
              "minute on the same X server and session bus (bench/background_rss.py):", "", *background]
    lines += ["", *bundle, "",
              "Floors: `bench/floor.py window` (PySide6 + SQLAlchemy, a QMainWindow listing 520 rows) and "
              "`bench/floor.py chart` (the same plus one matplotlib QtAgg canvas with a 520-point line). "
              "The app runs with 520 weeks of demo data; 'start-up' ends when the home screen with the "
              "dashboard is painted, 'first chart' when the Charts tab has rendered its first chart (one "
              "dimension; the floor likewise waits for its canvas to render). The peak RSS is read right "
              "then; VitaalThuis has not imported SQLAlchemy at that point (it reads with plain sqlite3 and "
              "loads SQLAlchemy when a check-in page opens), so the next row adds it: the memory of a "
              "window that has saved something. Redraw figures run from the switch in the combo box until the"
              " chart is on screen; before each round every kept chart is made out of date (as after a save),"
              " so they are rendered anew, except in the 'switch back' row; the overview has been shown once "
              "before (its axes are kept). While a single chart is shown and the user does nothing for 0.3 s,"
              " the window prepares the overview in idle time (built, laid out and rendered off screen in "
              "three steps, at the size it will have): its first view then renders it once more, on screen. "
              "The two first-view rows are from bench/first_overview.py, each run a fresh process on the same"
              " data under Xvfb: the overview chosen one second after the first chart is on screen (prepared "
              "by then) or at once (made while the user waits). The rows in between never pause, so nothing "
              "is prepared for them. Before measuring, the sources are byte-compiled (as at a normal first "
              "start).", ""]
    Path(args.output).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    os._exit(status)  # skip interpreter teardown: Qt objects torn down in random order can abort it
