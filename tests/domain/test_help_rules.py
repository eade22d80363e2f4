"""When the help page is shown prominently, and the help contacts as data."""

from __future__ import annotations

import re

import pytest

from tests.helpers import FINE_SCORES, citation_mismatches, source_list
from vitaalthuis.domain.help_contacts import (
    HELP_CONTACTS,
    HELP_SOURCES,
    NOTE_FIELD_HINT,
    EmployerContact,
    HelpPage,
    help_contact,
)
from vitaalthuis.domain.help_rules import (
    HELP_BLOCKS,
    HELP_REASONS,
    KANS_SEVERE,
    LONELY_STRONG,
    MHI5_DROP,
    MHI5_LOW,
    WLB_THREE_WEEKS,
    help_reasons,
)
from vitaalthuis.domain.weeks import IsoWeek

WEEK = IsoWeek(2026, 20)
FINE = FINE_SCORES
NO_KANS = {"gh": 2, "kans_any": 2, "wlb": 2}


def scores(**changes) -> dict:
    result = {**FINE, **changes}
    if "mhi5" in changes:
        result["mhi5_low"] = changes["mhi5"] < 60
    return result


def reasons_for(history: dict, week: IsoWeek = WEEK, answers: dict | None = None) -> list[str]:
    return help_reasons(week, history, answers=NO_KANS if answers is None else answers)


# --- this week's check-in -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"djg_category": "strong", "djg_total": 5}, [LONELY_STRONG]),
        ({"djg_category": "moderate", "djg_total": 4}, []),
        ({"djg_category": "not_lonely"}, []),
        ({"mhi5": 59}, [MHI5_LOW]),
        ({"mhi5": 60}, []),
        ({"mhi5": 0}, [MHI5_LOW]),
    ],
)
def test_rules_on_this_weeks_scores(changes, expected):
    assert reasons_for({WEEK: scores(**changes)}) == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"kans_any": 1, "kans_regions": ["neck"], "kans_severity": 6, "kans_work": 1}, []),
        ({"kans_any": 1, "kans_regions": ["neck"], "kans_severity": 7, "kans_work": 1}, [KANS_SEVERE]),
        ({"kans_any": 1, "kans_regions": ["neck"], "kans_severity": 10, "kans_work": 4}, [KANS_SEVERE]),
        ({"kans_any": 1, "kans_regions": ["neck"], "kans_severity": 0, "kans_work": 3}, []),
        ({"kans_any": 2}, []),
    ],
)
def test_kans_severity_rule(answers, expected):
    assert reasons_for({WEEK: scores(kans=answers["kans_any"] == 1)}, answers=answers) == expected


def test_no_check_in_this_week_means_no_prompt():
    history = {WEEK.shifted(-1): scores(mhi5=10, djg_category="strong")}
    assert reasons_for(history) == []


def test_several_reasons_come_in_fixed_order_with_the_body_last():
    history = {WEEK.shifted(-b): scores(wlb_imbalance=True, mhi5=90) for b in range(1, 4)}
    history[WEEK] = scores(mhi5=40, djg_category="strong", wlb_imbalance=True)
    answers = {"kans_any": 1, "kans_regions": ["wrists_hands"], "kans_severity": 8, "kans_work": 2}
    assert reasons_for(history, answers=answers) == list(HELP_REASONS)
    assert HELP_REASONS == (MHI5_LOW, MHI5_DROP, LONELY_STRONG, WLB_THREE_WEEKS, KANS_SEVERE)


# --- work-private imbalance three ISO weeks running ---------------------------------------------------------


def wlb_history(week: IsoWeek, pattern: dict[int, bool]) -> dict:
    """pattern: weeks back → wlb_imbalance; weeks not in the pattern have no check-in."""
    return {week.shifted(-back): scores(wlb_imbalance=flag) for back, flag in pattern.items()}


