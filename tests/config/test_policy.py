"""The organisation policy: found where docs/deploying.md says; every bad input gives defaults, a notice."""

from __future__ import annotations

import errno
import logging
import os
import threading
from pathlib import Path

import pytest

from vitaalthuis.config import policy as policy_mod
from vitaalthuis.config.policy import POLICY_ENV, Policy, load_policy, search_paths
from vitaalthuis.config.settings import SettingsStore, resolve
from vitaalthuis.domain.help_contacts import EmployerContact
from vitaalthuis.domain.tips import ORGANISATION_SOURCE, load_tips

EXAMPLE = Path(__file__).resolve().parents[2] / "packaging" / "policy-example.toml"

TIP = """
[[tips]]
id = "org_walk"
theme = "breaks_movement"
condition = "general"
title = { nl = "Loop een rondje", en = "Take a walk" }
body = { nl = "Een korte wandeling helpt.", en = "A short walk helps." }
"""


def write(tmp_path: Path, text: str, name: str = "policy.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(path: Path) -> Policy:
    return load_policy([path], env={})


# --- bad input --------------------------------------------------------------------------------------------


def test_missing_file_is_the_empty_policy(tmp_path: Path) -> None:
    p = load(tmp_path / "policy.toml")
    assert p == Policy() and p.is_empty and p.notices == ()


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path, "schema_version = 1\n[organisation]\nname = 'X'\n")

    def denied(_path: Path) -> bytes:  # CI runs as root: chmod 000 would not stop the read
        raise PermissionError(errno.EACCES, "Permission denied", str(_path))

    monkeypatch.setattr(policy_mod, "_read", denied)
    with caplog.at_level(logging.WARNING, logger="vitaalthuis.policy"):
        p = load(path)
    assert p.organisation is None and p.source == path
    assert len(p.notices) == 1 and "cannot be read" in p.notices[0]
    assert [r.msg for r in caplog.records] == ["policy.unreadable"]


def test_a_directory_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "policy.toml").mkdir()
    p = load(tmp_path / "policy.toml")
    assert p.is_empty and len(p.notices) == 1
    assert "not a regular file" in p.notices[0] or "cannot be read" in p.notices[0]  # Windows: cannot open


