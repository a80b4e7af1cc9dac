"""The web side's Bot API client: getMe and getChatMember over one aiohttp ClientSession.

aiogram is deliberately not imported here: it would nearly double a web process's memory
(`bench.import_rss_bench`, in the README's benchmark table), and the web needs only two calls.
"""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from core.bot_api import method_url
from core.config import TelegramSettings
from core.metrics import count_bot_api
from web.auth.errors import TelegramNotConfiguredError, TelegramUnavailableError
from web.keys import TELEGRAM_SETTINGS

# A web request waits at most this long for Telegram.
REQUEST_TIMEOUT_SECONDS = 10.0


class BotApiError(Exception):
    """The Bot API refused a call (ok=false) or answered something that is not the Bot API."""

    def __init__(self, method: str, error_code: int, description: str) -> None:
        super().__init__(f"{method}: {error_code} {description}")
        self.error_code = error_code
        self.description = description


# What a failed Bot API call can raise: Telegram's refusals and the transport's errors.
TELEGRAM_FAILURES = (BotApiError, aiohttp.ClientError, OSError, TimeoutError)


class TelegramApi:
    """The bot's token and, when one is configured, a Bot API session; getMe asked once."""

    def __init__(self, settings: TelegramSettings, session: aiohttp.ClientSession | None) -> None:
        token = settings.bot_token
        self._token = None if token is None else token.get_secret_value()
        self._settings = settings
        self._session = session
        self._username: str | None = None

    @property
    def configured(self) -> bool:
        """True when a bot token is configured."""
        return self._token is not None

    def bot_token(self) -> str:
        """The bot token, which keys the Login Widget and Mini App signatures."""
        if self._token is None:
            raise TelegramNotConfiguredError("no bot token")
        return self._token

    async def username(self) -> str:
        """The bot's @username without the @, asked once and then remembered."""
        if self._username is None:
            try:
                me = await self._call("getMe")
            except TELEGRAM_FAILURES:
                raise TelegramUnavailableError("getMe failed") from None
            username = me.get("username")
            if not isinstance(username, str) or not username:
                raise TelegramNotConfiguredError("the bot has no username")
            self._username = username
        return self._username

    async def member_status(self, channel: int | str, telegram_user_id: int) -> tuple[str, bool]:
        """getChatMember as (status, is_member) for models.membership.check_membership."""
        member = await self._call("getChatMember", chat_id=channel, user_id=telegram_user_id)
        status = member.get("status")
        if not isinstance(status, str):
            raise BotApiError("getChatMember", 0, "no status in the answer")
        # Only a "restricted" member carries is_member; every other status implies it.
        return status, member.get("is_member") is True

    async def _call(self, method: str, **params: Any) -> dict[str, Any]:
        """POST one method with JSON parameters; its `result` object, or BotApiError."""
        token = self.bot_token()
        if self._session is None:
            raise TelegramNotConfiguredError("no Bot API session")
        try:
            async with self._session.post(
                method_url(self._settings, token, method),
                data=orjson.dumps(params),
                headers={"Content-Type": "application/json"},
            ) as response:
                body = await response.read()
        except (aiohttp.ClientError, OSError):
            count_bot_api(method, None)
            raise
        count_bot_api(method, response.status)
        try:
            answer = orjson.loads(body)
        except orjson.JSONDecodeError:
            raise BotApiError(method, response.status, "the answer is not JSON") from None
        if not isinstance(answer, dict):
            raise BotApiError(method, response.status, "the answer is not an object")
        result = answer.get("result")
        if answer.get("ok") is not True or not isinstance(result, dict):
            code = answer.get("error_code")
            raise BotApiError(
                method,
                code if isinstance(code, int) else response.status,
                str(answer.get("description", "")),
            )
        return result


TELEGRAM_API = web.AppKey("telegram_api", TelegramApi)


async def telegram_api(app: web.Application) -> AsyncIterator[None]:
    """Cleanup context: one Bot API session for the app's lifetime (when a token is set)."""
    settings = app[TELEGRAM_SETTINGS]
    session = (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS))
        if settings.bot_token is not None
        else None
    )
    app[TELEGRAM_API] = TelegramApi(settings, session)
    try:
        yield
    finally:
        if session is not None:
            await session.close()
