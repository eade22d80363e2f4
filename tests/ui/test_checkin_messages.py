"""The check-in's message names the real problem: how many answers are open when only answers are open, the
problem itself when there is one (or one that is not an open answer, say 9 days in a week), with how many
more; never "answer(s)"."""

from __future__ import annotations

from tests.helpers import answers
from tests.ui.test_checkin_flow import THIS_WEEK

TOO_MANY_DAYS = "Dagen thuis en op de werkplek zijn samen meer dan 7."


def _fill(window, values: dict) -> None:
    for page in window.checkin.pages:
        page.set_answers(values)


def test_nothing_answered_counts_the_open_answers(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    window.checkin.finish()
    assert repo.get(THIS_WEEK) is None
    assert window.checkin.message.text() == (
        "Nog niet klaar: er ontbreken nog 17 antwoorden. Je ziet nu het eerste.")
    assert window.checkin.current_index() == 0


def test_one_open_answer_is_named(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    _fill(window, answers(ls=None))
    window.checkin.finish()
    assert window.checkin.message.text() == (
        "Nog niet klaar: stap 3, Tevredenheid met je leven. Dit antwoord ontbreekt nog.")
    assert window.checkin.current_index() == 2


def test_nine_days_in_a_week_is_named_not_counted(qtbot, make_window, repo) -> None:
    window = make_window()
    window.open_week(THIS_WEEK)
    _fill(window, answers(days_home=5, days_location=4))
    window.checkin.finish()
    assert repo.get(THIS_WEEK) is None
    message = window.checkin.message.text()
    assert message.startswith("Nog niet klaar: stap 7") and message.endswith(TOO_MANY_DAYS)
    assert "antwoord" not in message  # no count of "answers" for a problem that is not an open answer


def test_days_and_an_open_answer_name_the_days_and_count_the_rest(qtbot, make_window, repo) -> None:
    window = make_window(lang="en")
    window.open_week(THIS_WEEK)
    _fill(window, answers(days_home=5, days_location=4, gh=None))
    window.checkin.finish()
    message = window.checkin.message.text()
    assert message == ("Not finished yet: step 7, Your working week. Days at home and at the workplace add "
                       "up to more than 7. 1 more answer needs attention.")
    assert window.checkin.current_index() == 6  # the page of the problem named, not the first open answer
