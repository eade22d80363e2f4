"""Synthetic demo data for demos, screenshots and benchmarks.

One simulated home worker lives through every week, also the weeks without a check-in. Their week is driven
by a few latent states, each a bounded AR(1) random walk pulled towards a moving target:

- ``mood``: the base level, a winter dip (seasonal cosine), stressful spells of a few weeks and a lift after
  a holiday; it drives MHI-5, life satisfaction and, partly, loneliness, health and work-private balance;
- ``social``: connectedness, lower with more days at home; drives the De Jong Gierveld items;
- ``health``: with now and then a cold or flu (more in winter); drives general health and sick days;
- ``strain``: arm, neck and shoulder load, higher with more home days and in stressful spells; KANS is
  "yes" above a threshold, with regions and the attribution to work kept through an episode.

Work days follow a home/workplace pattern that shifts now and then. About 8-12 % of the weeks have no
check-in: single missed weeks and a summer (sometimes Christmas) holiday of two or three weeks.
Everything is pure Python and deterministic for a seed; every check-in passes ``check_answers``.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import TYPE_CHECKING, Any

from vitaalthuis.domain.answers import check_answers, finished
from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.weeks import MIN_YEAR, IsoWeek
from vitaalthuis.storage.checkins import META_DEMO
from vitaalthuis.storage.errors import NotEmptyError

if TYPE_CHECKING:
    from vitaalthuis.storage.checkins import CheckinRepository

DEFAULT_SEED = 2021
MAX_WEEKS = 1040  # 20 years
META_DEMO_DATE = "demo_data_generated"  # ISO date of the generation

_MHI5_POSITIVE = ("mhi5_3", "mhi5_5")
_DJG_NEGATIVE = ("djg_1", "djg_4", "djg_6")  # "ja" is lonely
_DJG_POSITIVE = ("djg_2", "djg_3", "djg_5")  # "nee" is lonely
_REGIONS = ("neck", "shoulders", "wrists_hands", "arms_elbows")
_REGION_WEIGHTS = (0.4, 0.3, 0.2, 0.1)
_KANS_THRESHOLD = 0.5

_NOTES: dict[str, tuple[str, ...]] = {
    "stress": ("Veel vergaderd.", "Drukke week, weinig pauzes genomen.", "Deadline gehaald, wel lange dagen.",
               "Veel mail buiten werktijd gelezen."),
    "holiday": ("Eerste week na de vakantie.", "Weer begonnen na de vakantie, rustig opgestart."),
    "sick": ("Een paar dagen verkouden geweest.", "Griep gehad, twee dagen in bed."),
    "kans": ("Nek stijf na lange dagen achter de laptop.", "Schouders gespannen, vaker opgestaan.",
             "Ander toetsenbord geprobeerd."),
    "home": ("Hele week thuis gewerkt, weinig collega's gezien.", "Thuis rustig kunnen werken."),
    "office": ("Fijn om collega's weer te spreken op kantoor.", "Lang in de file gestaan."),
    "good": ("Lekker gewandeld in de lunchpauze.", "Rustige week, goed doorgewerkt.",
             "Goed geslapen deze week."),
}


class DemoDataRefusedError(ValueError):
    """The data folder already holds check-ins or drafts; demo data only fills an empty one."""


def _clip(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def _band(value: float, cuts: tuple[float, ...]) -> int:
    """1 + the number of cut points that ``value`` lies below (cuts descending)."""
    return 1 + sum(value < c for c in cuts)


def _plan_gaps(weeks: list[IsoWeek], rng: random.Random) -> tuple[set[int], set[int]]:
    """Indexes of the weeks without a check-in, and those of them that are holidays.

    The first and the last week always have a check-in, so the data covers exactly the asked range."""
    n = len(weeks)
    target = round(n * rng.uniform(0.085, 0.115))
    holidays: set[int] = set()
    summer_start: dict[int, int] = {}
    for i, week in enumerate(weeks):
        if week.year not in summer_start:
            summer_start[week.year] = rng.randint(28, 32)  # the first week of that year's summer holiday
        start = summer_start[week.year]
        christmas = week.week == 52 and rng.random() < 0.25
        if week.week == start or christmas:
            length = 2 if christmas else rng.choice((2, 2, 3))
            span = range(i, i + length)
            if i > 1 and span[-1] < n - 2 and len(holidays) + length <= 0.45 * target:
                holidays.update(span)
    missing = set(holidays)
    candidates = list(range(1, n - 1))
    rng.shuffle(candidates)
    for i in candidates:
        if len(missing) >= target:
            break
        if not {i - 1, i, i + 1} & missing:
            missing.add(i)
    return missing, holidays


def generate(weeks: int, *, last: IsoWeek, seed: int = DEFAULT_SEED) -> list[CheckIn]:
    """Check-ins for the ``weeks`` ISO weeks ending at ``last`` (some weeks missing), oldest first."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be 1-{MAX_WEEKS}, not {weeks}")
    first = last.shifted(-(weeks - 1))
    if first.year < MIN_YEAR:
        raise ValueError(f"the first week {first} would lie before {MIN_YEAR}")
    rng = random.Random(seed)
    gauss, rand = rng.gauss, rng.random
    all_weeks = [first.shifted(i) for i in range(weeks)]
    missing, holidays = _plan_gaps(all_weeks, rng)

    # The person: stable traits.
    mood_base, social_base, health_base = rng.uniform(0.2, 0.6), rng.uniform(0.3, 0.7), rng.uniform(0.2, 0.7)
    workdays = rng.choice((4, 5, 5))
    home_pref = rng.randint(2, workdays - 1)
    hours_per_day = rng.uniform(7.2, 8.4)
    usual_hours = workdays * hours_per_day - 4  # more than this eats into private time
    strain_base = rng.uniform(-0.6, -0.1)
    # The states at the start, near their targets.
    mood, social, health, strain = mood_base, social_base, health_base, strain_base
    stress = spell_left = spell_level = afterglow = 0.0
    days_home = home_pref
    episode_regions: tuple[str, ...] = ()
    episode_work = 1

    result: list[CheckIn] = []
    for i, week in enumerate(all_weeks):
        on_holiday = i in holidays
        thursday = week.monday + dt.timedelta(days=3)
        winter = max(0.0, math.cos(2 * math.pi * (thursday.timetuple().tm_yday - 20) / 365.25))

        # Stressful spells of two to seven weeks; none on holiday.
        if spell_left > 0:
            spell_left -= 1
        elif not on_holiday and rand() < 0.045:
            spell_left, spell_level = rng.randint(2, 7), rng.uniform(0.6, 1.6)
        stress = 0.5 * stress + 0.5 * (spell_level if spell_left > 0 and not on_holiday else 0.0)
        afterglow = 1.0 if on_holiday else 0.7 * afterglow  # rested after a holiday, fading in a few weeks

        mood_target = mood_base - 0.7 * winter - 1.1 * stress + 0.5 * afterglow
        mood = _clip(mood + 0.3 * (mood_target - mood) + gauss(0, 0.3), -3.0, 2.5)
        social_target = social_base + 0.35 * mood - 0.15 * (days_home - 2)
        social = _clip(social + 0.25 * (social_target - social) + gauss(0, 0.3), -3.0, 2.5)
        health = _clip(health + 0.35 * (health_base + 0.3 * mood - health) + gauss(0, 0.3), -3.0, 2.5)
        if rand() < 0.015 + 0.03 * winter:  # a cold or the flu
            health -= rng.uniform(1.2, 2.6)

        # Work days: a home/workplace pattern that shifts now and then.
        if rand() < 0.025:
            home_pref = int(_clip(home_pref + rng.choice((-1, 1)), 1, workdays))
        total = workdays - (rand() < 0.12) - (i - 1 in holidays and rand() < 0.5)
        if health < -1.6:
            total = min(total, rng.randint(0, 2))
        days_home = int(_clip(home_pref + rng.choice((-1, 0, 0, 0, 0, 1)) + (winter > 0.7 and rand() < 0.3),
                              0, total))
        days_location = total - days_home
        hours = round((total * hours_per_day + 5 * stress + gauss(0, 1.5)) * 2) / 2 if total else 0.0
        hours = _clip(hours, 0.0, 80.0)

        strain_target = strain_base + 0.18 * days_home + 0.8 * stress - 0.3 * (days_location > 2)
        was_kans = strain > _KANS_THRESHOLD
        strain = _clip(strain + 0.35 * (strain_target - strain) + gauss(0, 0.4), -2.5, 3.5)
        kans = strain > _KANS_THRESHOLD
        if kans and not was_kans:  # a new episode: where it hurts and whether work causes it
            episode_regions = (rng.choices(_REGIONS, _REGION_WEIGHTS)[0],)
            episode_work = rng.choices((1, 2, 3, 4), (0.45, 0.35, 0.1, 0.1))[0]
        if i in missing:
            continue

        answers: dict[str, Any] = {"gh": _band(health + gauss(0, 0.3), (1.0, -0.3, -1.5, -2.4))}
        for item in ("mhi5_1", "mhi5_2", "mhi5_3", "mhi5_4", "mhi5_5"):
            level = 0.95 * mood - (0.5 * stress if item == "mhi5_1" else 0.0)
            p = int(_clip(round(3.5 + level + gauss(0, 0.55)), 0, 5))
            answers[item] = 6 - p if item in _MHI5_POSITIVE else p + 1
        answers["ls"] = int(_clip(round(7.4 + 1.0 * mood + 0.2 * social + gauss(0, 0.6)), 1, 10))
        for item in _DJG_NEGATIVE:
            lonely = -(0.7 * social + 0.3 * mood) + gauss(0, 0.45)
            answers[item] = 1 if lonely > 1.0 else 2 if lonely > 0.2 else 3
        for item in _DJG_POSITIVE:
            lonely = -social + gauss(0, 0.45)
            answers[item] = 3 if lonely > 1.0 else 2 if lonely > 0.2 else 1
        answers["kans_any"] = 1 if kans else 2
        if kans:
            severity = round(1.5 + 2.8 * (strain - _KANS_THRESHOLD) + gauss(0, 0.7))
            regions = set(episode_regions)
            regions.update(r for r in _REGIONS if rand() < 0.04 + 0.04 * severity)
            answers["kans_regions"] = sorted(regions)
            answers["kans_severity"] = int(_clip(severity, 1, 8))
            answers["kans_work"] = episode_work if rand() < 0.9 else rng.randint(1, 4)
        imbalance = 0.9 * stress + 0.08 * (hours - usual_hours) - 0.25 * mood + gauss(0, 0.5)
        answers["wlb"] = 5 - _band(imbalance, (1.8, 1.05, 0.25))
        answers["days_home"], answers["days_location"] = days_home, days_location
        if rand() < 0.9:
            answers["hours_worked"] = hours if hours % 1 else int(hours)
        if rand() < 0.12:
            answers["note"] = _note(rng, stress=stress, sick=health < -1.2, kans=kans, home=days_home,
                                    office=days_location, after_holiday=i - 1 in holidays, mood=mood)
        clean = finished(answers)
        problems = check_answers(clean, final=True)
        if problems:  # a bug in this module, never the user's doing
            raise AssertionError(f"invalid demo check-in for {week}: {problems}")
        result.append(CheckIn(week, clean))
    return result


