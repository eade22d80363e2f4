"""Every text the command line prints, in Dutch and English (the window has its own, in resources/i18n).

Why a catalogue of its own: the command line must start without Qt, so it cannot use the window's Qt
translations. Wording follows the window's Dutch (informal "je", "reservekopie", "gegevensmap", "concept").
Counts choose a real singular or plural form (never "check-in(s)"); numbers are written as the language
writes them (Dutch 28.812, English 28,812). Scripts must rely on the exit status and on ``--format json``,
never on these words: they may change.

Import problems: :class:`~vitaalthuis.domain.exchange.ImportProblem` keeps a code and an English detail. The
text per code is here; a detail is data plus a few fixed English phrasings ("found 'x'", "7 is not one of
[1, 2]"), which :func:`_dutch_detail` rewrites for Dutch (anything it does not recognise is shown as is).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vitaalthuis.domain.problem_texts import problem_text

if TYPE_CHECKING:
    from vitaalthuis.domain.exchange import ImportProblem

LANGUAGES = ("nl", "en")

# key -> {language: template}; templates are str.format templates
MESSAGES: dict[str, dict[str, str]] = {
    "stdin": {"nl": "Standaardinvoer", "en": "Standard input"},  # always at the start of a sentence
    # summary
    "summary.none": {"nl": "Er is nog geen check-in om samen te vatten.",
                     "en": "There is no check-in to summarise yet."},
    "summary.no_week": {"nl": "Voor {week} is er geen check-in.", "en": "There is no check-in for {week}."},
    # reading the file to import
    "read.not_found": {"nl": "{file} bestaat niet.", "en": "{file} does not exist."},
    "read.denied": {"nl": "Je hebt geen toegang tot {file}.", "en": "You have no permission to read {file}."},
    "read.failed": {"nl": "{file} is niet te lezen: {reason}.", "en": "{file} cannot be read: {reason}."},
    "read.directory": {"nl": "{file} is een map, geen bestand. Er is niets geïmporteerd.",
                       "en": "{file} is a folder, not a file. Nothing was imported."},
    "read.not_regular": {
        "nl": "{file} is geen gewoon bestand. Geef een bestand op, of - om standaardinvoer te lezen. "
              "Er is niets geïmporteerd.",
        "en": "{file} is not a regular file. Give a file, or - to read standard input. "
              "Nothing was imported."},
    "read.too_large": {
        "nl": "{file} is groter dan {limit} MB. Zo groot is een export van VitaalThuis nooit. "
              "Er is niets geïmporteerd.",
        "en": "{file} is larger than {limit} MB. A VitaalThuis export is never that big. "
              "Nothing was imported."},
    # import
    "import.rejected": {"nl": "Er is niets geïmporteerd. {file} heeft {problems}:",
                        "en": "Nothing was imported. {file} has {problems}:"},
    "import.rejected_at_least": {"nl": "Er is niets geïmporteerd. {file} heeft minstens {problems}:",
                                 "en": "Nothing was imported. {file} has at least {problems}:"},
    "import.more": {"nl": "… en nog {n}", "en": "… and {n} more"},
    "import.more_at_least": {"nl": "… en nog minstens {n}", "en": "… and at least {n} more"},
    "import.conflict_one": {
        "nl": "Er is niets geïmporteerd. Deze week staat er al: {weeks}. "
              "Gebruik --replace om die te vervangen.",
        "en": "Nothing was imported. This week is already there: {weeks}. Use --replace to replace it."},
    "import.conflict": {
        "nl": "Er is niets geïmporteerd. Deze weken staan er al: {weeks}. "
              "Gebruik --replace om ze te vervangen.",
        "en": "Nothing was imported. These weeks are already there: {weeks}. Use --replace to replace them."},
    "import.added": {"nl": "{added} geïmporteerd.", "en": "Imported {added}."},
    "import.replaced": {"nl": "{replaced} vervangen.", "en": "Replaced {replaced}."},
    "import.added_replaced": {"nl": "{added} geïmporteerd en {replaced} vervangen.",
                              "en": "Imported {added} and replaced {replaced}."},
    "import.empty": {"nl": "Het bestand bevat geen check-ins. Er is niets veranderd.",
                     "en": "The file holds no check-ins. Nothing was changed."},
    "import.backup": {"nl": "Je gegevens van vóór de import staan in de reservekopie {path}",
                      "en": "Your data from before the import is in the backup {path}"},
    # export
    "export.done": {"nl": "Export opgeslagen in {file}", "en": "Export saved to {file}"},
    "export.no_folder": {"nl": "De map {folder} bestaat niet. Er is niets opgeslagen.",
                         "en": "The folder {folder} does not exist. Nothing was saved."},
    "export.failed": {"nl": "{file} is niet opgeslagen: {reason}.", "en": "{file} was not saved: {reason}."},
    # demo data
    "demo.refused": {
        "nl": "Er is niets toegevoegd. In {folder} staan al {checkins} en {drafts}. "
              "Demogegevens komen alleen in een lege gegevensmap; kies een andere met --data-dir.",
        "en": "Nothing was added. {folder} already holds {checkins} and {drafts}. "
              "Demo data only goes into an empty data folder; choose another one with --data-dir."},
    "demo.done": {
        "nl": "{checkins} met verzonnen antwoorden toegevoegd over de laatste {weeks}, in {folder}. "
              "De gegevensmap is gemarkeerd als demo.",
        "en": "Added {checkins} with made-up answers over the last {weeks}, in {folder}. "
              "The data folder is marked as demo data."},
    # backups
    "backup.none": {"nl": "Er zijn nog geen reservekopieën in {folder}.",
                    "en": "There are no backups in {folder} yet."},
    "backup.column_id": {"nl": "ID", "en": "ID"},
    "backup.column_date": {"nl": "DATUM", "en": "DATE"},
    "backup.column_checkins": {"nl": "CHECK-INS", "en": "CHECK-INS"},
    "backup.state_too_new": {"nl": "nieuwere versie", "en": "newer version"},
    "backup.state_damaged": {"nl": "beschadigd", "en": "damaged"},
    "backup.state_foreign": {"nl": "geen VitaalThuis", "en": "not VitaalThuis"},
    "backup.state_unreadable": {"nl": "onleesbaar", "en": "unreadable"},
    "backup.not_found": {
        "nl": "Er is geen reservekopie {id} in {folder}. 'vitaalthuis backup list' laat zien welke er zijn.",
        "en": "There is no backup {id} in {folder}. 'vitaalthuis backup list' shows which there are."},
    "backup.damaged": {
        "nl": "Reservekopie {id} is beschadigd of geen VitaalThuis-database en kan niet worden teruggezet. "
              "Er is niets veranderd.",
        "en": "Backup {id} is damaged or not a VitaalThuis database and cannot be restored. "
              "Nothing was changed."},
    "backup.too_new": {
        "nl": "Reservekopie {id} komt van een nieuwere versie van VitaalThuis en kan niet worden teruggezet. "
              "Er is niets veranderd.",
        "en": "Backup {id} was made by a newer version of VitaalThuis and cannot be restored. "
              "Nothing was changed."},
    "backup.restored": {"nl": "Reservekopie {id} ({date}, {checkins}) teruggezet in {path}",
                        "en": "Restored backup {id} ({date}, {checkins}) into {path}"},
    "backup.kept": {"nl": "De database zoals hij was, staat in de reservekopie {path}",
                    "en": "The database as it was is kept in the backup {path}"},
    "backup.moved": {
        "nl": "De database was beschadigd of geen VitaalThuis-database. Hij is verplaatst naar {path}",
        "en": "The database was damaged or not a VitaalThuis database. It was moved to {path}"},
    # the database and the data folder
    "storage.no_database": {"nl": "Er is geen VitaalThuis-database in {folder}.",
                            "en": "There is no VitaalThuis database in {folder}."},
    "storage.too_new": {
        "nl": "{path} is gemaakt door een nieuwere versie van VitaalThuis. Het bestand is niet veranderd. "
              "Werk de app bij.",
        "en": "{path} was written by a newer version of VitaalThuis; it was left unchanged. Update the app."},
    "storage.damaged": {
        "nl": "{path} is beschadigd of geen VitaalThuis-database. Het bestand is niet veranderd.",
        "en": "{path} is damaged or is not a VitaalThuis database; it was left unchanged."},
    "storage.data_dir": {"nl": "De gegevensmap {path} is niet te gebruiken: {reason}.",
                         "en": "The data folder {path} cannot be used: {reason}."},
    "storage.migration": {
        "nl": "Het bijwerken van {path} is mislukt. Er is niets verloren gegaan.",
        "en": "Upgrading {path} failed. Nothing was lost."},
    "storage.migration_backup": {
        "nl": "Het bijwerken van {path} is mislukt. Er is niets verloren gegaan; de reservekopie van vlak "
              "ervoor is {backup}",
        "en": "Upgrading {path} failed. Nothing was lost; the backup made just before is {backup}"},
    "storage.disk_full": {
        "nl": "De schijf is vol: {path} kon niet worden opgeslagen. Wat je eerder hebt opgeslagen, is niet "
              "veranderd. Maak ruimte vrij en probeer het opnieuw.",
        "en": "The disk is full: {path} could not be written. What was saved before is unchanged. "
              "Free some space and try again."},
    "storage.read_only": {
        "nl": "{path} kan niet worden opgeslagen: het bestand of de map is alleen-lezen. Wat je eerder hebt "
              "opgeslagen, is niet veranderd.",
        "en": "{path} could not be written: the file or its folder is read-only. What was saved before is "
              "unchanged."},
    "storage.write_failed": {
        "nl": "{path} kon niet worden opgeslagen; misschien is de schijf vol of defect. Wat je eerder hebt "
              "opgeslagen, is niet veranderd.",
        "en": "{path} could not be written; the disk may be full or failing. What was saved before is "
              "unchanged."},
    "storage.read_denied": {
        "nl": "{path} kan niet worden gelezen: je hebt er geen toegang toe. Er is niets veranderd.",
        "en": "{path} could not be read: you have no permission to open it. Nothing was changed."},
    "storage.read_failed": {
        "nl": "{path} kan niet worden gelezen. Misschien is het bestand in gebruik of is de schijf defect. "
              "Er is niets veranderd.",
        "en": "{path} could not be read. The file may be in use, or the disk may be failing. "
              "Nothing was changed."},
    "storage.other": {"nl": "Er ging iets mis met {path} ({detail}).",
                      "en": "Something went wrong with {path} ({detail})."},
    # reasons (an OSError's errno)
    "reason.not_found": {"nl": "het bestand of de map bestaat niet",
                         "en": "the file or folder does not exist"},
    "reason.denied": {"nl": "geen toegang", "en": "permission denied"},
    "reason.disk_full": {"nl": "de schijf is vol", "en": "the disk is full"},
    "reason.read_only": {"nl": "de schijf is alleen-lezen", "en": "the disk is read-only"},
    "reason.is_directory": {"nl": "dat is een map", "en": "that is a folder"},
    "reason.not_directory": {"nl": "een deel van het pad is geen map",
                             "en": "part of the path is not a folder"},
    "reason.not_writable": {"nl": "je kunt er niet in schrijven", "en": "the folder cannot be written"},
    # where an import problem is
    "where.checkin": {"nl": "check-in {index}", "en": "check-in {index}"},
    "where.item": {"nl": "vraag {item}", "en": "item {item}"},
}

# key -> {language: (one, other)}; {n} is the number, already formatted for the language
PLURALS: dict[str, dict[str, tuple[str, str]]] = {
    "checkins": {"nl": ("1 check-in", "{n} check-ins"), "en": ("1 check-in", "{n} check-ins")},
    "new_checkins": {"nl": ("1 nieuwe check-in", "{n} nieuwe check-ins"),
                     "en": ("1 new check-in", "{n} new check-ins")},
    "drafts": {"nl": ("1 concept", "{n} concepten"), "en": ("1 draft", "{n} drafts")},
    "weeks": {"nl": ("1 week", "{n} weken"), "en": ("1 week", "{n} weeks")},
    "problems": {"nl": ("1 probleem", "{n} problemen"), "en": ("1 problem", "{n} problems")},
}


_SHOW_MAX = 40  # characters of an item id or week in a location
_DETAIL_MAX = 200  # characters of a detail

_QUOTED = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")(?:\.\.\.)?"""  # a repr() of a text, maybe clipped
_JSON_ERRORS = {  # json.JSONDecodeError.msg
    "Expecting value": "waarde verwacht",
    "Expecting ',' delimiter": "komma verwacht",
    "Expecting ':' delimiter": "dubbele punt verwacht",
    "Expecting property name enclosed in double quotes": "sleutel tussen dubbele aanhalingstekens verwacht",
    "Unterminated string starting at": "tekst zonder afsluitend aanhalingsteken",
    "Invalid control character at": "ongeldig stuurteken",
    "Invalid \\escape": "ongeldige escape met \\",
    "Invalid \\uXXXX escape": "ongeldige \\uXXXX-escape",
    "Extra data": "extra tekens na het einde",
    "Illegal trailing comma before end of object": "komma vóór het einde van een object",
    "Illegal trailing comma before end of array": "komma vóór het einde van een lijst",
}
_DESCRIBED = (  # what domain.exchange._describe says was found instead
    (r"missing", "ontbreekt"),
    (r"found an object", "gevonden: een object"),
    (r"found a list", "gevonden: een lijst"),
    (r"found (.*)", r"gevonden: \1"),
)
_ANSWER_DETAILS = (  # domain.answers
    (r"expected an integer code", "verwacht: een geheel getal als code"),
    (r"expected an integer", "verwacht: een geheel getal"),
    (r"expected a number", "verwacht: een getal"),
    (r"expected a list of region names", "verwacht: een lijst met lichaamsdelen"),
    (r"expected text", "verwacht: tekst"),
    (r"(-?\d+) is not one of (\[.*\])", r"\1 is niet een van \2"),
    (r"(\S+) is not in (\S+)", r"\1 ligt niet binnen \2"),
    (r"unknown value (.*)", r"onbekende waarde \1"),
    (r"(\d+) characters", r"\1 tekens"),
)
# code -> (pattern, Dutch) for the fixed English phrasings of its details, tried in order (full match)
_DETAIL_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "invalid_utf8": ((r"byte (0x[0-9a-f]{2}) at line (\d+), byte offset (\d+)",
                      r"byte \1 op regel \2, positie \3"),),
    "duplicate_week": ((r"check-ins (\d+) and (\d+) are both (.*)", r"check-ins \1 en \2 zijn allebei \3"),),
    "duplicate_key": ((rf"key ({_QUOTED}) at (.*)", r"sleutel \1 bij \2"),
                      (rf"key ({_QUOTED})", r"sleutel \1")),
    "invalid_number": ((r"(\S+) at (.*)", r"\1 bij \2"),),  # the number as written has no spaces
    "week_exists": ((r"use --replace to overwrite it", "gebruik --replace om die te vervangen"),),
    **{code: _DESCRIBED for code in ("not_an_object", "wrong_format", "wrong_version", "checkins_not_list",
                                    "demo_not_boolean", "checkin_not_object", "week_format",
                                    "answers_not_object")},
    **{code: _ANSWER_DETAILS for code in ("wrong_type", "out_of_range", "note_too_long")},
}
_LINE_COLUMN = re.compile(r"line (\d+), column (\d+): (.*)", re.DOTALL)