def _load_in_thread(path: Path, timeout: float = 20) -> Policy:
    """load_policy in a daemon thread: a read that blocks fails the test instead of hanging it."""
    result: list[Policy] = []
    worker = threading.Thread(target=lambda: result.append(load(path)), daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "loading the policy hung"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_ignored_and_never_blocks(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fifo = tmp_path / "policy.toml"
    os.mkfifo(fifo)  # nobody ever writes: opening it without O_NONBLOCK would wait forever
    with caplog.at_level(logging.WARNING, logger="vitaalthuis.policy"):
        p = _load_in_thread(fifo)
    assert p.is_empty and p.source == fifo
    assert len(p.notices) == 1 and "not a regular file" in p.notices[0]
    assert [r.msg for r in caplog.records] == ["policy.not_a_file"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
def test_a_device_is_ignored_unread() -> None:
    p = _load_in_thread(Path("/dev/zero"))  # endless: a read "to the end" would never return
    assert p.is_empty and "not a regular file" in p.notices[0]


def test_the_read_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    with path.open("wb") as fh:
        fh.truncate(50 * policy_mod.MAX_BYTES)  # sparse: 50 MB of zeros
    assert len(policy_mod._read(path)) == policy_mod.MAX_BYTES + 1
    p = load(path)
    assert p.is_empty and "larger" in p.notices[0]


@pytest.mark.parametrize("content", [b"schema_version = 1\n[organisation\nname = 'x'", b"\xff\xfe\x00garbage",
                                     b"{\"schema_version\": 1}"])
def test_not_toml(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(content)
    p = load(path)
    assert p.is_empty and len(p.notices) == 1
    assert "TOML" in p.notices[0] or "UTF-8" in p.notices[0]


@pytest.mark.parametrize("version", ["2", "0", "'1'", "1.0", "true"])
def test_unknown_version_ignores_the_whole_file(tmp_path: Path, version: str) -> None:
    p = load(write(tmp_path, f"schema_version = {version}\nlocked = ['theme']\n[organisation]\nname = 'X'\n"))
    assert p.is_empty and len(p.notices) == 1 and "schema_version" in p.notices[0]


def test_missing_version_is_read_as_1_with_a_notice(tmp_path: Path) -> None:
    p = load(write(tmp_path, "[organisation]\nname = 'Acme'\n"))
    assert p.organisation == "Acme" and len(p.notices) == 1 and "missing" in p.notices[0]


def test_wrong_types_fall_back_one_by_one(tmp_path: Path) -> None:
    p = load(write(tmp_path, """
schema_version = 1
organisation = "Acme"
locked = "theme"
contacts = { name = "x" }
defaults = ["nl"]
"""))
    assert p.is_empty
    assert len(p.notices) == 4 and all("must be" in n for n in p.notices)


def test_wrong_values_inside_tables(tmp_path: Path) -> None:
    p = load(write(tmp_path, """
schema_version = 1
locked = ["theme", 3]
[organisation]
name = 42
[defaults]
reminder_day = 9
reminder_time = "25:00"
language = "de"
theme = "dark"
reminder_enabled = "yes"
[[contacts]]
name = "Bedrijfsarts"
phone = 301234567
email = "not an address"
url = "javascript:alert(1)"
[[contacts]]
name = "HR"
phone = "+31 30 123 45 67"
email = true
[[contacts]]
role = "no name"
email = "a@b.nl"
"""))
    assert p.organisation is None
    assert p.defaults == {"theme": "dark"}
    assert p.locked == frozenset({"theme"})
    assert p.contacts == (EmployerContact(name="HR", phone="+31 30 123 45 67"),)
    assert len(p.notices) == 12  # name, phone, email, url, contact 1, email, contact 3, 4 defaults, lock


def test_unknown_keys_are_ignored_with_a_notice(tmp_path: Path) -> None:
    p = load(write(tmp_path, """
schema_version = 1
telemetry = true
[organisation]
name = "Acme"
logo = "acme.png"
[defaults]
colour = "red"
welcomed = true
[[contacts]]
name = "HR"
email = "hr@acme.example"
fax = "030"
"""))
    assert p.organisation == "Acme" and p.defaults == {}
    assert p.contacts == (EmployerContact(name="HR", email="hr@acme.example"),)
    assert len(p.notices) == 5
    assert any("telemetry" in n for n in p.notices) and any("fax" in n for n in p.notices)


@pytest.mark.parametrize("key", ["export", "delete_all", "import", "welcomed", "no_such_setting"])
def test_lock_of_a_non_lockable_key_is_refused(tmp_path: Path, key: str) -> None:
    p = load(write(tmp_path, f"schema_version = 1\nlocked = ['{key}', 'language']\n"))
    assert p.locked == frozenset({"language"})
    assert len(p.notices) == 1 and key in p.notices[0]
    if key in ("export", "delete_all", "import"):
        assert "can never be locked" in p.notices[0]


def test_invalid_tips_are_skipped_and_tips_need_an_organisation(tmp_path: Path) -> None:
    bad = TIP.replace("breaks_movement", "no_such_theme")
    p = load(write(tmp_path, "schema_version = 1\n[organisation]\nname = 'Acme'\n" + TIP + bad.replace(
        "org_walk", "org_bad")))
    assert [t.id for t in p.tips] == ["org_walk"] and len(p.notices) == 1 and "org_bad" in p.notices[0]
    p = load(write(tmp_path, "schema_version = 1\n" + TIP))
    assert p.tips == () and "does not name the organisation" in p.notices[0]
    shipped_id = load_tips().tips[0].id
    p = load(write(tmp_path, "schema_version = 1\n[organisation]\nname = 'Acme'\n" + TIP.replace(
        "org_walk", shipped_id)))
    assert p.tips == () and "already in use" in p.notices[0]


def test_never_raises_even_on_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> Policy:
        raise RuntimeError("bug")

    monkeypatch.setattr(policy_mod, "parse_policy", broken)
    p = load(write(tmp_path, "schema_version = 1\n"))
    assert p.is_empty and len(p.notices) == 1


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(b"#" * (policy_mod.MAX_BYTES + 10))
    p = load(path)
    assert p.is_empty and "larger" in p.notices[0]


# --- a valid policy ---------------------------------------------------------------------------------------


def test_example_policy(tmp_path: Path) -> None:
    p = load(EXAMPLE)
    assert p.notices == ()
    assert p.organisation == "Gemeente Voorbeeld" and p.source == EXAMPLE
    assert [(c.role, c.name) for c in p.contacts] == [
        ("Bedrijfsarts", "Dr. A. Jansen"), ("Vertrouwenspersoon", "M. de Vries"),
        ("HR", "Team HR en vitaliteit")]
    assert p.contacts[0].phone == "030 123 45 67" and p.contacts[2].url.startswith("https://")
    assert p.locked == frozenset({"reminder_day"})
    assert p.defaults["reminder_day"] == 4 and p.defaults["language"] == "nl"

    library = p.tip_library(load_tips())
    tip = library.get("voorbeeld_fietsplan")
    assert tip is not None and tip.source == ORGANISATION_SOURCE and tip.from_organisation
    assert library.source_of(tip).title == "Gemeente Voorbeeld"
    page = p.help_page()
    assert page.organisation == "Gemeente Voorbeeld" and page.employer_contacts == p.contacts


def test_defaults_and_locks_go_through_resolve(tmp_path: Path) -> None:
    p = load(EXAMPLE)
    user = {"reminder_day": 1, "reminder_time": "09:00", "theme": "dark"}
    s = resolve(user, p.defaults, p.locked)
    assert s.reminder_day == 4  # locked: the policy wins
    assert s.reminder_time == "09:00" and s.theme == "dark"  # the user wins over a policy default
    assert s.language == "nl" and s.locked == frozenset({"reminder_day"})
    store = SettingsStore(tmp_path)
    assert store.load(p.defaults, p.locked) == resolve({}, p.defaults, p.locked)
    store.save(s, policy=p.defaults)  # policy values are never written into the user's file
    assert "reminder_day" not in store.path.read_text(encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8").startswith("# VitaalThuis")  # and the policy is untouched


# --- where ------------------------------------------------------------------------------------------------


def test_environment_variable_overrides_the_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site" / "VitaalThuis"
    site.mkdir(parents=True)
    write(site, "schema_version = 1\n[organisation]\nname = 'Site'\n")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    monkeypatch.delenv(POLICY_ENV, raising=False)
    assert load_policy().organisation == "Site"
    other = write(tmp_path, "schema_version = 1\n[organisation]\nname = 'Env'\n", "mine.toml")
    monkeypatch.setenv(POLICY_ENV, str(other))
    assert search_paths() == [other]
    assert load_policy().organisation == "Env"
    monkeypatch.setenv(POLICY_ENV, str(tmp_path / "absent.toml"))
    p = load_policy()
    assert p.is_empty and POLICY_ENV in p.notices[0]  # an explicit file that is missing is worth a notice


def test_search_order_linux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{first}:{second}")
    paths = search_paths(env={}, platform="linux")
    assert paths[:2] == [first / "VitaalThuis" / "policy.toml", second / "VitaalThuis" / "policy.toml"]
    assert Path("/etc/xdg/VitaalThuis/policy.toml") in paths[2:]
    (second / "VitaalThuis").mkdir(parents=True)
    write(second / "VitaalThuis", "schema_version = 1\n[organisation]\nname = 'Second'\n")
    assert load_policy(env={}).organisation == "Second"
    (first / "VitaalThuis").mkdir(parents=True)
    write(first / "VitaalThuis", "schema_version = 1\n[organisation]\nname = 'First'\n")
    assert load_policy(env={}).organisation == "First"  # the first folder that has one wins, no merging


def test_search_paths_windows_and_macos() -> None:
    assert Path(r"C:\ProgramData\VitaalThuis") / "policy.toml" in search_paths(env={}, platform="win32")
    mac = Path("/Library/Application Support/VitaalThuis/policy.toml")
    assert mac in search_paths(env={}, platform="darwin")
