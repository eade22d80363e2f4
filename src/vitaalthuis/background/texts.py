"""The helper's few texts, in Dutch and English.

Kept here as a catalogue, like the other layers outside the window (the command line, the charts): the
window's Qt translation file covers the ``ui`` package only. Where the window says the same thing, the
words are the same (a test compares them with the window's translation file).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "fill_in_now": {"nl": "Nu invullen", "en": "Fill in now"},
    "open": {"nl": "Openen", "en": "Open"},
    "stop": {"nl": "Stoppen", "en": "Stop"},
    "tooltip": {"nl": "VitaalThuis: de herinnering aan je wekelijkse check-in",
                "en": "VitaalThuis: the reminder of your weekly check-in"},
    "reminder": {"nl": "Tijd voor je wekelijkse check-in. Klik hier om hem in te vullen.",
                 "en": "Time for your weekly check-in. Click here to fill it in."},
}


def text(key: str, lang: str) -> str:
    """The text in ``lang`` (``nl`` or ``en``; any other language gets Dutch, the app's first language)."""
    entry = TEXTS[key]
    return entry.get(lang, entry["nl"])
