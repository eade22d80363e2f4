"""Which national figures a dimension card sets beside this week's answer: at most two lines, home workers
first, then everyone.

The rules (docs/instruments.md, "How results are shown"):

* A line shows the share **in the user's own category**, never the happy majority to someone outside it. When
  the dataset only has the other side of a two-way split (satisfied / not satisfied), the line shows its
  complement (100 − p), marked as derived. A three-way split (loneliness) has no complement.
* A figure only leads when it is dated and at most :data:`MAX_AGE_YEARS` older than the dataset; older ones
  stay behind "Bron en uitleg".
* Among the candidates of a group: the most comparable, then the newest, then the independently checked one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vitaalthuis.domain.benchmark_schema import period_sort_key
from vitaalthuis.domain.benchmarks import PERCENT, BenchmarkSet, Comparability, Figure, Verification

MAX_AGE_YEARS = 10
HOME_WORKERS = "home_workers"
EVERYONE = "everyone"
# the groups each line may draw from, in the order the card shows the lines
LINE_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    (HOME_WORKERS, frozenset({"home_workers"})),
    (EVERYONE, frozenset({"population", "employees", "working_population"})),
)

# The dataset's score keys that count people in a category; "x" means "x=true".
OWN_KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("gh", "good"): ("gh_good", "gh_good=true"),
    ("gh", "less_good"): ("gh_good=false",),
    ("mhi5", "low"): ("mhi5_low", "mhi5_low=true"),
    ("mhi5", "not_low"): ("mhi5_low=false",),
    ("ls", "satisfied"): ("ls_satisfied", "ls_satisfied=true"),
    ("ls", "not_satisfied"): ("ls_satisfied=false",),
    ("djg", "not_lonely"): ("djg_category=not_lonely",),
    ("djg", "moderate"): ("djg_category=moderate",),
    ("djg", "strong"): ("djg_category=strong",),
    ("kans", "complaints"): ("kans", "kans=true"),
    ("kans", "no_complaints"): ("kans=false",),
    ("wlb", "imbalance"): ("wlb_imbalance", "wlb_imbalance=true"),
    ("wlb", "balance"): ("wlb_imbalance=false",),
}

_COMPARABILITY_RANK = {Comparability.SAME_MEASURE: 0, Comparability.SIMILAR: 1, Comparability.CONTEXT: 2}
_VERIFICATION_RANK = {Verification.INDEPENDENT: 0, Verification.SECONDARY: 1, Verification.LETTER_ONLY: 2}


@dataclass(frozen=True, slots=True)
class FigureLine:
    """One comparison line of a card: ``value`` % of ``figure.who`` had the user's category."""

    role: str  # HOME_WORKERS or EVERYONE
    figure: Figure
    value: float  # the share in the user's category (the complement when derived)
    derived: bool  # 100 - the published share

    def shows(self, lang: str) -> str:
        text = self.figure.shows_complement if self.derived else self.figure.shows
        assert text is not None
        return text.get(lang)


def complement_key(key: str) -> str | None:
    """``gh_good`` ↔ ``gh_good=false``; None for keys that are not a two-way split."""
    name, sep, value = key.partition("=")
    if not sep or value == "true":
        return f"{name}=false"
    if value == "false":
        return name
    return None


def is_recent(figure: Figure, dataset_year: int) -> bool:
    return dataset_year - figure.year <= MAX_AGE_YEARS


def own_share(figure: Figure, dimension: str, category: str) -> tuple[float, bool] | None:
    """The figure's share in ``category`` and whether it is derived; None when it counts another category."""
    if figure.unit != PERCENT:
        return None
    keys = OWN_KEYS.get((dimension, category), ())
    if figure.score in keys:
        return figure.value, False
    if figure.shows_complement is not None and complement_key(figure.score) in keys:
        return round(100.0 - figure.value, 1), True
    return None


def figure_lines(benchmarks: BenchmarkSet | None, dimension: str, category: str) -> list[FigureLine]:
    """The card's comparison lines, home workers first; empty without a dataset or a fitting figure."""
    if benchmarks is None:
        return []
    dataset_year = int(benchmarks.dataset_date[:4])
    lines = []
    for role, groups in LINE_GROUPS:
        candidates = []
        for figure in benchmarks.figures:
            share = own_share(figure, dimension, category)
            if share is None or figure.group not in groups or not is_recent(figure, dataset_year):
                continue
            candidates.append((figure, share))
        best = _best(candidates)
        if best is not None:
            figure, (value, derived) = best
            lines.append(FigureLine(role, figure, value, derived))
    return lines


Candidate = tuple[Figure, tuple[float, bool]]


def _best(candidates: Sequence[Candidate]) -> Candidate | None:
    if not candidates:
        return None

    def rank(pair: Candidate) -> tuple[int, tuple[int, int], int, bool]:
        figure, (_, derived) = pair
        newest = period_sort_key(figure.period)
        return (_COMPARABILITY_RANK[figure.comparability], (-newest[0], -newest[1]),
                _VERIFICATION_RANK[figure.verification], derived)

    return min(candidates, key=rank)


def dimension_figures(benchmarks: BenchmarkSet, dimension: str) -> list[Figure]:
    """Every figure about ``dimension`` (all categories), newest first: what "Bron en uitleg" lists."""
    keys = {key for (dim, _), keys in OWN_KEYS.items() if dim == dimension for key in keys}
    prefix = {"djg": ("djg_",), "ls": ("item:ls",), "mhi5": ("mhi5",)}.get(dimension, ())
    found = [f for f in benchmarks.figures
             if f.score in keys or (prefix and f.score.startswith(prefix))]
    return sorted(found, key=lambda f: period_sort_key(f.period), reverse=True)
