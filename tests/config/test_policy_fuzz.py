"""Hostile policy files: whatever an organisation's file holds, loading it never raises,
never changes a locked data right, and every rejected part is named in a notice."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vitaalthuis.config import schema
from vitaalthuis.config.policy import load_policy
from vitaalthuis.config.settings import resolve

KEYS = ["schema_version", "locked", "organisation", "defaults", "contacts", "tips", "name", "phone", "email",
        "url", "role", "note", "id", "theme", "condition", "title", "body", "nl", "en", "language",
        "reminder_day", "reminder_time", "show_national_figures", "export", "delete_all", "x"]


def toml_value(draw_value: object) -> str:
    if isinstance(draw_value, bool):
        return "true" if draw_value else "false"
    if isinstance(draw_value, int | float):
        return repr(draw_value) if draw_value == draw_value and abs(draw_value) != float("inf") else "nan"
    if isinstance(draw_value, str):
        return '"' + draw_value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(draw_value, list):
        return "[" + ", ".join(toml_value(v) for v in draw_value) + "]"
    return '"?"'


scalars = st.one_of(st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
                    st.floats(allow_nan=False), st.text(max_size=40),
                    st.sampled_from(["nl", "en", "dark", "15:00", "25:99", "vrijdag"]))
values = st.one_of(scalars, st.lists(scalars, max_size=4))
tables = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)


@st.composite
def policy_documents(draw: st.DrawFn) -> bytes:
    lines = [f"{k} = {toml_value(v)}" for k, v in draw(tables).items()]
    for name in draw(st.lists(st.sampled_from(["organisation", "defaults", "x"]), max_size=2, unique=True)):
        lines.append(f"[{name}]")
        lines += [f"{k} = {toml_value(v)}" for k, v in draw(tables).items()]
    for name in draw(st.lists(st.sampled_from(["contacts", "tips"]), max_size=2)):
        lines.append(f"[[{name}]]")
        lines += [f"{k} = {toml_value(v)}" for k, v in draw(tables).items()]
    text = "\n".join(lines)
    mangle = draw(st.sampled_from(["none", "truncate", "garbage", "bytes"]))
    if mangle == "truncate" and text:
        text = text[: draw(st.integers(0, len(text)))]
    elif mangle == "garbage":
        text += draw(st.text(alphabet=string.printable + "ëé☕\x00", max_size=30))
    data = text.encode("utf-8", "surrogatepass")
    if mangle == "bytes":
        data += draw(st.binary(max_size=30))
    return data


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=policy_documents())
def test_any_policy_file_loads_without_raising(tmp_path: Path, document: bytes) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(document)
    policy = load_policy([path])
    assert all(isinstance(n, str) and n for n in policy.notices)
    # the catch-all that keeps the app starting must never be what handled it: that would be a bug
    assert "The organisation's settings could not be read; defaults are used." not in policy.notices
    assert policy.locked <= {o.key for o in schema.OPTIONS if o.lockable}
    assert set(policy.defaults) <= set(schema.BY_KEY)
    assert all(schema.BY_KEY[k].check(v) for k, v in policy.defaults.items())
    settings_ = resolve({"theme": "dark"}, policy.defaults, policy.locked)  # the layers still resolve
    assert settings_.theme in schema.THEMES
