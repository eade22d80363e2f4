"""Running the helper as a real process (``python -m vitaalthuis --background``) against a temporary data
folder: its environment, its probe file, and waiting for its checks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# What a click starts instead of the window: it appends its arguments to the file named first.
MARKER = "import json, sys; open(sys.argv[1], 'a').write(json.dumps(sys.argv[2:]) + '\\n')"
WAIT_S = 30.0


@dataclass
class Helper:
    process: subprocess.Popen[str]
    probe: Path
    log_dir: Path
    seen: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def info(self) -> dict[str, Any]:
        try:
            return json.loads(self.probe.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def wait_check(self, after: int | None = None, timeout: float = WAIT_S) -> dict[str, Any]:
        """Wait for a check later than ``after`` (default: the last one seen) and return the probe."""
        after = self.seen if after is None else after
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            info = self.info()
            if info.get("checks", 0) > after:
                self.seen = info["checks"]
                return info
            assert self.process.poll() is None, f"the helper ended: {self.process.returncode}, {self.log()}"
            time.sleep(0.05)
        raise AssertionError(f"no check after {after} within {timeout} s; log: {self.log()}")

    def check_now(self) -> dict[str, Any]:
        self.process.send_signal(signal.SIGUSR1)
        return self.wait_check()

    def log(self) -> str:
        path = self.log_dir / "vitaalthuis.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=WAIT_S)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture
def helper_env(tmp_path: Path) -> dict[str, str]:
    """Every folder in the test's own tmp, Qt offscreen, no session bus unless a test adds one, the
    reminder due (Monday 00:00, so any moment of the week is past it) and a marker instead of the window."""
    config = Path(os.environ["XDG_CONFIG_HOME"])
    (config / "VitaalThuis").mkdir(parents=True, exist_ok=True)
    (config / "VitaalThuis" / "settings.json").write_text(
        json.dumps({"language": "nl", "welcomed": True, "reminder_day": 1, "reminder_time": "00:00"}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "VITAALTHUIS_BACKGROUND"))}
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",  # nothing there: no notifications
        "VITAALTHUIS_BACKGROUND_PROBE": str(tmp_path / "probe.json"),
        "VITAALTHUIS_BACKGROUND_LAUNCH": json.dumps([sys.executable, "-c", MARKER, str(tmp_path / "marker")]),
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    return env


@pytest.fixture
def start_helper(helper_env: dict[str, str], tmp_path: Path) -> Iterator[Callable[..., Helper]]:
    started: list[Helper] = []

    def start(folder: Path, env: dict[str, str] | None = None, probe: Path | None = None) -> Helper:
        env = dict(env or helper_env)
        probe = probe or Path(env["VITAALTHUIS_BACKGROUND_PROBE"])
        env["VITAALTHUIS_BACKGROUND_PROBE"] = str(probe)
        with open(tmp_path / f"helper-{len(started)}.err", "w", encoding="utf-8") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "vitaalthuis", "--data-dir", str(folder), "--background"],
                env=env, stdout=subprocess.DEVNULL, stderr=err, text=True)
        helper = Helper(process, probe, Path(env["XDG_STATE_HOME"]) / "VitaalThuis" / "log")
        started.append(helper)
        return helper

    yield start
    for helper in started:
        helper.stop()


def marker_calls(tmp_path: Path) -> list[list[str]]:
    path = tmp_path / "marker"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
