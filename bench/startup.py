"""Start-up time of `vitaalthuis` (process start → main window shown and painted), median of N runs.

    xvfb-run -a .venv/bin/python bench/startup.py [--runs 5] [--weeks 0]

Each run starts the real console script in a fresh process with a temporary data folder; the app writes
the time of its first painted window to a probe file (VITAALTHUIS_STARTUP_PROBE) and quits.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one_run(exe: Path, data_dir: Path, config: Path) -> tuple[float, str]:
    probe = data_dir.parent / "probe.txt"
    probe.unlink(missing_ok=True)
    env = {**os.environ, "VITAALTHUIS_STARTUP_PROBE": str(probe), "XDG_CONFIG_HOME": str(config)}
    start = time.time()
    subprocess.run([str(exe), "--data-dir", str(data_dir)], env=env, check=True, timeout=60)
    stamp, modules = probe.read_text().split("\n")[:2]
    return float(stamp) - start, modules


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("vitaalthuis")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = root / "config"
        (config / "VitaalThuis").mkdir(parents=True)
        (config / "VitaalThuis" / "settings.json").write_text('{"language": "nl", "welcomed": true}')
        one_run(exe, root / "data", config)  # first run creates and migrates the database
        times, loaded = [], set()
        for _ in range(args.runs):
            seconds, modules = one_run(exe, root / "data", config)
            times.append(seconds)
            loaded |= set(filter(None, modules.split(",")))
    print(f"start-up to shown window: median {statistics.median(times):.3f} s over {len(times)} runs "
          f"(min {min(times):.3f}, max {max(times):.3f}); heavy modules loaded: {sorted(loaded) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
