"""The services of one open data folder, built in one place (the composition root hands them to the window).

The window works with these use cases only; it never builds a repository or reaches into the database's
sessions. Building the bundle is cheap: nothing here imports SQLAlchemy (writes load it when first needed,
or when :meth:`Services.prepare_writing` is called while the user reads the first question).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vitaalthuis.domain.tips import TipLibrary
from vitaalthuis.services.backups import BackupService
from vitaalthuis.services.checkins import CheckinService
from vitaalthuis.services.tips import TipService
from vitaalthuis.storage.checkins import CheckinRepository
from vitaalthuis.storage.db import Database
from vitaalthuis.storage.tips import TipStateRepository

if TYPE_CHECKING:
    from vitaalthuis.services.exchange import ExchangeService
    from vitaalthuis.services.mydata import MyDataService


@dataclass
class Services:
    database: Database
    checkins: CheckinService
    tips: TipService
    backups: BackupService
    _today: Callable[[], dt.date]
    _now: Callable[[], dt.datetime]
    _tip_library: TipLibrary | None

    # built when first used (the "My data" dialog): start-up does not import what they need
    @functools.cached_property
    def exchange(self) -> ExchangeService:
        from vitaalthuis.services.exchange import ExchangeService

        return ExchangeService(self.checkins.repo, self.database.path, today=self._today)

    @functools.cached_property
    def mydata(self) -> MyDataService:
        from vitaalthuis.services.mydata import MyDataService

        return MyDataService(self.database.path.parent, self.database, now=self._now)

    @property
    def data_dir(self) -> Path:
        return self.database.path.parent

    @property
    def writing_prepared(self) -> bool:
        return self.database.sessions.loaded

    def prepare_writing(self) -> None:
        """Load what writing needs (SQLAlchemy, about 0.2 s, once), so the first save does not wait."""
        self.database.sessions.load()

    def keep_daily_backup(self) -> None:
        """The daily backup now (if today has none yet) and at the first save of every new day after."""
        self.backups.ensure_daily()
        self.database.on_commit(self.backups.ensure_daily)

    def reconnect(self) -> None:
        """Close pooled connections: new ones open the file afresh (after a restore replaced it)."""
        self.database.close()

    def reopened(self) -> Services:
        """The same folder opened again (after everything was deleted: a new, empty database)."""
        self.database.close()
        return open_services(Database.open(self.data_dir), today=self._today, now=self._now,
                             tip_library=self._tip_library)

    def close(self) -> None:
        self.database.close()


def open_services(database: Database, *, today: Callable[[], dt.date] | None = None,
                  now: Callable[[], dt.datetime] | None = None,
                  tip_library: TipLibrary | None = None) -> Services:
    """Every use case over ``database``; ``today``/``now`` are injectable clocks, ``tip_library`` the
    shipped tips plus the organisation's (default: the shipped ones)."""
    today = today or dt.date.today
    now = now or dt.datetime.now
    repo = CheckinRepository(database.sessions)
    return Services(
        database=database,
        checkins=CheckinService(repo, today=today),
        tips=TipService(TipStateRepository(database.sessions), tip_library),
        backups=BackupService(database.path, now=now),
        _today=today,
        _now=now,
        _tip_library=tip_library,
    )