@pytest.mark.parametrize(
    ("pattern", "fires"),
    [
        ({0: True, 1: True, 2: True}, True),
        ({0: True, 1: True, 2: True, 3: False}, True),
        ({0: True, 1: True}, False),  # only two weeks
        ({0: True, 2: True, 3: True}, False),  # gap week without a check-in
        ({0: True, 1: True, 3: True}, False),  # gap week two back
        ({0: True, 1: False, 2: True}, False),
        ({0: False, 1: True, 2: True, 3: True}, False),  # this week is fine
        ({0: True, 1: True, 2: False, 3: True}, False),
    ],
)
def test_wlb_three_consecutive_iso_weeks(pattern, fires):
    assert (WLB_THREE_WEEKS in reasons_for(wlb_history(WEEK, pattern))) is fires


@pytest.mark.parametrize(
    ("week", "fires"),
    [
        (IsoWeek(2027, 1), True),  # 2027-W01, 2026-W53, 2026-W52
        (IsoWeek(2026, 53), True),  # 2026-W53, W52, W51
        (IsoWeek(2027, 2), True),  # 2027-W02, W01, 2026-W53
    ],
)
def test_wlb_run_across_a_year_with_week_53(week, fires):
    assert (
        WLB_THREE_WEEKS in reasons_for(wlb_history(week, {0: True, 1: True, 2: True}), week=week)
    ) is fires


def test_wlb_run_does_not_skip_week_53():
    # 2027-W01 and 2026-W52 with a check-in, but none in 2026-W53: not three consecutive ISO weeks
    history = {
        IsoWeek(2027, 1): scores(wlb_imbalance=True),
        IsoWeek(2026, 52): scores(wlb_imbalance=True),
        IsoWeek(2026, 51): scores(wlb_imbalance=True),
    }
    assert WLB_THREE_WEEKS not in reasons_for(history, week=IsoWeek(2027, 1))


# --- MHI-5 drop: lower than the own mean of three or more earlier check-ins by more than the band ----------


def mhi5_history(week: IsoWeek, values: dict[int, int]) -> dict:
    return {week.shifted(-back): scores(mhi5=value) for back, value in values.items()}


@pytest.mark.parametrize(
    ("values", "fires"),
    [
        ({0: 64, 1: 84}, False),  # 84 → 64 after one earlier week: too little to compare with
        ({0: 64, 1: 84, 3: 84}, False),  # two earlier check-ins: still too few
        ({0: 64, 1: 84, 2: 84, 3: 84}, True),  # three earlier, 20 below the mean of 84
        ({0: 76, 1: 84, 2: 84, 3: 84}, False),  # exactly the band (8) below: about the same
        ({0: 72, 1: 84, 2: 84, 3: 84}, True),  # 12 below
        ({0: 60, 2: 72, 5: 72, 8: 72}, True),  # gaps allowed; eight ISO weeks back still counts
        ({0: 60, 2: 72, 5: 72, 9: 72}, False),  # nine weeks back is outside: two earlier left
        ({0: 60, -1: 100, -2: 100, -3: 100}, False),  # later weeks do not count
        ({0: 100, 1: 60, 2: 60, 3: 60}, False),  # higher is not a drop
        ({0: 68, 1: 100, 2: 60, 3: 80}, True),  # mean 80, 12 below: the mean counts, not the best week
        ({0: 72, 1: 100, 2: 60, 3: 80}, False),  # mean 80, 8 below
    ],
)
def test_mhi5_drop(values, fires):
    reasons = reasons_for(mhi5_history(WEEK, values))
    assert (MHI5_DROP in reasons) is fires
    assert MHI5_LOW not in reasons  # all values here are 60 or more


def test_mhi5_drop_across_the_year_end():
    week = IsoWeek(2027, 3)  # eight ISO weeks before: 2027-W02, W01, 2026-W53, W52 … W48
    assert MHI5_DROP in reasons_for(mhi5_history(week, {0: 64, 1: 84, 3: 84, 8: 84}), week=week)
    assert IsoWeek(2027, 3).shifted(-8) == IsoWeek(2026, 48)
    assert MHI5_DROP not in reasons_for(mhi5_history(week, {0: 64, 1: 84, 3: 84, 9: 84}), week=week)


def test_drop_and_low_fire_together():
    assert reasons_for(mhi5_history(WEEK, {0: 50, 1: 75, 2: 75, 3: 75})) == [MHI5_LOW, MHI5_DROP]


def test_low_fires_without_any_history():
    assert reasons_for(mhi5_history(WEEK, {0: 56})) == [MHI5_LOW]


