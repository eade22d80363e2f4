"""The words for every problem code of a check-in or an import, in Dutch and English: the one place they
are written. ``Problem.message()`` and ``ImportProblem.message()`` (logs, English) and the command line
(in the user's language) read them from here; the window words a problem beside its question itself
(``ui/labels.py``), in other words, because there the question is on screen.
"""

from __future__ import annotations

from collections.abc import Mapping

from vitaalthuis.domain.instruments import NOTE_MAX

MAX_IMPORT_BYTES = 20 * 1024 * 1024
"""The largest import accepted: 20 MiB (see ``domain/exchange.py``, which uses it)."""
LIMIT_MB = MAX_IMPORT_BYTES // (1024 * 1024)

PROBLEMS: dict[str, dict[str, str]] = {
    "too_large": {"nl": f"het bestand is groter dan {LIMIT_MB} MB, de grens voor een import",
                  "en": f"the file is larger than {LIMIT_MB} MB, the limit for an import"},
    "invalid_utf8": {"nl": "het bestand is geen geldige UTF-8-tekst", "en": "the file is not valid UTF-8"},
    "malformed_json": {"nl": "geen geldige JSON", "en": "malformed JSON"},
    "too_deep": {"nl": "de JSON is te diep genest", "en": "JSON nested too deeply"},
    "invalid_number": {"nl": "een getal dat geen geldige JSON is of te groot is",
                       "en": "number that is not valid JSON or is too large"},
    "duplicate_key": {"nl": "dezelfde sleutel staat twee keer in een JSON-object",
                      "en": "duplicate key in a JSON object"},
    "not_an_object": {"nl": "het bestand is geen JSON-object", "en": "the file is not a JSON object"},
    "wrong_format": {"nl": 'geen export van VitaalThuis: "format" moet "vitaalthuis" zijn',
                     "en": 'not a VitaalThuis export: "format" must be "vitaalthuis"'},
    "wrong_version": {"nl": 'onbekende versie van het formaat: "version" moet het gehele getal 1 zijn',
                      "en": 'unsupported exchange format: "version" must be the integer 1'},
    "checkins_not_list": {"nl": '"checkins" moet een lijst zijn', "en": '"checkins" must be a list'},
    "demo_not_boolean": {"nl": '"demo" moet true of false zijn', "en": '"demo" must be true or false'},
    "demo_into_real_data": {
        "nl": "het bestand bevat demogegevens en deze gegevensmap bevat al echte check-ins of concepten; "
              "demogegevens gaan alleen naar een lege gegevensmap of een met demogegevens",
        "en": "the file holds demo data and this data folder already holds real check-ins or drafts; demo "
              "data only goes into an empty data folder or one that holds demo data"},
    "real_into_demo_data": {
        "nl": "deze gegevensmap bevat demogegevens en echte check-ins worden daar niet mee gemengd; "
              "verwijder eerst de demogegevens of gebruik een andere gegevensmap",
        "en": "this data folder holds demo data and real check-ins are not mixed with it; delete the demo "
              "data first or use another data folder"},
    "checkin_not_object": {"nl": "een check-in moet een JSON-object zijn",
                           "en": "a check-in must be a JSON object"},
    "unknown_key": {"nl": "onbekende sleutel in een check-in", "en": "unknown key in a check-in"},
    "missing_week": {"nl": "de week ontbreekt", "en": "week is missing"},
    "week_format": {"nl": "de week is niet geschreven als JJJJ-Www", "en": "week is not written as YYYY-Www"},
    "week_nonexistent": {"nl": "die week bestaat niet in dat jaar", "en": "week does not exist in that year"},
    "week_too_early": {"nl": "de week ligt vóór 2000", "en": "week is before 2000"},
    "week_future": {"nl": "de week ligt in de toekomst", "en": "week lies in the future"},
    "missing_answers": {"nl": "de antwoorden ontbreken", "en": "answers are missing"},
    "answers_not_object": {"nl": '"answers" moet een JSON-object zijn',
                           "en": '"answers" must be a JSON object'},
    "duplicate_week": {"nl": "dezelfde week staat meer dan eens in het bestand",
                       "en": "the same week occurs more than once in the file"},
    "week_exists": {"nl": "deze week staat er al", "en": "this week is already there"},
    "unknown_item": {"nl": "onbekende vraag", "en": "unknown item id"},
    "wrong_type": {"nl": "verkeerd soort waarde", "en": "wrong type"},
    "out_of_range": {"nl": "waarde buiten het bereik", "en": "value out of range"},
    "missing": {"nl": "verplicht antwoord ontbreekt", "en": "required answer is missing"},
    "kans_details_without_yes": {"nl": "KANS-details mogen er alleen zijn als kans_any 1 is",
                                 "en": "KANS details are only allowed when kans_any is 1"},
    "duplicate_region": {"nl": "een lichaamsdeel staat er meer dan eens in",
                         "en": "a region is listed more than once"},
    "empty_regions": {"nl": "er moet minstens één lichaamsdeel zijn",
                      "en": "at least one region is required"},
    "days_over_7": {"nl": "days_home + days_location is meer dan 7",
                    "en": "days_home + days_location is more than 7"},
    "note_too_long": {"nl": f"de notitie is langer dan {NOTE_MAX} tekens",
                      "en": f"note is longer than {NOTE_MAX} characters"},
    "note_invalid_text": {"nl": "de notitie bevat een NUL-teken of een losse surrogaat",
                          "en": "note contains a NUL character or a lone surrogate"},
    "not_a_number": {"nl": "geen eindig getal", "en": "not a finite number"},
}


def problem_text(code: str, lang: str = "en") -> str:
    """The words for a problem code; an unknown code (a newer domain) is shown as the code."""
    texts: Mapping[str, str] = PROBLEMS.get(code, {})
    return texts.get(lang) or texts.get("en") or code
