"""SQLAlchemy 2 typed models. Raw answers only: scores are derived by the domain, never stored here."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class CheckinRow(Base):
    """One finished check-in; exactly one per ISO week."""

    __tablename__ = "checkin"
    __table_args__ = (
        UniqueConstraint("week", name="uq_checkin_week"),
        CheckConstraint("week GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'", name="ck_checkin_week"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    week: Mapped[str] = mapped_column(String(8))
    scoring_version: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    answers: Mapped[list[AnswerRow]] = relationship(
        back_populates="checkin", cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class AnswerRow(Base):
    """One raw answer: the item id and its value as JSON (an integer code, a number, a list or text)."""

    __tablename__ = "answer"

    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkin.id", ondelete="CASCADE"), primary_key=True)
    item: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    checkin: Mapped[CheckinRow] = relationship(back_populates="answers")


class DraftRow(Base):
    """Answers of a check-in in progress (new or an edit of an existing week), saved at every page change."""

    __tablename__ = "draft"

    week: Mapped[str] = mapped_column(String(8), primary_key=True)
    answers: Mapped[str] = mapped_column(Text)  # JSON object
    page: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MetaRow(Base):
    """Small facts about the database itself (e.g. that it holds synthetic demo data)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TipShownRow(Base):
    """A tip was shown for the check-in of this ISO week (so it is not repeated within six weeks)."""

    __tablename__ = "tip_shown"

    week: Mapped[str] = mapped_column(String(8), primary_key=True)
    tip_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class TipFeedbackRow(Base):
    """The user's word on a tip: "helpful" or "not_for_me" (the latter never returns)."""

    __tablename__ = "tip_feedback"
    __table_args__ = (CheckConstraint("value IN ('helpful', 'not_for_me')", name="ck_tip_feedback_value"),)

    tip_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