def _note(rng: random.Random, *, stress: float, sick: bool, kans: bool, home: int, office: int,
          after_holiday: bool, mood: float) -> str:
    """A short, neutral note in Dutch that fits the week."""
    themes = [name for name, fits in (
        ("holiday", after_holiday), ("sick", sick), ("stress", stress > 0.5), ("kans", kans),
        ("home", home >= 4), ("office", office >= 2), ("good", mood > 0.4 and stress < 0.3),
    ) if fits]
    return rng.choice(_NOTES[rng.choice(themes or ["good"])])


def fill_demo_data(repo: CheckinRepository, weeks: int, *, today: dt.date | None = None,
                   seed: int = DEFAULT_SEED) -> int:
    """Fill an empty database with ``weeks`` weeks of synthetic check-ins ending this week; returns how many.

    Raises :class:`DemoDataRefusedError` (changing nothing) when the database holds any check-in or draft."""
    count, drafts = repo.count(), len(repo.drafts())
    if count or drafts:
        raise DemoDataRefusedError(
            f"the data folder already holds {count} check-in(s) and {drafts} draft(s); demo data is only "
            "added to an empty data folder (choose another one with --data-dir)"
        )
    today = today or dt.date.today()
    checkins = generate(weeks, last=IsoWeek.current(today), seed=seed)
    # the data and the flag that marks it as synthetic are saved in one transaction
    try:  # empty is checked again under the write lock: a save from elsewhere meanwhile wins
        repo.save_many(checkins, drop_drafts=False, require_empty=True,
                       meta={META_DEMO: "1", META_DEMO_DATE: today.isoformat()})
    except NotEmptyError:
        raise DemoDataRefusedError("the data folder is no longer empty; demo data is only added to an "
                                   "empty data folder (choose another one with --data-dir)") from None
    return len(checkins)


def is_demo(repo: CheckinRepository) -> bool:
    """Whether the database holds synthetic demo data (the window then shows a banner)."""
    return repo.meta(META_DEMO) == "1"
