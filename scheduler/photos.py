"""Channel posts and reminders with the event's picture: drawn once, uploaded once, then sent
by Telegram's file_id, so a broadcast to 10,000 readers uploads one picture.

A picture is shared by every reader of the same variant: the hemisphere for the Moon (turned
as they see it), the language for a map whose words render (else one map for all). No one's
place is marked: that would make a picture per reader. The message's text becomes the caption;
a text longer than a caption may be, an event without a picture, or a picture that cannot be
drawn, goes out as text, as before. Sends keep the worker's limiter, retries and outcomes:
this is only another way of sending one message.
"""

import asyncio
import html
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Final

import aiohttp
import orjson
import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from astro.kinds import MOON_PHASE_KINDS
from astro.seasons import Hemisphere
from core.bot_api import method_url
from core.config import TelegramSettings
from core.errors import ConfigError
from core.i18n import I18n
from core.metrics import count_bot_api
from models.picture_file import find_file_id, remember_file_id
from pictures.render import PictureFormat, carries_words, has_picture, render_picture
from scheduler.outbox import EventInfo
from scheduler.render import Audience
from scheduler.telegram_send import SendResult, SendStatus, TelegramSender, interpret

log = structlog.get_logger(__name__)

# Telegram's limit on a caption, in characters after entities are parsed.
CAPTION_LIMIT: Final = 1024
_TAG = re.compile(r"<[^>]+>")
_JSON: Final = {"Content-Type": "application/json"}
# file_ids kept in memory per process (a few per event: its variants).
_MEMO_SIZE: Final = 1024


def caption_length(text: str, *, html_text: bool) -> int:
    """The caption's length as Telegram counts it: the text after HTML tags and entities."""
    return len(html.unescape(_TAG.sub("", text)) if html_text else text)


@dataclass(frozen=True, slots=True)
class Picture:
    """One shared picture of an event: its store key and how to draw it."""

    key: str
    event: EventInfo
    hemisphere: Hemisphere
    language: str | None  # the words' language; None when the picture carries none


class PictureSender:
    """Sends one picture with a text as its caption (the worker's sender for that message)."""

    def __init__(self, photos: "PhotoPoster", picture: Picture) -> None:
        self._photos = photos
        self._picture = picture

    async def send(
        self,
        chat: int | str,
        text: str,
        *,
        html: bool,
        paid_broadcast: bool,
        timeout: float,  # noqa: ASYNC109 - a per-request limit handed to aiohttp
    ) -> SendResult:
        """Send the picture with the caption; never raises for what Telegram or drawing does."""
        request = _Request(chat, text, html, paid_broadcast, timeout)
        return await self._photos.send(self._picture, request)


@dataclass(frozen=True, slots=True)
class _Request:
    chat: int | str
    caption: str
    html: bool
    paid_broadcast: bool
    timeout: float

    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"chat_id": self.chat, "caption": self.caption}
        if self.html:
            fields["parse_mode"] = "HTML"
        if self.paid_broadcast:
            fields["allow_paid_broadcast"] = True
        return fields


