"""Admin commands for TELEGRAM_ADMIN_IDS: /stats and /broadcast (preview, then confirm).

A confirmed broadcast becomes one outbox row per reachable user, written in one bulk INSERT
inside the update's transaction: Delivery(kind="broadcast", target_type="user",
target_id=str(user.id), user_id=user.id, event_id=None, lead_minutes=0, language=None,
payload={"text": <plain text as the admin typed it>, "language": <"ru" or None for all>}).
The scheduler's delivery workers send them under Telegram's rate limits.
"""

import secrets
from datetime import UTC, datetime
from html import escape

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.types import User as TelegramUser
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.keyboards.callbacks import BroadcastConfirm
from core.config import Settings
from core.i18n import LANGUAGE_NATIVE_NAMES, LANGUAGES, Translator
from models.delivery import Delivery, DeliveryKind, DeliveryStatus, TargetType
from models.user import User

BROADCAST_KEY = "broadcast"
MAX_BROADCAST_LENGTH = 4096


def is_admin(event: TelegramObject, settings: Settings, event_from_user: TelegramUser) -> bool:
    """True for updates from TELEGRAM_ADMIN_IDS; everyone else never sees these commands."""
    return event_from_user.id in settings.telegram.admin_ids


def _reachable(language: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        User.telegram_user_id.is_not(None),
        User.is_active.is_(True),
        User.bot_blocked_at.is_(None),
    ]
    if language is not None:
        conditions.append(User.language == language)
    return conditions


async def stats(message: Message, tr: Translator, session: AsyncSession) -> None:
    """Users, members, blocked, languages and the outbox's pending and failed deliveries."""
    users, members, blocked = (
        await session.execute(
            select(
                func.count(User.id),
                func.count(User.id).filter(User.is_telegram_subscribed.is_(True)),
                func.count(User.id).filter(User.bot_blocked_at.is_not(None)),
            )
        )
    ).one()
    languages = (
        await session.execute(
            select(User.language, func.count(User.id))
            .group_by(User.language)
            .order_by(func.count(User.id).desc(), User.language)
        )
    ).all()
    deliveries = dict(
        (
            await session.execute(
                select(Delivery.status, func.count(Delivery.id))
                .where(Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.FAILED]))
                .group_by(Delivery.status)
            )
        ).all()
    )
    by_language = ", ".join(f"{code} {tr.format_number(count)}" for code, count in languages)
    await message.answer(
        tr(
            "bot-stats",
            users=tr.format_number(users),
            members=tr.format_number(members),
            blocked=tr.format_number(blocked),
            languages=by_language or "—",
            pending=tr.format_number(deliveries.get(DeliveryStatus.PENDING, 0)),
            failed=tr.format_number(deliveries.get(DeliveryStatus.FAILED, 0)),
        )
    )


async def broadcast(
    message: Message,
    command: CommandObject,
    tr: Translator,
    session: AsyncSession,
    state: FSMContext,
) -> None:
    """`/broadcast [lang] text`: show a preview with Send and Cancel."""
    words = (command.args or "").strip()
    language: str | None = None
    head, _, rest = words.partition(" ")
    if head in LANGUAGES and rest.strip():
        language, words = head, rest.strip()
    if not words or len(words) > MAX_BROADCAST_LENGTH:
        await message.answer(tr("bot-broadcast-usage"))
        return
    count = (
        await session.execute(select(func.count(User.id)).where(*_reachable(language)))
    ).scalar_one()
    nonce = secrets.token_urlsafe(8)
    await state.update_data({BROADCAST_KEY: {"nonce": nonce, "text": words, "language": language}})
    audience = LANGUAGE_NATIVE_NAMES[language] if language else tr("bot-broadcast-everyone")
    builder = InlineKeyboardBuilder()
    builder.button(
        text=tr("bot-broadcast-send"), callback_data=BroadcastConfirm(nonce=nonce, send=True)
    )
    builder.button(
        text=tr("common-cancel"), callback_data=BroadcastConfirm(nonce=nonce, send=False)
    )
    await message.answer(
        tr("bot-broadcast-preview", audience=audience, count=count) + "\n\n" + escape(words),
        reply_markup=builder.as_markup(),
    )


async def confirm_broadcast(
    query: CallbackQuery,
    callback_data: BroadcastConfirm,
    tr: Translator,
    session: AsyncSession,
    state: FSMContext,
) -> None:
    """Queue the previewed broadcast in the outbox (or drop it)."""
    message = query.message if isinstance(query.message, Message) else None
    pending = (await state.get_data()).get(BROADCAST_KEY)
    if message is None or not pending or pending.get("nonce") != callback_data.nonce:
        await query.answer(tr("bot-stale-button"))
        return
    await state.update_data({BROADCAST_KEY: None})
    await query.answer()
    if not callback_data.send:
        await message.edit_text(tr("bot-broadcast-cancelled"))
        return
    queued = await queue_broadcast(session, pending["text"], pending["language"])
    await message.edit_text(tr("bot-broadcast-queued", count=queued))


async def queue_broadcast(session: AsyncSession, text: str, language: str | None) -> int:
    """One pending broadcast delivery per reachable user (of `language`), in one bulk INSERT."""
    user_ids = (
        (await session.execute(select(User.id).where(*_reachable(language)))).scalars().all()
    )
    if not user_ids:
        return 0
    now = datetime.now(UTC)
    payload = {"text": text, "language": language}
    await session.execute(
        insert(Delivery),
        [
            {
                "event_id": None,
                "target_type": TargetType.USER,
                "target_id": str(user_id),
                "user_id": user_id,
                "kind": DeliveryKind.BROADCAST,
                "lead_minutes": 0,
                "language": None,
                "payload": payload,
                "status": DeliveryStatus.PENDING,
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
                "updated_at": now,
            }
            for user_id in user_ids
        ],
    )
    return len(user_ids)


def create_router() -> Router:
    """The admin commands, for TELEGRAM_ADMIN_IDS only. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.message.filter(is_admin)
    router.callback_query.filter(is_admin)
    router.message.register(stats, Command("stats"))
    router.message.register(broadcast, Command("broadcast"))
    router.callback_query.register(confirm_broadcast, BroadcastConfirm.filter())
    return router
