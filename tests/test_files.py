"""files.write_private and private_dir: whole or not at all, exact modes whatever the umask, nothing left.

Failures are injected with monkeypatch (CI runs as root, so a read-only folder proves nothing)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from vitaalthuis import files
from vitaalthuis.files import private_dir, write_private

POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_bytes_and_text_exactly(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    assert write_private(target, b"\x00\xff" * 100_000) == target
    assert target.read_bytes() == b"\x00\xff" * 100_000
    write_private(target, "één\r\nline\n")  # UTF-8, newlines untouched (a CSV export keeps its CRLF)
    assert target.read_bytes() == "één\r\nline\n".encode()
    assert list(tmp_path.iterdir()) == [target]


@POSIX
@pytest.mark.usefixtures("umask_000")
def test_modes_are_exact_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "made" / "here" / "settings.json"
    write_private(target, "{}")
    assert mode(target) == 0o600
    assert mode(tmp_path / "made") == mode(tmp_path / "made" / "here") == 0o700
    entry = write_private(tmp_path / "made" / "entry.desktop", "x", mode=0o644)
    assert mode(entry) == 0o644


@POSIX
def test_a_umask_without_owner_bits_still_gives_the_mode_asked(tmp_path: Path) -> None:
    old = os.umask(0o277)  # even the owner's write bit masked: the mode is set explicitly, not through it
    try:
        target = write_private(tmp_path / "f", b"data")
    finally:
        os.umask(old)
    assert mode(target) == 0o600 and target.read_bytes() == b"data"


@POSIX
def test_an_existing_file_is_replaced_with_the_private_mode(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    target.chmod(0o666)
    write_private(target, "new")
    assert target.read_text() == "new" and mode(target) == 0o600


@POSIX
@pytest.mark.usefixtures("umask_000")
def test_an_existing_folder_is_left_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    assert private_dir(shared) == shared
    write_private(shared / "f", "x")
    assert mode(shared) == 0o755
    private_dir(shared / "a" / "b")
    assert mode(shared) == 0o755 and mode(shared / "a") == mode(shared / "a" / "b") == 0o700


@pytest.mark.parametrize("fail", ["replace", "write", "fsync"])
def test_a_failure_changes_nothing_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      fail: str) -> None:
    existing = tmp_path / "kept" / "settings.json"
    existing.parent.mkdir()
    existing.write_text("old")
    fresh = tmp_path / "new" / "deeper" / "export.json"

    def refuse(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, fail, refuse)
    for target in (existing, fresh):
        with pytest.raises(OSError, match="No space left") as err:
            write_private(target, "new")
        assert err.value.errno == errno.ENOSPC  # the caller's error, as raised
    monkeypatch.undo()
    assert existing.read_text() == "old"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["kept", "settings.json"]  # no temp, no new folder


def test_an_interrupted_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_private(tmp_path / "f", "x")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_the_way_of_the_folder_raises_and_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    with pytest.raises(OSError):
        write_private(blocker / "sub" / "f", "x")
    assert blocker.read_text() == "a file" and list(tmp_path.iterdir()) == [blocker]


@POSIX
def test_a_planted_symlink_at_a_guessable_temporary_name_is_not_followed(tmp_path: Path) -> None:
    """In a shared folder (e.g. /tmp) another user can plant a symlink where a fixed temporary name would be;
    the temporary file is made with a random name and O_EXCL, so the link's target is never written."""
    victim = tmp_path / "victim"
    victim.write_text("precious")
    target = tmp_path / "export.json"
    for guess in (f".{target.name}.part", f".{target.name}.{os.getpid()}.part", f"{target.name}.tmp",
                  target.with_suffix(".tmp").name):
        (tmp_path / guess).symlink_to(victim)
    write_private(target, "mine")
    assert victim.read_text() == "precious"
    assert target.read_text() == "mine" and not target.is_symlink()


def test_relative_paths_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_private(Path("plain.txt"), "x")
    assert (tmp_path / "plain.txt").read_text() == "x"


# Writers that keep their own way of writing, and why. Everything else the app writes goes through
# write_private: a new "temporary file + os.replace" copy elsewhere would be the sixth of differing quality.
OWN_WRITERS = {
    "files.py": "the one helper",
    "logs.py": "appends to the log (0600) and rotates it by rename",
    "cli.py": "its _write_private is being replaced by files.write_private in a parallel change",
    "background/lock.py": "creates its empty lock file to hold an advisory lock on it, never writes content",
}
ATOMIC_WRITE_IDIOMS = ("os.replace(", "mkstemp(", "O_CREAT", "O_TRUNC", ".fchmod(")


def test_no_other_copy_of_the_atomic_write() -> None:
    package = Path(files.__file__).parent
    found = []
    for source in sorted(package.rglob("*.py")):
        relative = source.relative_to(package)
        if relative.parts[0] == "storage" or str(relative) in OWN_WRITERS:
            continue  # storage/: SQLite files and backups, with their own guarantees and tests
        text = source.read_text(encoding="utf-8")
        found += [f"{relative}: {idiom}" for idiom in ATOMIC_WRITE_IDIOMS if idiom in text]
    assert found == []


def test_folders_made_before_a_failing_one_are_removed_again(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self.name == "c":
            raise OSError(errno.EDQUOT, "Disk quota exceeded")
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(OSError, match="quota"):
        write_private(tmp_path / "a" / "b" / "c" / "f", "x")
    with pytest.raises(OSError, match="quota"):
        private_dir(tmp_path / "a" / "b" / "c")
    assert list(tmp_path.iterdir()) == []
