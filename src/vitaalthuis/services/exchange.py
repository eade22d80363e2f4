"""Import and export use cases: all-or-nothing import with a backup first, JSON and CSV export.

Demo data stays marked (docs/exchange-format.md, "Demo data"): a JSON export of a database marked as demo
data says ``"demo": true``, and importing such a file marks the database, in the same transaction as the
check-ins. One data folder never mixes the two: demo data is refused where real check-ins or drafts are,
and real check-ins are refused where demo data is; nothing changes then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from vitaalthuis.domain.checkin import CheckIn
from vitaalthuis.domain.csv_export import export_csv
from vitaalthuis.domain.exchange import ImportParse, ImportProblem, export_json, parse_import
from vitaalthuis.domain.weeks import IsoWeek
from vitaalthuis.services.demo import is_demo
from vitaalthuis.storage.backup import operation_backup
from vitaalthuis.storage.checkins import META_DEMO, CheckinRepository
from vitaalthuis.storage.errors import NotEmptyError, WeekConflictError


class ImportRejectedError(ValueError):
    """Nothing was imported; ``problems`` says why, each with its check-in number, week and item."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass(frozen=True)
class ImportPreview:
    added: list[IsoWeek] = field(default_factory=list)
    replaced: list[IsoWeek] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult(ImportPreview):
    backup: Path | None = None


def _conflicts(checkins: list[CheckIn], taken: Container[IsoWeek]) -> list[ImportProblem]:
    """A ``week_exists`` problem for each check-in whose week is ``taken`` (numbered by its place)."""
    return [ImportProblem(i, str(c.week), None, "week_exists", "use --replace to overwrite it")
            for i, c in enumerate(checkins, start=1) if c.week in taken]


def _file_problem(code: str) -> list[ImportProblem]:
    return [ImportProblem(None, None, None, code)]


class ExchangeService:
    def __init__(self, repo: CheckinRepository, db_path: Path,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self.repo = repo
        self.db_path = db_path
        self._today = today

    def preview(self, data: bytes | str, *, replace: bool = False) -> tuple[ImportPreview, list[CheckIn]]:
        """What an import would do, and the check-ins; raises ImportRejectedError when it would fail."""
        preview, parsed = self._check(data, replace=replace)
        return preview, parsed.checkins

    def _check(self, data: bytes | str, *, replace: bool) -> tuple[ImportPreview, ImportParse]:
        parsed = parse_import(data, today=self._today())
        if parsed.problems:
            raise ImportRejectedError(parsed.problems)
        mixed = self._mixing(parsed)
        if mixed:
            raise ImportRejectedError(mixed)
        existing = self.repo.weeks()
        conflicts = _conflicts(parsed.checkins, existing)
        if conflicts and not replace:
            raise ImportRejectedError(conflicts)
        added = [c.week for c in parsed.checkins if c.week not in existing]
        replaced = [c.week for c in parsed.checkins if c.week in existing]
        return ImportPreview(added, replaced), parsed

    def _mixing(self, parsed: ImportParse) -> list[ImportProblem]:
        """A problem when the import would mix demo data and real check-ins in one data folder (a file
        without check-ins changes nothing, so it mixes nothing)."""
        if not parsed.checkins:
            return []
        demo_here = is_demo(self.repo)
        if parsed.demo and not demo_here and (self.repo.count() or self.repo.drafts()):
            return _file_problem("demo_into_real_data")
        if not parsed.demo and demo_here:
            return _file_problem("real_into_demo_data")
        return []

    def import_data(self, data: bytes | str, *, replace: bool | AbstractSet[IsoWeek] = False) -> ImportResult:
        """All or nothing. Which weeks exist is decided again inside the write transaction (under the write
        lock), so of two imports of the same new week started together exactly one stores it; the other is
        refused with a ``week_exists`` problem per week, as the preview would have been. ``replace``: True
        for any week (``--replace``), or the weeks the user agreed to replace (the window's preview).

        A demo file marks an empty database as demo data in the same transaction, and emptiness is decided
        again under the write lock: a check-in saved elsewhere meanwhile makes it a ``demo_into_real_data``
        refusal, never real answers under the demo mark."""
        _preview, parsed = self._check(data, replace=bool(replace))
        checkins = parsed.checkins
        allowed = replace if isinstance(replace, bool) else frozenset(str(w) for w in replace)
        mark = bool(parsed.demo and checkins and not is_demo(self.repo))
        backup = operation_backup(self.db_path, "import") if checkins and self.repo.count() else None
        try:
            saved = self.repo.save_many(checkins, replace=allowed, drop_drafts=False,
                                        meta={META_DEMO: "1"} if mark else None, require_empty=mark)
        except WeekConflictError as exc:
            taken = {c.week for c in checkins if str(c.week) in exc.weeks}
            raise ImportRejectedError(_conflicts(checkins, taken)) from None
        except NotEmptyError:
            raise ImportRejectedError(_file_problem("demo_into_real_data")) from None
        return ImportResult(saved.added, saved.replaced, backup)

    def export(self, fmt: str = "json") -> str:
        checkins = self.repo.all()
        if fmt == "csv":  # CSV has no place for the demo mark (docs/exchange-format.md, "Demo data")
            return export_csv(checkins)
        return export_json(checkins, demo=is_demo(self.repo))
