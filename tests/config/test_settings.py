"""Settings: defaults < policy < user, locked keys, a damaged file, only the user's layer is written."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import stat
from pathlib import Path

import pytest

from vitaalthuis import files
from vitaalthuis.config.settings import Settings, SettingsStore, resolve, system_language


def test_defaults() -> None:
    s = resolve({})
    assert (s.theme, s.reminder_day, s.reminder_time, s.reminder_enabled) == ("system", 5, "15:00", True)
    assert s.start_at_login is False and s.show_national_figures is True and s.language is None


def test_layers_and_locks() -> None:
    policy = {"reminder_day": 2, "reminder_time": "10:30", "language": "en"}
    user = {"reminder_day": 4, "reminder_time": "nonsense", "theme": "dark", "unknown": 1}
    s = resolve(user, policy, frozenset({"reminder_day", "welcomed"}))
    assert s.reminder_day == 2  # locked: the policy wins over the user
    assert s.reminder_time == "10:30"  # the user's value is invalid: the layer below wins
    assert s.theme == "dark" and s.language == "en"
    assert s.locked == frozenset({"reminder_day"})  # 'welcomed' is not lockable


def test_store_writes_only_what_the_user_chose(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    policy = {"reminder_day": 2}
    settings = resolve({"language": "nl", "welcomed": True}, policy)
    store.save(settings, policy=policy)
    assert json.loads(store.path.read_text()) == {"version": 1, "language": "nl", "welcomed": True}
    store.save(Settings(language="en", welcomed=True, theme="dark", reminder_day=2), policy=policy)
    assert json.loads(store.path.read_text()) == {"version": 1, "language": "en", "welcomed": True,
                                                  "theme": "dark"}
    assert store.load(policy) == Settings(language="en", welcomed=True, theme="dark", reminder_day=2)


def test_damaged_file_is_put_aside(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text("{ not json", encoding="utf-8")
    assert store.load() == Settings()
    assert store.path.with_suffix(".damaged.json").exists()


def test_system_language() -> None:
    assert system_language({"LANG": "en_GB.UTF-8"}) == "en"
    assert system_language({"LANG": "nl_BE.UTF-8"}) == "nl"
    assert system_language({"LANG": "de_DE.UTF-8"}) == "nl"  # neither Dutch nor English: Dutch
    assert system_language({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}) == "en"


def test_a_save_that_fails_keeps_the_old_file_and_leaves_nothing(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = SettingsStore(tmp_path)
    store.save(Settings(language="nl", welcomed=True))

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):  # as before: the window reports it
        store.save(Settings(language="en", welcomed=True, theme="dark"))
    monkeypatch.undo()
    assert json.loads(store.path.read_text()) == {"version": 1, "language": "nl", "welcomed": True}
    assert list(tmp_path.iterdir()) == [store.path]  # no settings.tmp or other temporary file


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_file_is_private_also_over_a_loose_old_one(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "new")
    store.path.parent.mkdir()
    store.path.write_text("{}")
    store.path.chmod(0o666)  # as an older version left it under umask 000
    store.save(Settings(language="nl", welcomed=True))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_the_dataclass_and_the_registry_agree() -> None:
    """One place for a default: every option is a field with the registry's default, and back."""
    from vitaalthuis.config import schema

    fields = {f.name: f.default for f in dataclasses.fields(Settings) if f.name != "locked"}
    assert fields == {o.key: o.default for o in schema.OPTIONS}


def test_an_old_file_is_upgraded_and_unknown_keys_are_kept(tmp_path: Path) -> None:
    from vitaalthuis.config import schema

    store = SettingsStore(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    # written before the file had a version, with a key of some newer version
    store.path.write_text(json.dumps({"language": "en", "theme": "dark", "future_key": [1, 2]}))
    settings = store.load()
    assert (settings.language, settings.theme) == ("en", "dark")
    store.save(dataclasses.replace(settings, reminder_enabled=False))
    saved = json.loads(store.path.read_text())
    assert saved == {"version": schema.SETTINGS_VERSION, "future_key": [1, 2], "language": "en",
                     "theme": "dark", "reminder_enabled": False, "welcomed": False}


def test_a_newer_file_keeps_its_version(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps({"version": 99, "language": "nl", "renamed_later": "x"}))
    settings = store.load()
    assert settings.language == "nl"
    store.save(settings)
    saved = json.loads(store.path.read_text())
    assert saved["version"] == 99 and saved["renamed_later"] == "x"
