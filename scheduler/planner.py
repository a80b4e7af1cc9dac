"""Planning: due events become outbox rows, set-based and idempotent (unique event+target+kind).

Each run plans the deliveries whose send time falls in [now - late grace, now + plan ahead].
Reminders are one INSERT ... SELECT per event: the few distinct preference combinations
(timezone, hour, quiet hours, leads) get their send time from scheduler.timing in Python, and
join the users table as a VALUES list, so the time rule exists once and the users never leave
the database.

The reminders due within `spread_ahead_minutes` are counted per send time first: where they
are more than the rate can send by that time, scheduler.spread starts them earlier (their
next_attempt_at), and they are planned as soon as that start comes within `plan_ahead`.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

import structlog
from sqlalchemy import (
    Integer,
    SmallInteger,
    String,
    and_,
    case,
    cast,
    column,
    exists,
    func,
    literal,
    select,
    type_coerce,
    update,
    values,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from astro.errors import InvalidTimezoneError
from core.config import Settings
from core.event_text import one_entry_per_moon
from core.languages import DEFAULT_LANGUAGE
from models.base import UTCDateTime
from models.delivery import Delivery, DeliveryKind, DeliveryStatus, TargetType
from models.event import AstroEvent
from models.membership import MEMBERSHIP_MAX_AGE
from models.upsert import dialect_insert, is_postgres
from models.user import User
from scheduler.spread import Group, Spread, spread
from scheduler.timing import ReminderPrefs, reminder_time

log = structlog.get_logger(__name__)

# A reminder may move up to a day earlier for the preferred hour and a day for quiet hours.
_REMINDER_SHIFT = timedelta(days=2)
WEB_EVERYONE = "*"
# (start, length) of the hyphen-separated groups of a UUID's 32 hex digits, 1-based for SQL.
_UUID_GROUPS = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))


# The share of the rate the planner counts on: claims, retries and channel posts take the rest.
_USABLE_RATE = 0.9


@dataclass(frozen=True, slots=True)
class PlanReport:
    """How many rows one planning run inserted (rows planned before are not counted).

    `shortfall` reminders are expected to go out after their time, by up to `late_seconds`:
    more are due than the rate can send.
    """

    announcements: int = 0
    reminders: int = 0
    web_pushes: int = 0
    shortfall: int = 0
    late_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class _Window:
    start: datetime
    end: datetime

    def __contains__(self, instant: datetime) -> bool:
        return self.start <= instant <= self.end


async def plan_deliveries(session: AsyncSession, settings: Settings, now: datetime) -> PlanReport:
    """Insert every delivery due soon that is not in the outbox yet; the caller commits."""
    config = settings.scheduler
    window = _Window(
        now - timedelta(minutes=config.late_grace_minutes),
        now + timedelta(minutes=config.plan_ahead_minutes),
    )
    leads = config.announce_leads_minutes
    announced = await _events(
        session,
        window.start + timedelta(minutes=min(leads, default=0)),
        window.end + timedelta(minutes=max(leads, default=0)),
        min_significance=config.announce_min_significance,
    )
    announcements = web_pushes = 0
    for event in announced:
        for lead in leads:
            if event.occurs_at - timedelta(minutes=lead) in window:
                announcements += await _insert_rows(session, _channel_rows(settings, event, lead))
                web_pushes += await _insert_rows(session, [_web_row(event, lead)])
    reminders, late = await _plan_reminders(session, settings, now, window)
    return PlanReport(announcements, reminders, web_pushes, late.shortfall, late.late_seconds)


async def _events(
    session: AsyncSession, start: datetime, end: datetime, *, min_significance: float = 0.0
) -> list[AstroEvent]:
    result = await session.execute(
        select(AstroEvent)
        .where(
            AstroEvent.occurs_at.between(start, end),
            AstroEvent.significance >= min_significance,
        )
        .order_by(AstroEvent.occurs_at)
    )
    # A supermoon's channel post speaks for its full moon: one post, not two.
    return one_entry_per_moon(result.scalars())


def _planned(event: AstroEvent, kind: DeliveryKind, lead: int) -> dict[str, Any]:
    due = event.occurs_at - timedelta(minutes=lead)
    return {
        "event_id": event.id,
        "kind": kind.value,
        "lead_minutes": lead,
        "due_at": due,
        "next_attempt_at": due,
    }


def _channel_rows(settings: Settings, event: AstroEvent, lead: int) -> list[dict[str, Any]]:
    return [
        {
            **_planned(event, DeliveryKind.ANNOUNCEMENT, lead),
            "target_type": TargetType.CHANNEL.value,
            "target_id": str(chat),
            # The shared channel ("*") speaks the default language.
            "language": DEFAULT_LANGUAGE if language == "*" else language,
        }
        for language, chat in settings.telegram.channels.items()
    ]


def _web_row(event: AstroEvent, lead: int) -> dict[str, Any]:
    # One row per event and lead; the worker publishes it once per language.
    return {
        **_planned(event, DeliveryKind.WEB_PUSH, lead),
        "target_type": TargetType.WEB.value,
        "target_id": WEB_EVERYONE,
    }


async def _insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    statement = dialect_insert(session, Delivery).values(rows).on_conflict_do_nothing()
    result = await session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]


def _eligible(settings: Settings, now: datetime) -> ColumnElement[bool]:
    """Active users who did not block the bot and, when reminders are gated, are members."""
    condition = and_(User.is_active.is_(True), User.bot_blocked_at.is_(None))
    telegram = settings.telegram
    if telegram.members_channel is not None and "reminders" in telegram.gated_features:
        # models.membership.membership_is_current, as a predicate over all users at once.
        condition = and_(
            condition,
            User.is_telegram_subscribed.is_(True),
            User.subscription_checked_at >= now - MEMBERSHIP_MAX_AGE,
        )
    return condition


async def _plan_reminders(
    session: AsyncSession, settings: Settings, now: datetime, window: _Window
) -> tuple[int, Spread]:
    config = settings.scheduler
    eligible = _eligible(settings, now)
    combos = (
        await session.execute(
            select(
                User.timezone,
                User.reminder_hour,
                User.quiet_hours_start,
                User.quiet_hours_end,
                User.reminder_leads_minutes,
            )
            .where(eligible)
            .distinct()
        )
    ).all()
    ahead = _Window(window.start, now + timedelta(minutes=config.spread_ahead_minutes))
    max_lead = max((max(leads or [0]) for *_, leads in combos), default=0)
    events = await _events(
        session, ahead.start, ahead.end + timedelta(minutes=max_lead) + _REMINDER_SHIFT
    )
    slots = {event.id: _slots(event.occurs_at, combos, ahead) for event in events}
    groups = [
        group
        for event in events
        if slots[event.id]
        for group in await _groups(session, event, slots[event.id], eligible, now)
    ]
    plan = spread(groups, config.rate_per_second * _USABLE_RATE, now)
    planned = 0
    for event in events:
        starts = {
            # A group already due counts from now: its start is its send time, or earlier.
            slot: min(slot.send_at, plan.starts.get((event.id, slot.send_at), slot.send_at))
            for slot in slots[event.id]
        }
        due = [slot for slot, start in starts.items() if start <= window.end]
        if due:
            planned += await _insert_reminders(session, event, due, starts, eligible)
            await _start_earlier(session, event, due, starts)
    return planned, plan


class _Slot(NamedTuple):
    """One send time shared by every user with the same zone, hour, quiet hours and lead."""

    timezone: str
    hour: int | None
    quiet_start: int | None
    quiet_end: int | None
    lead: int
    send_at: datetime


def _slots(occurs_at: datetime, combos: Any, window: _Window) -> list[_Slot]:
    """The reminder slots of an event whose send time falls in the window."""
    slots: dict[tuple[str, int | None, int | None, int | None, int], datetime] = {}
    for timezone, hour, quiet_start, quiet_end, leads in combos:
        for lead in leads or ():
            key = (timezone, hour, quiet_start, quiet_end, int(lead))
            if key in slots:
                continue
            prefs = ReminderPrefs(timezone, int(lead), hour, quiet_start, quiet_end)
            try:
                send_at = reminder_time(occurs_at, prefs)
            except InvalidTimezoneError:
                # A zone this tzdata does not know: those users wait, everybody else is planned.
                log.warning("reminders skipped for an unknown time zone", timezone=timezone)
                continue
            if send_at in window:
                slots[key] = send_at
    return [_Slot(*key, send_at) for key, send_at in slots.items()]


def _slots_table(slots: list[_Slot], starts: dict[_Slot, datetime] | None = None) -> Any:
    return (
        values(
            column("timezone", String),
            column("hour", Integer),
            column("quiet_start", Integer),
            column("quiet_end", Integer),
            column("lead", Integer),
            column("send_at", UTCDateTime()),
            column("start", UTCDateTime()),
            name="slots",
        )
        .data([(*slot, (starts or {}).get(slot, slot.send_at)) for slot in slots])
        .cte("slots")
    )


def _recipients(
    session: AsyncSession, event: AstroEvent, table: Any, eligible: ColumnElement[bool]
) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """How users join their slot, and which of them want this event's reminder at its lead."""
    postgres = is_postgres(session)
    slot = table.c
    return and_(
        User.timezone == slot.timezone,
        # An all-NULL VALUES column has no type on PostgreSQL: name it.
        User.reminder_hour.is_not_distinct_from(cast(slot.hour, SmallInteger)),
        User.quiet_hours_start.is_not_distinct_from(cast(slot.quiet_start, SmallInteger)),
        User.quiet_hours_end.is_not_distinct_from(cast(slot.quiet_end, SmallInteger)),
    ), and_(
        eligible,
        _json_array_has(User.reminder_kinds, literal(event.kind), postgres),
        _json_array_has(User.reminder_leads_minutes, slot.lead, postgres),
    )


