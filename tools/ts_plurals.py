"""Fill the plural forms (numerus messages) of a Qt Linguist .ts file from a Python dict.

    python tools/ts_plurals.py resources/i18n/vitaalthuis_nl.ts tools/plural_forms.py

tools/plural_forms.py defines ``FORMS = {language: {source: (one, other)}}``, e.g. for "%n check-in(s)":
("%n check-in", "%n check-ins"). English is the source language, but its plurals need a file too
(vitaalthuis_en.ts, made with ``lupdate -pluralonly``): without it the window would show "check-in(s)".
Prints the numerus sources that are still unfinished.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, dict_path: str) -> int:
    tree = ET.parse(ts_path)
    language = (tree.getroot().get("language") or "")[:2]
    forms: dict[str, tuple[str, str]] = runpy.run_path(dict_path)["FORMS"][language]
    missing = []
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in forms:
            for child in list(translation):
                translation.remove(child)
            for text in forms[source]:
                ET.SubElement(translation, "numerusform").text = text
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished":
            missing.append(source)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("unfinished:", source)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