class PhotoPoster:
    """Draws, uploads and re-sends event pictures for the delivery worker."""

    def __init__(
        self,
        url: str,
        text_sender: TelegramSender,
        sessionmaker: async_sessionmaker[AsyncSession],
        i18n: I18n,
    ) -> None:
        self._url = url
        self._text = text_sender
        self._sessionmaker = sessionmaker
        self._i18n = i18n
        self._http: aiohttp.ClientSession | None = None
        self._file_ids: OrderedDict[str, str] = OrderedDict()
        self._locks: dict[str, asyncio.Lock] = {}
        self._undrawable: set[str] = set()
        # Drawn pictures not uploaded yet (dropped once Telegram has them).
        self._drawn: dict[str, bytes] = {}

    @classmethod
    def from_settings(
        cls,
        settings: TelegramSettings,
        text_sender: TelegramSender,
        sessionmaker: async_sessionmaker[AsyncSession],
        i18n: I18n,
    ) -> "PhotoPoster":
        """The poster for the configured bot (TELEGRAM_BOT_TOKEN must be set)."""
        if settings.bot_token is None:
            raise ConfigError("TELEGRAM_BOT_TOKEN", "is not set")
        url = method_url(settings, settings.bot_token.get_secret_value(), "sendPhoto")
        return cls(url, text_sender, sessionmaker, i18n)

    async def close(self) -> None:
        """Close the HTTP session (sending again opens a new one)."""
        session, self._http = self._http, None
        if session is not None:
            await session.close()

    def picture(
        self, event: EventInfo, audience: Audience, text: str, *, html_text: bool = True
    ) -> Picture | None:
        """The picture to send with `text`, or None: send the text alone."""
        if not has_picture(event.kind):
            return None
        if caption_length(text, html_text=html_text) > CAPTION_LIMIT:
            return None
        language = audience.language if carries_words(event.kind, audience.language) else None
        variant = language or (audience.hemisphere if event.kind in MOON_PHASE_KINDS else "all")
        key = f"{event.id}:{variant}"
        if key in self._undrawable:
            return None
        return Picture(key, event, audience.hemisphere, language)

    async def prepare(
        self, event: EventInfo, audience: Audience, text: str
    ) -> PictureSender | None:
        """The sender of `text` with the event's picture, ready to send; None: text alone.

        Ready means its file_id is known or its PNG drawn: drawing takes a while, and it
        happens here, before the worker checks the lease and takes a turn of the limiter.
        """
        picture = self.picture(event, audience, text)
        if picture is None or not await self._ready(picture):
            return None
        return PictureSender(self, picture)

    async def _ready(self, picture: Picture) -> bool:
        if await self._known(picture.key) is not None:
            return True
        async with self._lock(picture.key):
            if picture.key in self._file_ids or picture.key in self._drawn:
                return True
            data = await self._draw(picture)
            if data is not None:
                self._drawn[picture.key] = data
            return data is not None

    def _lock(self, key: str) -> asyncio.Lock:
        return self._locks.setdefault(key, asyncio.Lock())

    async def send(self, picture: Picture, request: _Request) -> SendResult:
        """Send by file_id when the picture was uploaded before, else upload it (once)."""
        file_id = await self._known(picture.key)
        if file_id is not None:
            result = await self._send_file_id(file_id, request)
            if not _unknown_file(result):
                return result
            self._forget(picture.key, file_id)
        async with self._lock(picture.key):
            # Another sender may have uploaded it while this one waited.
            file_id = self._file_ids.get(picture.key)
            if file_id is not None:
                return await self._send_file_id(file_id, request)
            data = self._drawn.get(picture.key) or await self._draw(picture)
            if data is None:
                return await self._text.send(
                    request.chat,
                    request.caption,
                    html=request.html,
                    paid_broadcast=request.paid_broadcast,
                    timeout=request.timeout,
                )
            return await self._upload(picture.key, data, request)

    async def _known(self, key: str) -> str | None:
        file_id = self._file_ids.get(key)
        if file_id is None:
            try:
                async with self._sessionmaker() as session:
                    file_id = await find_file_id(session, key)
            except Exception:
                # Not knowing it costs one upload, never the message.
                log.warning("a picture's file_id could not be read", key=key, exc_info=True)
                return None
            if file_id is not None:
                self._memo(key, file_id)
        return file_id

    def _memo(self, key: str, file_id: str) -> None:
        self._file_ids[key] = file_id
        self._file_ids.move_to_end(key)
        if len(self._file_ids) > _MEMO_SIZE:
            self._file_ids.popitem(last=False)

    def _forget(self, key: str, file_id: str) -> None:
        if self._file_ids.get(key) == file_id:
            del self._file_ids[key]
        log.warning("telegram no longer knows a picture's file_id", key=key)

    async def _draw(self, picture: Picture) -> bytes | None:
        """The picture's PNG, drawn off the event loop; None (logged) when it cannot be made."""
        tr = self._i18n.get(picture.language) if picture.language else None
        try:
            return await asyncio.to_thread(
                render_picture,
                picture.event,
                # The default widths (a 640 px Moon, a 1200 px map): within Telegram's 1280 px.
                width=None,
                fmt=PictureFormat.PNG,
                hemisphere=picture.hemisphere,
                tr=tr,
                dated=False,
            )
        except Exception:
            # A picture is an extra: its failure must not keep the message from going out.
            log.exception("picture cannot be drawn; sending text", key=picture.key)
            self._undrawable.add(picture.key)
            return None

    async def _send_file_id(self, file_id: str, request: _Request) -> SendResult:
        body = orjson.dumps({**request.fields(), "photo": file_id})
        result, _ = await self._post(request, data=body, headers=_JSON)
        return result

    async def _upload(self, key: str, data: bytes, request: _Request) -> SendResult:
        form = aiohttp.FormData()
        for name, value in request.fields().items():
            form.add_field(name, "true" if value is True else str(value))
        form.add_field("photo", data, filename="picture.png", content_type="image/png")
        result, answer = await self._post(request, data=form)
        file_id = _largest_file_id(answer)
        if result.status is SendStatus.SENT and file_id is not None:
            self._drawn.pop(key, None)
            self._memo(key, file_id)
            try:
                async with self._sessionmaker.begin() as session:
                    await remember_file_id(session, key, file_id)
            except Exception:
                # The message is out: its outcome must be written whatever happens here. This
                # process keeps the file_id in memory; another process uploads once more.
                log.warning("a picture's file_id could not be stored", key=key, exc_info=True)
        return result

    async def _post(
        self, request: _Request, **body: Any
    ) -> tuple[SendResult, dict[str, Any] | None]:
        if self._http is None:
            self._http = aiohttp.ClientSession()
        try:
            async with self._http.post(
                self._url, timeout=aiohttp.ClientTimeout(total=request.timeout), **body
            ) as response:
                status, raw = response.status, await response.read()
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            count_bot_api("sendPhoto", None)
            reason = f"{type(exc).__name__}: {exc}"[:500]
            return SendResult(SendStatus.TRANSIENT, reason=reason), None
        count_bot_api("sendPhoto", status)
        try:
            answer = orjson.loads(raw)
        except orjson.JSONDecodeError:
            answer = None
        return interpret(status, raw), answer if isinstance(answer, dict) else None


def _largest_file_id(answer: dict[str, Any] | None) -> str | None:
    """The file_id of the largest size Telegram made of an uploaded photo."""
    result = answer.get("result") if answer else None
    sizes = result.get("photo") if isinstance(result, dict) else None
    if isinstance(sizes, list) and sizes and isinstance(sizes[-1], dict):
        file_id = sizes[-1].get("file_id")
        return file_id if isinstance(file_id, str) else None
    return None


def _unknown_file(result: SendResult) -> bool:
    return result.status is SendStatus.REJECTED and "file identifier" in result.reason