async def _groups(
    session: AsyncSession,
    event: AstroEvent,
    slots: list[_Slot],
    eligible: ColumnElement[bool],
    now: datetime,
) -> list[Group]:
    """Telegram reminders of `event` per send time, less those already sent or given up."""
    table = _slots_table(slots)
    joined, wanted = _recipients(session, event, table, eligible)
    counted = await session.execute(
        select(table.c.send_at, func.count())
        .select_from(User)
        .join(table, joined)
        .where(wanted, User.telegram_user_id.is_not(None))
        .group_by(table.c.send_at)
    )
    done: dict[datetime, int] = dict(
        (
            await session.execute(
                select(Delivery.due_at, func.count())
                .where(
                    Delivery.event_id == event.id,
                    Delivery.kind == DeliveryKind.REMINDER,
                    Delivery.target_type == TargetType.USER,
                    Delivery.status != DeliveryStatus.PENDING,
                )
                .group_by(Delivery.due_at)
            )
        ).all()
    )
    return [
        # Due already: its messages are being sent now, taking the rate from those after it.
        Group((event.id, send_at), max(send_at, now), count - done.get(send_at, 0))
        for send_at, count in counted.all()
        if count > done.get(send_at, 0)
    ]


async def _start_earlier(
    session: AsyncSession, event: AstroEvent, slots: list[_Slot], starts: dict[_Slot, datetime]
) -> None:
    """Rows planned before with a later start (more were due than then known) start earlier."""
    for slot in slots:
        start = starts[slot]
        if start >= slot.send_at:
            continue
        await session.execute(
            update(Delivery)
            .where(
                Delivery.event_id == event.id,
                Delivery.kind == DeliveryKind.REMINDER,
                Delivery.target_type == TargetType.USER,
                Delivery.due_at == slot.send_at,
                Delivery.status == DeliveryStatus.PENDING,
                # Never tried: a row waiting out a back-off keeps it.
                Delivery.attempts == 0,
                Delivery.next_attempt_at > start,
            )
            .values(next_attempt_at=start)
            .execution_options(synchronize_session=False)
        )


