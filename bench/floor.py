"""Floor scripts for the benchmarks: what the bare stack costs, to compare VitaalThuis against.

    python bench/floor.py window DB PROBE   # PySide6 + SQLAlchemy: a QMainWindow listing 520 rows of DB
    python bench/floor.py chart DB PROBE    # the same plus one matplotlib QtAgg canvas with a 520-point line

At the first paint the script writes "wall-clock time\\nmodules\\npeak RSS in KiB" to PROBE and quits, the
same probe format the app writes (VITAALTHUIS_STARTUP_PROBE).
"""

from __future__ import annotations

import resource
import sys
import time


def main() -> int:
    mode, db, probe = sys.argv[1:4]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QSplitter
    from sqlalchemy import create_engine, text

    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as c:
        rows = c.execute(text("SELECT week, value FROM floor ORDER BY week DESC")).all()
    window = QMainWindow()
    listing = QListWidget()
    listing.addItems([f"{week}: {value}" for week, value in rows])
    drawn = [mode != "chart"]
    if mode == "chart":
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        figure = Figure(figsize=(8, 4.5))
        ax = figure.add_subplot()
        ax.plot(range(len(rows)), [v for _w, v in rows], marker="o", markersize=3)
        splitter = QSplitter()
        splitter.addWidget(listing)
        canvas = FigureCanvasQTAgg(figure)
        canvas.mpl_connect("draw_event", lambda _event: drawn.__setitem__(0, True))
        splitter.addWidget(canvas)
        window.setCentralWidget(splitter)
    else:
        window.setCentralWidget(listing)
    window.resize(1040, 760)
    window.show()

    def done() -> None:
        if not drawn[0]:  # the chart is rendered at a turn of the event loop (as in the app): wait for it
            QTimer.singleShot(0, done)
            return
        with open(probe, "w", encoding="utf-8") as fh:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            fh.write(f"{time.time():.6f}\n\n{rss}\n")
        app.quit()

    QTimer.singleShot(0, done)
    return app.exec()


def make_floor_db(path: str, rows: int = 520) -> None:
    import random
    import sqlite3

    rng = random.Random(1)
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE IF NOT EXISTS floor (week TEXT PRIMARY KEY, value INTEGER)")
        con.executemany("INSERT OR REPLACE INTO floor VALUES (?, ?)",
                        [(f"{2016 + i // 52}-W{i % 52 + 1:02d}", rng.randint(0, 100)) for i in range(rows)])


if __name__ == "__main__":
    sys.exit(main())
