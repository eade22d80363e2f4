"""Plural forms of the window's counted texts (filled into resources/i18n/*.ts by tools/ts_plurals.py)."""

RESTORE = ("Restore the backup of {date} with %n check-in(s)? Your data as it is now is kept as a backup "
           "first.")

FORMS = {
    "nl": {
        "Not finished yet: %n answer(s) still missing. The first one is shown.": (
            "Nog niet klaar: er ontbreekt nog %n antwoord. Je ziet het nu.",
            "Nog niet klaar: er ontbreken nog %n antwoorden. Je ziet nu het eerste."),
        "%n more answer(s) need attention.": (
            "Daarnaast vraagt nog %n antwoord aandacht.",
            "Daarnaast vragen nog %n antwoorden aandacht."),
        "%n check-in(s)": ("%n check-in", "%n check-ins"),
        "%n week(s) with 4 or more home days": ("%n week met 4 of meer thuisdagen",
                                                "%n weken met 4 of meer thuisdagen"),
        "%n week(s) with fewer": ("%n week met minder", "%n weken met minder"),
        "your average of {mean} over the %n check-in(s) before": (
            "je gemiddelde van {mean} over %n check-in ervoor",
            "je gemiddelde van {mean} over de %n check-ins ervoor"),
        "%n unfinished draft(s)": ("%n onafgemaakt concept", "%n onafgemaakte concepten"),
        "%n backup(s)": ("%n reservekopie", "%n reservekopieën"),
        "%n set-aside file(s)": ("%n apart gezet bestand", "%n apart gezette bestanden"),
        RESTORE: (
            "De reservekopie van {date} met %n check-in terugzetten? Je gegevens zoals ze nu zijn, worden "
            "eerst als reservekopie bewaard.",
            "De reservekopie van {date} met %n check-ins terugzetten? Je gegevens zoals ze nu zijn, worden "
            "eerst als reservekopie bewaard."),
        "%n week(s)": ("%n week", "%n weken"),
        "%n check-in(s) from {first} to {last}.": ("%n check-in van {first} tot en met {last}.",
                                                   "%n check-ins van {first} tot en met {last}."),
        "The newest good backup is from {date}, with %n check-in(s). Restore it?": (
            "De nieuwste goede reservekopie is van {date}, met %n check-in. Wil je die terugzetten?",
            "De nieuwste goede reservekopie is van {date}, met %n check-ins. Wil je die terugzetten?"),
    },
    "en": {
        "Not finished yet: %n answer(s) still missing. The first one is shown.": (
            "Not finished yet: %n answer is still missing. It is shown now.",
            "Not finished yet: %n answers are still missing. The first one is shown."),
        "%n more answer(s) need attention.": (
            "%n more answer needs attention.",
            "%n more answers need attention."),
        "%n check-in(s)": ("%n check-in", "%n check-ins"),
        "%n week(s) with 4 or more home days": ("%n week with 4 or more home days",
                                                "%n weeks with 4 or more home days"),
        "%n week(s) with fewer": ("%n week with fewer", "%n weeks with fewer"),
        "your average of {mean} over the %n check-in(s) before": (
            "your average of {mean} over the %n check-in before",
            "your average of {mean} over the %n check-ins before"),
        "%n unfinished draft(s)": ("%n unfinished draft", "%n unfinished drafts"),
        "%n backup(s)": ("%n backup", "%n backups"),
        "%n set-aside file(s)": ("%n set-aside file", "%n set-aside files"),
        RESTORE: (
            "Restore the backup of {date} with %n check-in? Your data as it is now is kept as a backup "
            "first.",
            "Restore the backup of {date} with %n check-ins? Your data as it is now is kept as a backup "
            "first."),
        "%n week(s)": ("%n week", "%n weeks"),
        "%n check-in(s) from {first} to {last}.": ("%n check-in from {first} to {last}.",
                                                   "%n check-ins from {first} to {last}."),
        "The newest good backup is from {date}, with %n check-in(s). Restore it?": (
            "The newest good backup is from {date}, with %n check-in. Restore it?",
            "The newest good backup is from {date}, with %n check-ins. Restore it?"),
    },
}
