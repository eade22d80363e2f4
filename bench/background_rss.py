"""Memory and CPU of ``vitaalthuis --background`` against a bare PySide6 tray-icon script (the floor).

Both run side by side under the same X server (Xvfb) and, when ``dbus-daemon`` is installed, on the same
private session bus, as on a desktop. After ``--seconds`` idle (default 60) the resident memory (VmRSS) and
the CPU time used (user + system) are read from /proc for both, and the CPU time of the idle stretch alone
(from a few seconds after the start to the end). The helper runs with a data folder holding a year of demo
check-ins and a reminder already shown this week: the idle state of most of a week.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python bench/background_rss.py
    (``make bench`` runs it as part of bench/run.py)

Numbers only, never assertions. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.2  # the helper's memory at most 1.2 times the bare tray script's
SETTLE_S = 5.0  # start-up is over by then: the idle CPU is counted from here

FLOOR = """
import sys
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
tray = QSystemTrayIcon(QIcon(sys.argv[1]))
tray.setToolTip("floor")
tray.show()
sys.exit(app.exec())
"""


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime (fields 14 and 15 of stat)


def _session_bus(tmp: Path) -> tuple[subprocess.Popen[str] | None, str | None]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        return None, None
    command = [daemon, "--session", "--nofork", "--print-address=1", f"--address=unix:dir={tmp}"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def _prepare(tmp: Path, exe: str, env: dict[str, str]) -> Path:
    data = tmp / "data"
    subprocess.run([exe, "--data-dir", str(data), "demo-data", "--weeks", "52"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    folder = Path(env["XDG_CONFIG_HOME"]) / "VitaalThuis"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps({"language": "nl", "welcomed": True}))
    now = dt.datetime.now().replace(microsecond=0)
    week = f"{now.isocalendar().year:04d}-W{now.isocalendar().week:02d}"
    state = json.dumps({"shown_week": week, "shown_at": now.isoformat(), "snoozed_until": None,
                        "snoozed_week": None, "dismissed_week": None})
    (folder / "VitaalThuis.conf").write_text("[reminder]\nstate=" + json.dumps(state) + "\n")
    return data


def measure(seconds: float = 60.0, tmp: Path | None = None) -> dict[str, float]:
    """Run both, wait ``seconds``, read /proc; returns MiB, CPU seconds and the ratio."""
    root = Path(tempfile.mkdtemp(prefix="vt-bg-bench-")) if tmp is None else tmp
    root.mkdir(parents=True, exist_ok=True)
    exe = str(Path(sys.executable).with_name("vitaalthuis"))
    env = {**os.environ, "XDG_CONFIG_HOME": str(root / "config"), "XDG_STATE_HOME": str(root / "state"),
           "XDG_DATA_HOME": str(root / "share"), "VITAALTHUIS_POLICY": str(root / "no-policy.toml")}
    env.pop("QT_QPA_PLATFORM", None)  # the real X server (Xvfb), as on a desktop
    bus, address = _session_bus(root)
    if address:
        env["DBUS_SESSION_BUS_ADDRESS"] = address
    from vitaalthuis.resources import resource

    icon = str(resource("icons", "nl.vitaalthuis.VitaalThuis.svg"))
    processes: dict[str, subprocess.Popen[bytes]] = {}
    try:
        data = _prepare(root, exe, env)
        processes["floor"] = subprocess.Popen([sys.executable, "-c", FLOOR, icon], env=env,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes["helper"] = subprocess.Popen([exe, "--data-dir", str(data), "--background"], env=env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(SETTLE_S)
        settled = {who: cpu_seconds(p.pid) for who, p in processes.items()}
        time.sleep(max(0.0, seconds - SETTLE_S))
        result: dict[str, float] = {"seconds": seconds, "dbus": float(bool(address))}
        for who, process in processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{who} ended early with status {process.returncode}")
            result[f"{who}_rss_mib"] = rss_kib(process.pid) / 1024
            result[f"{who}_cpu_s"] = cpu_seconds(process.pid)
            result[f"{who}_idle_cpu_s"] = result[f"{who}_cpu_s"] - settled[who]
        result["ratio"] = result["helper_rss_mib"] / result["floor_rss_mib"]
        return result
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(timeout=30)
        if bus is not None:
            bus.terminate()
            bus.wait(timeout=10)
        if tmp is None:
            shutil.rmtree(root, ignore_errors=True)


def lines(result: dict[str, float]) -> list[str]:
    """The rows for bench/results.md."""
    ratio = result["ratio"]
    verdict = f"≤ {GOAL}× {'met' if ratio <= GOAL else 'NOT met'}"
    return [
        "| figure | `vitaalthuis --background` | bare tray script | ratio | target |",
        "|---|---|---|---|---|",
        f"| resident memory (VmRSS) after {result['seconds']:.0f} s | {result['helper_rss_mib']:.1f} MiB | "
        f"{result['floor_rss_mib']:.1f} MiB | {ratio:.2f}× | {verdict} |",
        f"| CPU time since the start (user + system) | {result['helper_cpu_s']:.2f} s | "
        f"{result['floor_cpu_s']:.2f} s | — | — |",
        f"| CPU time of the idle stretch ({SETTLE_S:.0f}–{result['seconds']:.0f} s) | "
        f"{result['helper_idle_cpu_s']:.2f} s | {result['floor_idle_cpu_s']:.2f} s | — | — |",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    result = measure(args.seconds)
    print("\n".join(lines(result)))
    print(f"(session bus: {'a private dbus-daemon' if result['dbus'] else 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
