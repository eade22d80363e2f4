"""Redraw time of the trend charts (the README's "Speed"): at most 100 ms for a 520-week chart.

    .venv/bin/python bench/redraw.py [--runs 30] [--weeks 520] [--theme light]

Builds synthetic check-ins (with missing weeks), then per dimension and for the overview, per range
(3m / 1y / all), measures what the UI does when the user switches range or dimension: build into the same,
reused Figure and draw it with FigureCanvasAgg. Prints median, p10-p90 spread and max in ms, twice:
"first" is the first view of a chart at this window size (the constrained layout is computed: the cache is
cleared before every run), "again" a chart seen before (the remembered layout is reused; also every hover
redraw).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from vitaalthuis.charts.figures import build_dimension_figure, build_overview_figure
from vitaalthuis.charts.series import DIMENSIONS, RANGES, build_all, build_series
from vitaalthuis.charts.theme import clear_layout_cache
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import IsoWeek, week_range

LAST = IsoWeek(2026, 20)


def _clip(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def synthetic_answers(mood: float, rng: random.Random) -> dict[str, Any]:
    """A valid answer set whose results follow ``mood`` (0 = very bad week, 1 = very good week)."""
    def noisy(scale: float = 0.6) -> float:
        return rng.gauss(0, scale)

    good = 5 * mood  # 0..5 "how often it went well"
    a: dict[str, Any] = {
        "gh": _clip(1 + (1 - mood) * 3.2 + noisy(0.5), 1, 5),
        "mhi5_1": _clip(1 + good + noisy(), 1, 6), "mhi5_2": _clip(1.5 + good + noisy(), 1, 6),
        "mhi5_3": _clip(6 - good + noisy(), 1, 6), "mhi5_4": _clip(1 + good + noisy(), 1, 6),
        "mhi5_5": _clip(6 - good + noisy(), 1, 6),
        "ls": _clip(2.5 + mood * 7.5 + noisy(0.7), 1, 10),
        "wlb": _clip(1 + (1 - mood) * 2.6 + noisy(0.5), 1, 4),
    }
    for item, positive, threshold in (("djg_1", False, 0.55), ("djg_2", True, 0.75), ("djg_3", True, 0.45),
                                      ("djg_4", False, 0.35), ("djg_5", True, 0.65), ("djg_6", False, 0.8)):
        lonely = 1 - mood + noisy(0.1) > threshold
        a[item] = (rng.choice((2, 3)) if lonely else 1) if positive else (rng.choice((1, 2)) if lonely else 3)
    if rng.random() < 0.45 - 0.3 * mood:
        a |= {"kans_any": 1, "kans_regions": sorted(rng.sample(["neck", "shoulders", "wrists_hands"], 1)),
              "kans_severity": _clip(6 - 5 * mood + noisy(1.5), 0, 10), "kans_work": rng.randint(1, 4)}
    else:
        a["kans_any"] = 2
    home = rng.randint(0, 5)
    a |= {"days_home": home, "days_location": 5 - home}
    return a


def synthetic_checkins(weeks: int = 520, last: IsoWeek = LAST, *, seed: int = 7,
                       missing: float = 0.15) -> list[CheckIn]:
    """``weeks`` ISO weeks ending with ``last``: a slow random walk of mood, ~``missing`` of the weeks
    skipped at random plus a three-week holiday every summer (gaps and isolated points)."""
    rng = random.Random(seed)
    mood, result = 0.65, []
    for week in week_range(last.shifted(-(weeks - 1)), last):
        mood = min(0.97, max(0.08, mood + rng.gauss(0, 0.07) + (0.62 - mood) * 0.08))
        if rng.random() < missing or 30 <= week.week <= 32:
            continue
        result.append(CheckIn(week, synthetic_answers(mood, rng)))
    return result


def measure(action: Any, runs: int, *, cold: bool) -> list[float]:
    action()  # warm-up: first-use costs (font cache, imports) are not what a range switch costs
    times = []
    for _ in range(runs):
        if cold:
            clear_layout_cache()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, action: Any, runs: int) -> tuple[float, float]:
    medians = []
    line = f"{name:<18}"
    for label, cold in (("first", True), ("again", False)):
        times = measure(action, runs, cold=cold)
        q = statistics.quantiles(times, n=10)
        medians.append(statistics.median(times))
        line += (f" | {label} median {medians[-1]:5.1f} ms, p10-p90 {q[0]:5.1f}-{q[-1]:5.1f},"
                 f" max {max(times):5.1f}")
    print(line)
    return medians[0], medians[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--weeks", type=int, default=520)
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    args = parser.parse_args()
    if args.runs < 20:
        parser.error("use at least 20 runs")
    checkins = synthetic_checkins(args.weeks)
    print(f"{len(checkins)} check-ins over {args.weeks} weeks, ending {LAST}; {args.runs} runs each; "
          f"build into a reused Figure (800x450 / 1000x750 px) + FigureCanvasAgg.draw()")
    single, overview = Figure(figsize=(8, 4.5), dpi=100), Figure(figsize=(10, 7.5), dpi=100)
    FigureCanvasAgg(single), FigureCanvasAgg(overview)
    worst = [0.0, 0.0]
    for range_ in RANGES:
        print(f"\nrange {range_}")
        for dimension in DIMENSIONS:
            def redraw(d: Any = dimension, r: Any = range_) -> None:
                series = build_series(checkins, d, r, LAST)
                build_dimension_figure(series, theme=args.theme, figure=single)
                single.canvas.draw()
            first, again = report(dimension, redraw, args.runs)
            worst = [max(worst[0], first), max(worst[1], again)]

        def redraw_overview(r: Any = range_) -> None:
            build_overview_figure(build_all(checkins, r, LAST), lang="nl", theme=args.theme, figure=overview)
            overview.canvas.draw()
        report("overview (6 axes)", redraw_overview, args.runs)
    print(f"\nslowest single-dimension median: first view {worst[0]:.1f} ms, again {worst[1]:.1f} ms "
          "(budget 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
