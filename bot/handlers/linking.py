"""Account linking both ways: a web account's t.me deep link, and /calendar's login link.

/link answers with how to link an existing web account: open the web calendar's settings
there, which makes the deep link back to this bot (the web side owns that token). The login
link of /calendar signs this Telegram user in on the web without any password.
"""

import re
from html import escape

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from bot.gate import GateAlerts, feature_open
from bot.keyboards.callbacks import LinkConfirm
from bot.replies import send_calendar_link, send_join_prompt, web_base
from bot.steps import ask_language, greet
from core.config import Settings
from core.errors import AccountAlreadyLinkedError, TokenError
from core.i18n import I18n, Translator
from models.linking import link_telegram
from models.token import TokenPurpose
from models.tokens import peek_one_time_token
from models.user import User
from models.users import UserRepository

# What Telegram lets through as a /start payload; anything else cannot be one of our tokens.
START_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


def account_label(user: User) -> str:
    """How to name a web account without giving its email away to whoever holds the link.

    The chosen name alone could impersonate another account, so the masked email comes with it.
    """
    masked = None
    if user.email:
        local, _, domain = user.email.partition("@")
        masked = f"{local[:1]}•••@{domain}"
    name = "".join(char for char in user.display_name if char.isprintable()).strip()
    if name and masked:
        return f"{name} ({masked})"
    return name or masked or user.username or "—"


async def start_with_token(
    message: Message,
    *,
    command: CommandObject,
    tr: Translator,
    session: AsyncSession,
    state: FSMContext,
    user: User,
) -> None:
    """A web account's link: ask before linking, so a forwarded link links nobody silently.

    A link that is no token of ours (t.me/bot?start=promo2026) still starts the bot: the
    newcomer hears why the link did nothing, then gets the welcome and the language picker.
    """
    user.bot_blocked_at = None
    token = command.args or ""
    name = message.from_user.first_name if message.from_user else ""
    try:
        if not START_PAYLOAD.fullmatch(token):
            raise TokenError("not a token of ours")
        web_user = await UserRepository(session).get(
            await peek_one_time_token(session, token, TokenPurpose.LINK_TELEGRAM)
        )
    except TokenError as exc:
        await message.answer(tr.error(exc.code))
        if user.onboarded_at is None:
            await greet(message, tr, state, user, name)
        return
    builder = InlineKeyboardBuilder()
    builder.button(text=tr("bot-link-yes"), callback_data=LinkConfirm(token=token, confirm=True))
    builder.button(text=tr("bot-link-no"), callback_data=LinkConfirm(token=token, confirm=False))
    await message.answer(
        tr("bot-link-confirm", account=escape(account_label(web_user))),
        reply_markup=builder.as_markup(),
    )


async def confirm_link(
    query: CallbackQuery,
    *,
    callback_data: LinkConfirm,
    tr: Translator,
    i18n: I18n,
    session: AsyncSession,
    state: FSMContext,
    user: User,
) -> None:
    """Link after a yes; expired, reused and conflicting tokens get their own message."""
    message = query.message if isinstance(query.message, Message) else None
    await query.answer()
    if message is None:
        return
    if not callback_data.confirm:
        await message.edit_text(tr("bot-link-cancelled"))
        if user.onboarded_at is None:  # a newcomer who said no still gets started
            await greet(message, tr, state, user, query.from_user.first_name)
        return
    try:
        result = await link_telegram(
            session, callback_data.token, query.from_user.id, query.from_user.username
        )
    except (TokenError, AccountAlreadyLinkedError) as exc:
        await message.edit_text(tr.error(exc.code))
        return
    linked = await UserRepository(session).get(result.user_id)
    if linked.language_chosen:
        tr = i18n.get(linked.language)
    await message.edit_text(tr("bot-link-done", account=escape(account_label(linked))))
    if linked.onboarded_at is None:
        await ask_language(message, tr, state, onboarding=True)


async def calendar(
    message: Message,
    *,
    tr: Translator,
    bot: Bot,
    session: AsyncSession,
    user: User,
    settings: Settings,
    gate_alerts: GateAlerts,
) -> None:
    """The web calendar for members (when gated); others get the join prompt."""
    if await feature_open(
        bot, session, user, settings=settings.telegram, feature="calendar", alerts=gate_alerts
    ):
        await send_calendar_link(message, tr, session, user, settings)
    else:
        await send_join_prompt(message, tr, bot, settings, "calendar")


async def link(message: Message, tr: Translator, settings: Settings) -> None:
    """How to link an existing web account: from the web calendar's settings."""
    await message.answer(tr("bot-link-howto", url=escape(web_base(settings) + "/")))


def create_router() -> Router:
    """Deep-link linking, /calendar and /link. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.message.register(start_with_token, CommandStart(deep_link=True))
    router.callback_query.register(confirm_link, LinkConfirm.filter())
    router.message.register(calendar, Command("calendar"))
    router.message.register(link, Command("link"))
    return router
