"""Fill translations into a Qt Linguist .ts file from a Python dict (source text → translation).

    python tools/ts_fill.py resources/i18n/vitaalthuis_nl.ts TRANSLATIONS.py

TRANSLATIONS.py defines ``NL = {...}``. Only entries whose source matches are touched; the .ts file stays
the source of truth. Prints the sources that are still unfinished.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, dict_path: str) -> int:
    table = runpy.run_path(dict_path)["NL"]
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot():
        for message in context.findall("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None
            if source in table:
                translation.text = table[source]
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished":
                missing.append(source)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"unfinished: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
