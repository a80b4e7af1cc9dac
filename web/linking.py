"""/api/telegram/link: a t.me deep link that lets the bot attach Telegram to this account."""

from datetime import UTC, datetime, timedelta

from aiohttp import web
from pydantic import BaseModel

from core.errors import AccountAlreadyLinkedError
from models.token import TokenPurpose
from models.tokens import ONE_TIME_TOKEN_TTL, issue_one_time_token
from web.auth.guard import load_user, require_user
from web.auth.telegram_api import TELEGRAM_API
from web.errors import json_response, request_translator
from web.keys import SESSIONMAKER
from web.openapi import describe

routes = web.RouteTableDef()


class TelegramLink(BaseModel):
    """Open `url` in Telegram and confirm in the bot; the link works once, until `expires_at`."""

    url: str
    expires_at: datetime
    hint: str


@routes.post("/api/telegram/link")
@describe(
    "Link my Telegram account",
    response=TelegramLink,
    auth=True,
    tags=("account",),
    errors=(403, 409, 429, 503),
)
async def create_link(request: web.Request) -> web.Response:
    """Issue a one-time linking token and return the bot's deep link carrying it."""
    caller = await require_user(request)
    # Asked before the token is written, so a Bot API failure leaves nothing behind.
    username = await request.app[TELEGRAM_API].username()
    issued_at = datetime.now(UTC)
    async with request.app[SESSIONMAKER]() as session:
        user = await load_user(session, caller)
        if user.telegram_user_id is not None:
            raise AccountAlreadyLinkedError("already linked")
        token = await issue_one_time_token(
            session, user.id, TokenPurpose.LINK_TELEGRAM, now=issued_at
        )
        await session.commit()
    link = TelegramLink(
        url=f"https://t.me/{username}?start={token}",
        expires_at=issued_at + ONE_TIME_TOKEN_TTL,
        hint=request_translator(request)(
            "web-link-telegram-hint", minutes=ONE_TIME_TOKEN_TTL // timedelta(minutes=1)
        ),
    )
    return json_response(link.model_dump(mode="json"))
