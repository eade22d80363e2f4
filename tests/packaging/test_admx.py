"""The Group Policy templates: well-formed, complete in both languages, and naming exactly what the app reads.

Group Policy Management and Intune's ADMX ingestion reject a template whose strings or presentations are
missing in an ADML; a value name that the app does not read would be a policy that silently does nothing.
What only Windows can show (the editor's rendering, Intune's ingestion) is not tested here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vitaalthuis.config import managed, schema

ROOT = Path(__file__).resolve().parents[2]
POLICY_DIR = ROOT / "packaging" / "windows" / "policy"
ADMX = POLICY_DIR / "VitaalThuis.admx"
ADMLS = {lang: POLICY_DIR / lang / "VitaalThuis.adml" for lang in ("en-US", "nl-NL")}
NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
Q = {"p": NS}
BASE = managed.REGISTRY_KEY
REF = re.compile(r"^\$\((string|presentation)\.([^)]+)\)$")


def admx() -> ET.Element:
    return ET.parse(ADMX).getroot()


def policies() -> list[ET.Element]:
    return admx().findall("p:policies/p:policy", Q)


def references(kind: str) -> set[str]:
    """Every $(string.x) or $(presentation.x) used anywhere in the ADMX."""
    found = set()
    for element in admx().iter():
        for value in element.attrib.values():
            if (m := REF.match(value)) and m.group(1) == kind:
                found.add(m.group(2))
    return found


def written(policy: ET.Element) -> set[tuple[str, str]]:
    """(key, value name or list key) pairs a policy writes."""
    key = policy.get("key", "")
    pairs = set()
    if policy.get("valueName"):
        pairs.add((key, policy.get("valueName", "")))
    for element in policy.iterfind("p:elements/*", Q):
        if element.tag == f"{{{NS}}}list":
            parent, _, name = element.get("key", "").rpartition("\\")
            pairs.add((parent, name))
        else:
            pairs.add((element.get("key", key), element.get("valueName", "")))
    return pairs


def test_the_files_are_well_formed_with_the_group_policy_namespace() -> None:
    assert admx().tag == f"{{{NS}}}policyDefinitions"
    for path in ADMLS.values():
        root = ET.parse(path).getroot()
        assert root.tag == f"{{{NS}}}policyDefinitionResources", path
        assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="utf-8"?>')


@pytest.mark.parametrize("lang", sorted(ADMLS))
def test_each_adml_defines_every_string_and_presentation(lang: str) -> None:
    root = ET.parse(ADMLS[lang]).getroot()
    strings = {s.get("id"): s.text or "" for s in root.iterfind("p:resources/p:stringTable/p:string", Q)}
    table = root.iterfind("p:resources/p:presentationTable/p:presentation", Q)
    presentations = {p.get("id"): p for p in table}
    assert references("string") <= set(strings), references("string") - set(strings)
    assert references("presentation") <= set(presentations)
    assert all(text.strip() for text in strings.values())
    # each presentation control refers to an element of a policy that uses the presentation
    for policy in policies():
        ref = policy.get("presentation")
        if ref is None:
            assert policy.find("p:elements", Q) is None, policy.get("name")
            continue
        element_ids = {e.get("id") for e in policy.iterfind("p:elements/*", Q)}
        control_ids = {c.get("refId") for c in presentations[REF.match(ref).group(2)]}  # type: ignore[union-attr]
        assert control_ids == element_ids, policy.get("name")


def test_both_languages_have_the_same_ids_and_dutch_is_dutch() -> None:
    ids = {}
    for lang, path in ADMLS.items():
        root = ET.parse(path).getroot()
        ids[lang] = {s.get("id") for s in root.iter(f"{{{NS}}}string")}
    assert ids["en-US"] == ids["nl-NL"]
    nl = ADMLS["nl-NL"].read_text(encoding="utf-8")
    assert "Aangeboden door" in nl and "Ingeschakeld" in nl and "policy.toml" in nl


def test_every_policy_names_a_value_the_app_reads_and_back() -> None:
    mandatory: set[str] = set()
    recommended: set[str] = set()
    for policy in policies():
        assert policy.get("class") == "Both", policy.get("name")
        for key, name in written(policy):
            if key == BASE:
                mandatory.add(name)
            else:
                assert key == BASE + "\\" + managed.RECOMMENDED, (policy.get("name"), key)
                recommended.add(name)
    assert mandatory == set(managed.POLICY_NAMES)
    assert recommended == set(managed.SETTING_NAMES)  # only settings can be recommended


def test_every_lockable_setting_has_a_policy() -> None:
    assert set(managed.SETTING_NAMES.values()) == {o.key for o in schema.OPTIONS if o.lockable}


def test_enum_values_are_valid_settings() -> None:
    """The values a drop-down writes pass the app's own check, so choosing one never gives a notice."""
    for policy in policies():
        for enum in policy.iterfind("p:elements/p:enum", Q):
            key = managed.SETTING_NAMES[enum.get("valueName", "")]
            for value in enum.iterfind("p:item/p:value/*", Q):
                data: object = value.text if value.tag.endswith("string") else int(value.get("value", ""))
                assert schema.BY_KEY[key].check(data), (key, data)


def test_the_templates_say_tips_stay_in_the_toml_file() -> None:
    for path in ADMLS.values():
        assert "[[tips]]" in path.read_text(encoding="utf-8")
