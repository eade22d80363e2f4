"""Slow work off the UI thread, its outcome back on it (the shape of Anki's background operations).

:func:`run_in_background` runs ``work(progress)`` on a thread of Qt's global pool. ``on_done(result)`` or
``on_failed(error)``, and ``on_progress(done, total)`` for every ``progress(done, total)`` the work reports,
are called on the UI thread: the worker only emits signals of a relay object that lives on the UI thread,
and Qt queues them there. Nothing calls ``processEvents``.

``work`` must not touch a widget or any other Qt object: give it plain data (a closure over copies of what it
needs). ``progress`` is a plain function, safe to call from the worker. When ``parent`` is destroyed before
the work ends, the work still runs to its end but no callback is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

T = TypeVar("T")
Progress = Callable[[int, int], None]

_running: set[_Relay] = set()  # a relay lives until its outcome is delivered (it has no Qt parent)


class _Relay(QObject):
    """Created on the UI thread, so its slots run there; the worker thread only emits its signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    raised = Signal(object)

    def __init__(self, parent: QObject, on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None], on_progress: Progress | None) -> None:
        super().__init__()
        self.owner = parent
        self.on_done, self.on_failed, self.on_progress = on_done, on_failed, on_progress
        self.progressed.connect(self._progressed)
        self.succeeded.connect(self._succeeded)
        self.raised.connect(self._raised)

    def _owner_alive(self) -> bool:
        return shiboken6.isValid(self.owner)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.on_progress is not None and self._owner_alive():
            self.on_progress(done, total)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        _running.discard(self)
        if self._owner_alive():
            self.on_done(result)

    @Slot(object)
    def _raised(self, error: BaseException) -> None:
        _running.discard(self)
        if self._owner_alive():
            self.on_failed(error)


def run_in_background(parent: QObject, work: Callable[[Progress], T], on_done: Callable[[T], None],
                      on_failed: Callable[[BaseException], None],
                      on_progress: Progress | None = None) -> None:
    """Start ``work`` on a pool thread and return at once; see the module's docstring for the callbacks."""
    relay = _Relay(parent, on_done, on_failed, on_progress)
    _running.add(relay)

    def report(done: int, total: int) -> None:
        relay.progressed.emit(done, total)

    def run() -> None:
        try:
            result = work(report)
        except BaseException as error:  # noqa: BLE001 - every failure goes to on_failed, on the UI thread
            relay.raised.emit(error)
        else:
            relay.succeeded.emit(result)

    QThreadPool.globalInstance().start(run)