async def _insert_reminders(
    session: AsyncSession,
    event: AstroEvent,
    slots: list[_Slot],
    starts: dict[_Slot, datetime],
    eligible: ColumnElement[bool],
) -> int:
    postgres = is_postgres(session)
    table = _slots_table(slots, starts)
    slot = table.c
    joined, wanted = _recipients(session, event, table, eligible)
    web = User.telegram_user_id.is_(None)
    select_rows = (
        select(
            literal(event.id, User.id.type),
            # People without Telegram (web accounts) get their reminders as web pushes.
            case((web, literal(TargetType.WEB.value)), else_=literal(TargetType.USER.value)),
            _uuid_text(User.id, postgres),
            User.id,
            literal(DeliveryKind.REMINDER.value),
            slot.lead,
            literal(DeliveryStatus.PENDING.value),
            literal(0),
            slot.send_at,
            # Web pushes take nothing from Telegram's rate: they need no early start.
            case((web, slot.send_at), else_=slot.start),
        )
        .select_from(User)
        .join(table, joined)
        .where(wanted)
    )
    statement = (
        dialect_insert(session, Delivery)
        .from_select(
            [
                "event_id",
                "target_type",
                "target_id",
                "user_id",
                "kind",
                "lead_minutes",
                "status",
                "attempts",
                "due_at",
                "next_attempt_at",
            ],
            select_rows,
        )
        .on_conflict_do_nothing()
        # SQLite reports no rowcount for a statement opening with WITH; count what came back.
        .returning(Delivery.id)
    )
    result = await session.execute(statement)
    return len(result.all())


def _uuid_text(column: Any, postgres: bool) -> ColumnElement[str]:
    """A UUID as canonical text (8-4-4-4-12, hyphens) on both databases: str(uuid) in Python."""
    text = cast(column, String)
    if postgres:
        return text
    # SQLite stores UUIDs as 32 hex digits: put the hyphens in.
    groups = [func.substr(text, start, length, type_=String) for start, length in _UUID_GROUPS]
    joined: ColumnElement[str] = groups[0]
    for group in groups[1:]:
        joined = joined + "-" + group
    return func.lower(joined, type_=String)


def _json_array_has(array: Any, value: ColumnElement[Any], postgres: bool) -> ColumnElement[bool]:
    """`value` is an element of the JSON array (jsonb @> on PostgreSQL, json_each on SQLite)."""
    if postgres:
        return type_coerce(array, JSONB).contains(func.to_jsonb(value))
    elements = func.json_each(array).table_valued("value")
    return exists().select_from(elements).where(elements.c.value == value)