# --- each rule its own first contacts ----------------------------------------------------------------------


def test_every_reason_has_a_block_with_known_contacts():
    assert set(HELP_BLOCKS) == set(HELP_REASONS)
    for reason, block in HELP_BLOCKS.items():
        assert block.reason == reason and block.contacts
        for contact_id in block.contacts:
            help_contact(contact_id)  # raises KeyError for an unknown id


@pytest.mark.parametrize(
    ("reason", "contacts"),
    [
        (KANS_SEVERE, ("huisarts", "bedrijfsarts", "fysiotherapeut")),
        (MHI5_LOW, ("luisterlijn", "113")),
        (MHI5_DROP, ("luisterlijn", "113")),
        (LONELY_STRONG, ("luisterlijn", "113")),
        (WLB_THREE_WEEKS, ("leidinggevende", "bedrijfsarts")),
    ],
)
def test_first_contacts_fit_the_trigger(reason, contacts):
    assert HELP_BLOCKS[reason].contacts == contacts


def test_the_new_contacts_have_no_invented_numbers():
    for contact_id in ("fysiotherapeut", "leidinggevende"):
        contact = help_contact(contact_id)
        assert contact.phone == () and contact.web is None and not contact.urgent
        assert not re.search(r"\d", contact.description.nl + contact.description.en)


# --- help contacts as data ----------------------------------------------------------------------------------


def test_all_required_contacts_are_there():
    assert [c.id for c in HELP_CONTACTS] == [
        "huisarts",
        "bedrijfsarts",
        "fysiotherapeut",
        "leidinggevende",
        "vertrouwenspersoon",
        "luisterlijn",
        "113",
        "112",
    ]
    assert help_contact("luisterlijn").phone == ("088 0767 000",)
    assert help_contact("113").phone == ("113", "0800-0113")
    assert help_contact("113").web == "113.nl"
    assert help_contact("112").phone == ("112",) and help_contact("112").urgent
    assert [c.id for c in HELP_CONTACTS if c.urgent] == ["112"]
    with pytest.raises(KeyError):
        help_contact("nope")


def test_bedrijfsarts_text_states_open_consultation_without_permission_and_confidential():
    text = help_contact("bedrijfsarts").description
    assert "open spreekuur" in text.nl and "toestemming" in text.nl and "vertrouwelijk" in text.nl
    assert "open consultation" in text.en and "permission" in text.en and "confidential" in text.en


def test_contacts_are_bilingual_informal_and_sourced():
    for contact in HELP_CONTACTS:
        for text in (contact.name, contact.description):
            assert text.nl.strip() and text.en.strip()
        assert not re.search(r"\b(?:u|uw)\b", contact.description.nl, re.IGNORECASE), contact.id
        for sid in contact.sources:
            assert sid in HELP_SOURCES
    # only these rest on background knowledge not checked in a source (domain/help_contacts.py)
    assert {c.id for c in HELP_CONTACTS if not c.sources} == {"fysiotherapeut", "leidinggevende",
                                                              "vertrouwenspersoon", "112"}
    assert set(HELP_SOURCES) == {sid for c in HELP_CONTACTS for sid in c.sources}


def test_help_sources_are_copied_from_the_source_list():
    listed = source_list()
    for sid, source in HELP_SOURCES.items():
        assert not citation_mismatches(sid, title=source.title, publisher=source.publisher, url=source.url,
                                       date=source.date, listed=listed)


def test_note_field_hint_points_to_113_and_the_help_page():
    assert "113" in NOTE_FIELD_HINT.nl and "hulppagina" in NOTE_FIELD_HINT.nl
    assert "113" in NOTE_FIELD_HINT.en and "help page" in NOTE_FIELD_HINT.en


def test_employer_contacts_have_a_place_on_the_help_page():
    contact = EmployerContact(name="Marieke de Vries", role="Vertrouwenspersoon", phone="06 12345678")
    page = HelpPage(employer_contacts=(contact,), organisation="Acme BV")
    assert page.contacts == HELP_CONTACTS and page.employer_contacts == (contact,)
    assert HelpPage().employer_contacts == ()
    with pytest.raises(ValueError):
        EmployerContact(name="  ", phone="1")
    with pytest.raises(ValueError):
        EmployerContact(name="HR")
