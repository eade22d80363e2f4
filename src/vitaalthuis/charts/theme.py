"""How the trend charts look: Okabe-Ito colours, light/dark themes as rc settings, date ticks and a
remembered constrained layout. No pyplot, no Qt.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.dates import DateLocator, MonthLocator, WeekdayLocator, YearLocator, num2date
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.text import Text as MplText
from matplotlib.ticker import FuncFormatter, Locator, NullLocator
from matplotlib.transforms import Bbox

from vitaalthuis.charts.series import month_abbr

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    background: str
    text: str
    muted: str  # secondary text: axis labels, band labels
    grid: str
    spine: str
    line: str  # the user's own values (every dimension: one calm colour, the title says what it is)
    accent: str  # weeks with complaints (always with its own marker shape too)
    good: str  # band "not lonely", the line at 7
    caution: str  # band "moderately lonely"
    concern: str  # band below 60, "strongly lonely"
    band_alpha: float
    hatch_alpha: float


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light", background="#FFFFFF", text="#1F2328", muted="#59636E", grid="#E4E8EC", spine="#AEB7C0",
        line=OKABE_ITO["blue"], accent=OKABE_ITO["vermillion"], good=OKABE_ITO["bluish_green"],
        caution=OKABE_ITO["orange"], concern=OKABE_ITO["vermillion"], band_alpha=0.10, hatch_alpha=0.30,
    ),
    "dark": Theme(
        name="dark", background="#1C1F24", text="#E8EAED", muted="#A7B0BA", grid="#30363D", spine="#56606B",
        line=OKABE_ITO["sky_blue"], accent=OKABE_ITO["orange"], good=OKABE_ITO["bluish_green"],
        caution=OKABE_ITO["orange"], concern=OKABE_ITO["vermillion"], band_alpha=0.12, hatch_alpha=0.30,
    ),
}


def get_theme(theme: str | Theme) -> Theme:
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except KeyError:
        raise ValueError(f"unknown theme {theme!r}; expected one of {sorted(THEMES)}") from None


def rc_params(theme: Theme, *, compact: bool = False) -> dict[RcKeyType, Any]:
    """matplotlib rc settings for a theme, applied with ``matplotlib.rc_context`` while a figure is built."""
    size = 9.0 if compact else 10.0
    return {
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "sans-serif"],
        "font.size": size,
        "text.color": theme.text,
        "axes.facecolor": theme.background,
        "axes.edgecolor": theme.spine,
        "axes.labelcolor": theme.muted,
        "axes.labelsize": size,
        "axes.titlesize": size + 2.0,
        "axes.titleweight": "bold",
        "axes.titlecolor": theme.text,
        "axes.titlelocation": "left",
        "axes.titlepad": 8.0,
        "axes.titley": 1.0,  # fixed: no ticks or labels above an axes, so matplotlib need not measure them
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "axes.axisbelow": True,
        "axes.linewidth": 0.8,
        "grid.color": theme.grid,
        "grid.linewidth": 0.8,
        "xtick.color": theme.spine,
        "ytick.color": theme.spine,
        "xtick.labelcolor": theme.muted,
        "ytick.labelcolor": theme.muted,
        "xtick.labelsize": size - 0.5,
        "ytick.labelsize": size - 0.5,
        "ytick.major.size": 0.0,
        "ytick.left": False,  # no marks (size 0 anyway): nothing to draw for each of the overview's 38 ticks
        "xtick.major.size": 3.5,
        "legend.frameon": False,
        "legend.fontsize": size - 0.5,
        "legend.labelcolor": theme.muted,
        "hatch.linewidth": 0.7,
        "path.simplify": True,
    }


# --- layout ----------------------------------------------------------------------------------------------


class _Pads(TypedDict):
    """The padding of the constrained layout, as ConstrainedLayoutEngine takes it."""

    h_pad: float
    w_pad: float
    hspace: float
    wspace: float


_PADS: _Pads = {"h_pad": 0.08, "w_pad": 0.1, "hspace": 0.06, "wspace": 0.04}
_LAYOUTS: OrderedDict[Hashable, tuple[list[Bbox], list[tuple[float, float]]]] = OrderedDict()
_LAYOUTS_MAX = 48


class CachedConstrainedLayout(ConstrainedLayoutEngine):
    """Constrained layout, remembered per chart content and figure size.

    The layout of a chart depends only on its texts (titles, labels, tick labels: fixed per dimension,
    language and x range) and on the figure's size and dpi, never on the plotted values; ``key`` names the
    first. The first draw of a key runs the full constrained layout (about half of a 520-week redraw);
    later draws with the same key (switching back to a range or dimension, every hover redraw) put the axes
    and figure titles where it left them."""

    def __init__(self, key: Hashable, texts: list[MplText]) -> None:
        super().__init__(**_PADS)
        self.key = key
        self._texts = texts

    def execute(self, fig: Any) -> None:
        key = (self.key, fig.dpi, *fig.get_size_inches().tolist())
        saved = _LAYOUTS.get(key)
        if saved is not None and len(saved[0]) == len(fig.axes):
            _LAYOUTS.move_to_end(key)
            for ax, box in zip(fig.axes, saved[0], strict=True):
                ax.set_position(box)
                ax.set_in_layout(True)  # set_position takes an axes out of the layout; keep it in
            for label, xy in zip(self._texts, saved[1], strict=True):
                label.set_position(xy)
            return
        super().execute(fig)
        _LAYOUTS[key] = ([ax.get_position(original=True) for ax in fig.axes],
                         [label.get_position() for label in self._texts])
        while len(_LAYOUTS) > _LAYOUTS_MAX:
            _LAYOUTS.popitem(last=False)


def clear_layout_cache() -> None:
    _LAYOUTS.clear()


def set_layout(fig: Figure, key: Hashable, texts: list[MplText]) -> None:
    fig.set_layout_engine(CachedConstrainedLayout(key, texts))


# --- dates on the x axis -----------------------------------------------------------------------------------

# (kind, days between ticks, minimum pixels between ticks, locator); the first that fits the axes is used
_TICK_STEPS: tuple[tuple[str, float, float, Callable[[], DateLocator]], ...] = (
    ("day", 7, 50, lambda: WeekdayLocator(byweekday=0)),
    ("day", 14, 50, lambda: WeekdayLocator(byweekday=0, interval=2)),
    ("day", 28, 50, lambda: WeekdayLocator(byweekday=0, interval=4)),
    ("month", 30.4, 32, lambda: MonthLocator()),
    ("month", 61, 32, lambda: MonthLocator(bymonth=(1, 3, 5, 7, 9, 11))),
    ("month", 91, 40, lambda: MonthLocator(bymonth=(1, 4, 7, 10))),
    ("month", 183, 60, lambda: MonthLocator(bymonth=(1, 7))),
    ("year", 365, 44, lambda: YearLocator(1)),
    ("year", 730, 44, lambda: YearLocator(2)),
    ("year", 1826, 44, lambda: YearLocator(5)),
    ("year", 3652, 44, lambda: YearLocator(10)),
)


class WeekDateLocator(Locator):
    """Date ticks chosen at draw time from the visible span and the axes' width in pixels: weeks for a
    quarter, months for a year, years for a decade; also right after a resize or a toolbar zoom."""

    def __init__(self) -> None:
        self.kind, self.step_days = "year", 365.0
        self._cache: dict[float, DateLocator] = {}
        self._last: tuple[tuple[float, float, float], list[float], str, float] | None = None

    def __call__(self) -> Sequence[float]:
        assert self.axis is not None, "called by its axis, which set itself"
        vmin, vmax = self.axis.get_view_interval()
        return self.tick_values(vmin, vmax)

    def tick_values(self, vmin: float, vmax: float) -> Sequence[float]:
        vmin, vmax = sorted((vmin, vmax))
        width = max(self.axis.axes.bbox.width, 1.0) if isinstance(self.axis, Axis) else 600.0
        key = (vmin, vmax, width)
        if self._last is not None and self._last[0] == key:  # a draw asks many times (layout, ticks, labels)
            _key, ticks, self.kind, self.step_days = self._last
            return ticks
        px_per_day = width / max(vmax - vmin, 1.0)
        fitting = (step for step in _TICK_STEPS if step[1] * px_per_day >= step[2])
        kind, step_days, _, make = next(fitting, _TICK_STEPS[-1])
        self.kind, self.step_days = kind, step_days
        if step_days not in self._cache:
            self._cache[step_days] = make()
        ticks = [t for t in self._cache[step_days].tick_values(num2date(vmin), num2date(vmax))
                 if vmin <= t <= vmax]
        self._last = (key, ticks, kind, step_days)
        return ticks


@functools.lru_cache(maxsize=1024)
def _day(x: float) -> dt.date:
    """The date of a tick (num2date is slow, and every draw formats the same ticks again)."""
    return num2date(x).date()


def format_dates(ax: Axes, lang: str) -> None:
    """Month names from the chart texts (not the process locale); the year under the first visible tick and
    under each January."""
    locator = WeekDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_minor_locator(NullLocator())

    def label(x: float, pos: int | None) -> str:
        day = _day(x)
        if locator.kind == "year":
            return str(day.year)
        first_visible = x - locator.step_days < min(ax.get_xlim())
        if locator.kind == "month":
            head, with_year = month_abbr(day.month, lang), day.month == 1 or first_visible
        else:
            earlier = day - dt.timedelta(days=locator.step_days)
            head = f"{day.day} {month_abbr(day.month, lang)}"
            with_year = earlier.year != day.year or first_visible
        return f"{head}\n{day.year}" if with_year else head

    ax.xaxis.set_major_formatter(FuncFormatter(label))
