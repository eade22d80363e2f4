"""The small scale a dimension card draws: the range of the answer or score, its category bands (the cut-offs
of docs/instruments.md) and where this week's answer lies. Positions only; the UI and the report draw it.

Every scale runs from its lowest to its highest position in the score's own direction: MHI-5 0–100 and the
mark 1–10 go up with well-being, the loneliness total 0–6 goes up with loneliness. General health and the
work–private question run from their least to their most favourable answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.scoring import MHI5_LOW_BELOW


@dataclass(frozen=True, slots=True)
class Band:
    start: float  # inclusive lower edge, in scale positions
    end: float  # exclusive upper edge
    category: str  # the category code of domain.dashboard.category_of


@dataclass(frozen=True, slots=True)
class Scale:
    dimension: str
    low: float
    high: float
    bands: tuple[Band, ...]
    marker: float  # this week's position, the middle of a step for stepped scales
    low_label: str  # the end labels, as numbers or short codes the UI words ("1", "zeer_slecht")
    high_label: str

    def band_of(self, position: float) -> Band:
        for band in self.bands:
            if band.start <= position < band.end:
                return band
        return self.bands[-1]


def scale_of(dimension: str, checkin: CheckIn) -> Scale:
    a, s = checkin.answers, checkin.scores
    match dimension:
        case "gh":  # answers 1 zeer goed … 5 zeer slecht, drawn as five steps from zeer slecht to zeer goed
            step = 5 - a["gh"]  # 0 = zeer slecht … 4 = zeer goed
            return Scale("gh", 0, 5, (Band(0, 3, "less_good"), Band(3, 5, "good")), step + 0.5,
                         "gh:5", "gh:1")
        case "mhi5":
            two = (Band(0, MHI5_LOW_BELOW, "low"), Band(MHI5_LOW_BELOW, 100.01, "not_low"))
            return Scale("mhi5", 0, 100, two, float(s.mhi5), "0", "100")
        case "ls":  # marks 1-10 as ten steps
            return Scale("ls", 0, 10, (Band(0, 6, "not_satisfied"), Band(6, 10, "satisfied")), a["ls"] - 0.5,
                         "1", "10")
        case "djg":  # totals 0-6 as seven steps
            bands = (Band(0, 2, "not_lonely"), Band(2, 5, "moderate"), Band(5, 7, "strong"))
            return Scale("djg", 0, 7, bands, s.djg_total + 0.5, "0", "6")
        case "kans":  # no complaints, or complaints with a bother of 0-10
            marker = 0.5 if not s.kans else 1 + (a["kans_severity"] + 0.5) / 11 * 10
            return Scale("kans", 0, 11, (Band(0, 1, "no_complaints"), Band(1, 11, "complaints")), marker,
                         "kans:none", "10")
        case "wlb":  # answers 1 nooit … 4 altijd, drawn from altijd to nooit
            step = 4 - a["wlb"]  # 0 = altijd … 3 = nooit
            return Scale("wlb", 0, 4, (Band(0, 2, "imbalance"), Band(2, 4, "balance")), step + 0.5,
                         "wlb:4", "wlb:1")
    raise ValueError(dimension)