class Texts:
    """The command line's words in one language: ``t("key", field=...)``, ``t.count("checkins", 3)``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "nl"

    def __call__(self, key: str, **fields: object) -> str:
        return MESSAGES[key][self.lang].format(**fields)

    def __contains__(self, key: object) -> bool:
        return key in MESSAGES

    def number(self, n: int) -> str:
        """28.812 in Dutch, 28,812 in English."""
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "nl" else text

    def count(self, key: str, n: int) -> str:
        """``n`` with the word that goes with it: "1 check-in", "2 check-ins" (never "check-in(s)")."""
        one, other = PLURALS[key][self.lang]
        return (one if n == 1 else other).format(n=self.number(n))

    def problem(self, problem: ImportProblem) -> str:
        """One import problem: where, what, and the detail (short and printable whatever the input held)."""
        text = problem_text(problem.code, self.lang)
        if problem.detail:
            detail = _clip(problem.detail)  # first: the rules never see more than a few hundred characters
            text += f" ({detail if self.lang == 'en' else _dutch_detail(problem.code, detail)})"
        where = []
        if problem.index is not None:
            where.append(self("where.checkin", index=problem.index)
                         + (f" ({_show(problem.week)})" if problem.week else ""))
        if problem.item is not None:
            where.append(self("where.item", item=_show(problem.item)))
        return f"{', '.join(where)}: {text}" if where else text


def _dutch_detail(code: str, detail: str) -> str:
    """The detail with its fixed English phrasing in Dutch; the data in it stays as it is. Anything not
    recognised (a new phrasing in the domain) is shown as it is rather than guessed at."""
    if code == "malformed_json":
        match = _LINE_COLUMN.fullmatch(detail)
        if match:
            line, column, message = match.groups()
            return f"regel {line}, kolom {column}: {_JSON_ERRORS.get(message, message)}"
    for pattern, dutch in _DETAIL_RULES.get(code, ()):
        match = re.fullmatch(pattern, detail, re.DOTALL)
        if match:
            return match.expand(dutch)
    return detail


def shown(text: object) -> str:
    """A file name or path as printed: as is when printable, else escaped (a name can hold anything)."""
    text = str(text)
    return text if text.isprintable() else repr(text)[1:-1]


def _show(text: str | None, limit: int = _SHOW_MAX) -> str:
    text = str(text)
    if len(text) <= limit and text.isprintable():
        return text
    return repr(text[:limit]) + ("..." if len(text) > limit else "")


def _clip(text: str, limit: int = _DETAIL_MAX) -> str:
    """Short, and with control characters and lone surrogates escaped: a detail can quote the file."""
    escaped = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit + 1])
    return escaped if len(escaped) <= limit else escaped[:limit] + "..."
