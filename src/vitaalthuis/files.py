"""Writing the app's own files: whole or not at all, private whatever the umask.

Every file the app writes outside SQLite (settings, the autostart entry, exports, the report, chart images)
goes through :func:`write_private`: the bytes go to a temporary file beside the target, are flushed to disk,
and the temporary file is renamed over the target. A crash or a full disk leaves either the old file or the
new one, never half of one; on every failure the temporary file, and any folder made for it, is removed.

The mode is set explicitly (``fchmod``/``chmod``), because the mode given to ``open``/``mkdir`` is filtered by
the umask only one way: a umask of 000 must not make the user's answers readable, or the autostart entry
(which runs at login) writable, by others. Folders the app creates are made 0700 (:func:`private_dir`); a
folder that already exists is the user's and is left as it is.

The temporary file gets a random name and is created exclusively (``mkstemp``): the target may be in a shared
folder such as /tmp, where a fixed name could be a symlink planted by another user.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_POSIX = os.name == "posix"


def private_dir(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) with mode 0700; an existing folder is left as it is.

    Raises OSError when a folder cannot be made (e.g. a file is in the way)."""
    _make_dirs(folder)
    return folder


def _make_dirs(folder: Path) -> list[Path]:
    """Make the missing folders of ``folder`` 0700; returns the ones this call made, outermost first."""
    missing = []
    for parent in (folder, *folder.parents):
        if parent.exists():
            break
        missing.append(parent)
    created: list[Path] = []
    try:
        for path in reversed(missing):
            try:
                path.mkdir(mode=PRIVATE_DIR)
            except FileExistsError:
                continue  # made by someone else meanwhile: not ours to change
            created.append(path)
            if _POSIX:
                os.chmod(path, PRIVATE_DIR)  # mkdir's mode is filtered by the umask; chmod is not
    except BaseException:
        _remove_dirs(created)  # half a chain of folders is no use to anyone
        raise
    return created


def _remove_dirs(created: list[Path]) -> None:
    """Undo :func:`_make_dirs` after a failure, innermost first; a folder no longer empty stays."""
    for path in reversed(created):
        with contextlib.suppress(OSError):
            path.rmdir()


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; elsewhere a no-op; never an error: the data is safe)."""
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_private(path: Path, data: bytes | str, *, mode: int = PRIVATE_FILE) -> Path:
    """Write ``data`` (text as UTF-8, newlines untouched) to ``path`` atomically, with exactly ``mode``.

    Missing parent folders are created 0700. An existing file is replaced (its old mode is not kept).
    Raises OSError with nothing changed: the old file (if any) intact, no temporary file, no new folder."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    created = _make_dirs(path.parent)
    tmp: Path | None = None
    try:
        import tempfile  # here: it pulls in shutil and random, which start-up does not need

        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        tmp = Path(name)
        try:
            if _POSIX:
                os.fchmod(fd, mode)  # mkstemp made it 0600; the autostart entry is 0644
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        _remove_dirs(created)
        raise
    fsync_dir(path.parent)
    return path


# -- reading files someone else chose -----------------------------------------------------------------------
class NotAFileError(OSError):
    """The path is a folder, a FIFO, a device or a socket, not a regular file; it was not read."""

    def __init__(self, is_dir: bool) -> None:
        super().__init__("a folder" if is_dir else "not a regular file")
        self.is_dir = is_dir


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a regular file (one more than allowed shows that there is more).

    Opened with O_NONBLOCK, so a FIFO without a writer cannot hang the open; the type is checked with fstat
    on the open descriptor (no race with a path swapped in between), and a folder, FIFO, device or socket
    raises NotAFileError unread: ``/dev/zero`` would never end. Raises OSError when it cannot be opened."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotAFileError(stat.S_ISDIR(mode))
    with os.fdopen(fd, "rb") as fh:  # O_NONBLOCK does not affect a regular file: this reads to the limit
        return fh.read(limit + 1)
