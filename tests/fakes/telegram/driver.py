"""The test-side driver: start the fake, populate its world, act as users, inspect the bot."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import orjson
from aiohttp import web

from tests.fakes.telegram.app import BotApiHandler, create_app
from tests.fakes.telegram.entities import command_entities
from tests.fakes.telegram.errors import ApiError, FakeUsageError
from tests.fakes.telegram.faults import Fault, FaultPlan, OutageKind
from tests.fakes.telegram.limits import LimitsConfig, RateLimiter
from tests.fakes.telegram.methods import BotApi
from tests.fakes.telegram.objects import chat_json, member_json, user_json
from tests.fakes.telegram.photos import StoredPhoto
from tests.fakes.telegram.state import (
    MEMBER_STATUSES,
    CallbackAnswer,
    CallRecord,
    FakeChat,
    FakeState,
    FakeUser,
    Membership,
    MemberStatus,
    StoredMessage,
    WebhookConfig,
    now_date,
)
from tests.fakes.telegram.updates import UpdateQueue
from tests.fakes.telegram.webhook import WebhookSender

DEFAULT_TOKEN = "123456789:AAFakeTokenForLocalTestsOnly_0123456"
ChatRef = FakeChat | FakeUser | int
# How long a test waits for the bot by default: a passing test never waits it out, so it is
# generous enough for a first update while the town index builds beside three test workers.
DEFAULT_WAIT = 30.0


def _chat_id(chat: ChatRef) -> int:
    return chat if isinstance(chat, int) else chat.id


class FakeTelegram:
    """A local Bot API server for one bot token; use as `async with FakeTelegram() as tg`."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "StarsCalendarsBot",
        bot_first_name: str = "StarsCalendars",
        limits: LimitsConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        webhook_retry_delay: float = 0.05,
        webhook_timeout: float = 5.0,
        host: str = "127.0.0.1",
    ):
        bot_id, separator, _ = token.partition(":")
        if not separator or not bot_id.isdigit():
            raise FakeUsageError(f"token must look like '<bot id>:<secret>', got {token!r}")
        self.token = token
        self.state = FakeState(
            bot=FakeUser(
                id=int(bot_id), first_name=bot_first_name, username=bot_username, is_bot=True
            )
        )
        self.queue = UpdateQueue(self.state.notifier)
        self.limiter = RateLimiter(limits or LimitsConfig(), clock)
        self.faults = FaultPlan()
        self.api = BotApi(self.state, self.queue, self.limiter)
        self._sender = WebhookSender(
            self.state,
            self.queue,
            self.api,
            retry_delay=webhook_retry_delay,
            request_timeout=webhook_timeout,
        )
        self._host = host
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._port = 0
        self._outage_task: asyncio.Task[None] | None = None
        self._sender_task: asyncio.Task[None] | None = None
        self._read_cursor: dict[int, int] = {}
        self.api_url = ""

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free port of `host`; `api_url` is then the base for the bot."""
        handler = BotApiHandler(self.api, self.token, self.faults)
        runner = web.AppRunner(create_app(handler), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self._host, 0)
        await site.start()
        self._runner = runner
        self._site = site
        host, port = runner.addresses[0][:2]
        self._port = port
        self.api_url = f"http://{host}:{port}"
        self._sender_task = asyncio.create_task(self._sender.run())

    async def stop(self) -> None:
        """End pending long polls and webhook delivery, then close the server."""
        if self._outage_task is not None:
            self._outage_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._outage_task
        self.state.closing = True
        self.state.notifier.notify()
        if self._sender_task is not None:
            self._sender_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sender_task
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- the world --------------------------------------------------------------------------

    @property
    def bot_user(self) -> FakeUser:
        """Return the bot's own account."""
        return self.state.bot

    def add_user(
        self,
        first_name: str = "Ada",
        *,
        user_id: int | None = None,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
        started: bool = True,
    ) -> FakeUser:
        """Create a user; `started=False` means the user never opened the bot."""
        user = FakeUser(
            id=user_id or 100_000_000 + self.state.next_id(),
            first_name=first_name,
            username=username,
            last_name=last_name,
            language_code=language_code,
            started=started,
        )
        if user.id in self.state.users or user.id == self.state.bot.id:
            raise FakeUsageError(f"user id {user.id} is taken")
        self.state.users[user.id] = user
        if started:
            self.state.private_chat(user)
        return user

    def user(self, user: FakeUser | int) -> UserDriver:
        """Return a driver acting as `user`."""
        found = self.state.users.get(_chat_id(user))
        if found is None:
            raise FakeUsageError(f"unknown user {user!r}; call add_user first")
        return UserDriver(self, found)

    def add_channel(
        self,
        title: str = "Sky Events",
        *,
        username: str | None = None,
        bot_status: MemberStatus = "administrator",
        chat_id: int | None = None,
    ) -> FakeChat:
        """Create a channel with the bot in `bot_status`."""
        return self._add_group_like("channel", title, username, bot_status, chat_id)

    def add_group(
        self,
        title: str = "Sky Watchers",
        *,
        supergroup: bool = True,
        username: str | None = None,
        bot_status: MemberStatus = "member",
        chat_id: int | None = None,
    ) -> FakeChat:
        """Create a group (a supergroup unless told) with the bot in `bot_status`."""
        kind = "supergroup" if supergroup else "group"
        return self._add_group_like(kind, title, username, bot_status, chat_id)

    def _add_group_like(
        self,
        kind: Any,
        title: str,
        username: str | None,
        bot_status: MemberStatus,
        chat_id: int | None,
    ) -> FakeChat:
        serial = self.state.next_id()
        default_id = -serial if kind == "group" else -1_001_000_000_000 - serial
        chat = FakeChat(id=chat_id or default_id, type=kind, title=title, username=username)
        if chat.id in self.state.chats:
            raise FakeUsageError(f"chat id {chat.id} is taken")
        chat.members[self.state.bot.id] = Membership(bot_status)
        return self.state.add_chat(chat)

    def remove_chat(self, chat: ChatRef) -> None:
        """Make a group or channel cease to exist: the bot then gets 'chat not found'."""
        removed = self.state.chats.pop(_chat_id(chat), None)
        if removed is not None and removed.username:
            self.state.chat_usernames.pop(removed.username.lower(), None)

    def deactivate(self, user: FakeUser) -> None:
        """Delete the user's account: sends answer 403 'user is deactivated'."""
        user.deactivated = True

    def set_member_status(
        self,
        chat: FakeChat,
        user: FakeUser,
        status: MemberStatus,
        *,
        actor: FakeUser | None = None,
        is_member: bool = True,
        until_date: int = 0,
    ) -> dict[str, Any] | None:
        """Change a membership and emit the chat_member (or my_chat_member) update Telegram would.

        Returns the update, or None when Telegram would not tell the bot (chat_member updates
        reach only administrators that asked for them in allowed_updates).
        """
        if status not in MEMBER_STATUSES:
            raise FakeUsageError(f"unknown member status {status!r}")
        old = chat.members.get(user.id, Membership("left"))
        new = Membership(status, is_member=is_member, until_date=until_date)
        chat.members[user.id] = new
        payload = {
            "chat": chat_json(chat),
            "from": user_json(actor or user),
            "date": now_date(),
            "old_chat_member": member_json(user, old, chat),
            "new_chat_member": member_json(user, new, chat),
        }
        if user.id == self.state.bot.id:
            return self.queue.push("my_chat_member", payload)
        bot = chat.members.get(self.state.bot.id, Membership("left"))
        if bot.status not in {"creator", "administrator"}:
            return None
        return self.queue.push("chat_member", payload)

    def set_bot_status(
        self, chat: FakeChat, status: MemberStatus, *, actor: FakeUser | None = None
    ) -> dict[str, Any] | None:
        """Change the bot's own status in a chat, emitting my_chat_member."""
        return self.set_member_status(chat, self.state.bot, status, actor=actor)

    # -- what the bot did -------------------------------------------------------------------

    @property
    def sent(self) -> list[StoredMessage]:
        """Return every message the bot sent, oldest first."""
        return self.state.sent

    @property
    def photo_uploads(self) -> list[StoredPhoto]:
        """Every photo whose bytes were uploaded (a file_id reused adds none), oldest first."""
        return self.state.photos.uploads

    def messages_to(self, chat: ChatRef) -> list[StoredMessage]:
        """Return the messages the bot sent to one chat, oldest first."""
        return list(self.state.sent_by_chat.get(_chat_id(chat), []))

    def message(self, chat: ChatRef, message_id: int) -> StoredMessage:
        """Return a message in its current (possibly edited or deleted) state."""
        found = self.state.messages.get((_chat_id(chat), message_id))
        if found is None:
            raise FakeUsageError(f"no message {message_id} in chat {_chat_id(chat)}")
        return found

    async def wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float = DEFAULT_WAIT,  # noqa: ASYNC109 - a test-facing deadline
    ) -> None:
        """Wait until `condition()` holds after some change of the fake, or raise TimeoutError."""
        deadline = asyncio.get_running_loop().time() + timeout
        if not await self.state.notifier.wait_until(condition, deadline):
            raise TimeoutError(f"condition not met within {timeout}s")

    async def wait_for_messages(
        self,
        chat: ChatRef,
        count: int = 1,
        timeout: float = DEFAULT_WAIT,  # noqa: ASYNC109 - a test-facing deadline
    ) -> list[StoredMessage]:
        """Return the bot's next `count` messages to `chat` that no earlier wait returned."""
        chat_id = _chat_id(chat)
        start = self._read_cursor.get(chat_id, 0)
        sent = self.state.sent_by_chat[chat_id]
        try:
            await self.wait_until(lambda: len(sent) >= start + count, timeout)
        except TimeoutError:
            texts = [message.text for message in sent[start:]]
            raise TimeoutError(
                f"chat {chat_id}: expected {count} new bot message(s) within {timeout}s, "
                f"got {len(texts)}: {texts!r}"
            ) from None
        self._read_cursor[chat_id] = start + count
        return sent[start : start + count]

    def _canonical(self, method: str) -> str:
        found = self.api.lookup(method)
        if found is None:
            raise FakeUsageError(f"the fake does not implement {method!r}")
        return found[0]

    def calls(self, method: str) -> list[CallRecord]:
        """Return the logged calls of one method (any letter case), oldest first."""
        return list(self.state.calls.get(self._canonical(method), []))

    async def wait_for_calls(
        self,
        method: str,
        count: int = 1,
        timeout: float = DEFAULT_WAIT,  # noqa: ASYNC109 - a test-facing deadline
    ) -> list[CallRecord]:
        """Wait until `method` was called at least `count` times in total; return the calls."""
        log = self.state.calls[self._canonical(method)]
        try:
            await self.wait_until(lambda: len(log) >= count, timeout)
        except TimeoutError:
            raise TimeoutError(
                f"{method}: expected {count} call(s) within {timeout}s, got {len(log)}"
            ) from None
        return list(log)

    @property
    def callback_answers(self) -> dict[str, CallbackAnswer]:
        """Return the bot's answers to callback queries, by query id."""
        return self.state.callback_answers

    async def wait_for_callback_answer(
        self,
        query_id: str,
        timeout: float = DEFAULT_WAIT,  # noqa: ASYNC109 - a test-facing deadline
    ) -> CallbackAnswer:
        """Wait for the bot to answer one callback query."""
        answers = self.state.callback_answers
        await self.wait_until(lambda: query_id in answers, timeout)
        return answers[query_id]

    @property
    def chat_actions(self) -> list[tuple[int, str]]:
        """Return (chat id, action) for each sendChatAction, oldest first."""
        return self.state.chat_actions

    def commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """Return the bot's commands for exactly this scope and language."""
        scope = scope or {"type": "default"}
        key = ",".join(f"{name}={scope[name]}" for name in sorted(scope))
        return self.state.commands.get((key, language_code), [])

    @property
    def menu_buttons(self) -> dict[int | None, dict[str, Any]]:
        """Return menu buttons set per chat id (None: the bot's default)."""
        return self.state.menu_buttons

    @property
    def webhook(self) -> WebhookConfig | None:
        """Return the webhook the bot set, if any, with its delivery status."""
        return self.state.webhook

    @property
    def waiting_polls(self) -> int:
        """Return how many getUpdates requests are currently held open."""
        return self.queue.waiting_polls

    @property
    def pending_updates(self) -> int:
        """Return how many updates wait for the bot to fetch or accept them."""
        return len(self.queue)

    # -- limits and faults ------------------------------------------------------------------

    @property
    def rate_limit_hits(self) -> int:
        """Return how many 429 answers the fake gave."""
        return self.limiter.hits

    def send_times(self, chat: ChatRef | None = None) -> list[float]:
        """Return clock times of accepted sends, overall or to one chat."""
        timeline = self.limiter.timeline
        if chat is None:
            return list(timeline.overall)
        return list(timeline.by_chat.get(_chat_id(chat), []))

    def max_rate_observed(self, window: float = 1.0, chat: ChatRef | None = None) -> int:
        """Return the most sends accepted within any `window` seconds, overall or to one chat."""
        return self.limiter.timeline.max_in_window(
            window, None if chat is None else _chat_id(chat)
        )

    def fail_next(
        self,
        method: str | None = None,
        *,
        times: int = 1,
        error_code: int = 500,
        description: str = "Internal Server Error",
        retry_after: int | None = None,
        chat: ChatRef | str | None = None,
        after_effect: bool = False,
    ) -> None:
        """Answer the next `times` matching calls with a well-formed Bot API error."""
        error = ApiError(error_code, description, retry_after=retry_after)
        self.fail_next_raw(
            method,
            body=orjson.dumps(error.payload()),
            status=error_code,
            content_type="application/json",
            times=times,
            chat=chat,
            after_effect=after_effect,
        )

    def fail_next_raw(
        self,
        method: str | None = None,
        *,
        body: bytes | str,
        status: int = 502,
        content_type: str = "text/html",
        times: int = 1,
        chat: ChatRef | str | None = None,
        after_effect: bool = False,
    ) -> None:
        """Answer the next `times` matching calls with any body (e.g. a proxy's 502 page)."""
        self.faults.add(
            Fault(
                status=status,
                body=body.encode() if isinstance(body, str) else body,
                content_type=content_type,
                remaining=times,
                method=None if method is None else self._canonical(method),
                chat_id=chat if chat is None or isinstance(chat, str) else _chat_id(chat),
                after_effect=after_effect,
            )
        )

    def set_latency(
        self, seconds: float, method: str | None = None, *, share: float = 1.0
    ) -> None:
        """Delay answers to `method` (or to all methods) by `seconds`; 0 removes the delay.

        With `share` below 1 only that share of the calls is delayed (every 1/share-th one).
        """
        method = None if method is None else self._canonical(method)
        self.faults.set_latency(seconds, method, share)

    async def go_down(self, seconds: float, kind: OutageKind = OutageKind.REFUSE) -> None:
        """Make the Bot API unreachable for `seconds` from now, then answer again on the same port.

        REFUSE closes the listening socket (connections are refused) and drops kept-alive ones
        unanswered; BAD_GATEWAY answers every call with a proxy's 502 page.
        """
        self.faults.outage = kind
        self.faults.outage_until = time.monotonic() + seconds
        if kind is OutageKind.REFUSE and self._site is not None:
            await self._site.stop()
            self._site = None
            self._outage_task = asyncio.create_task(self._listen_again(seconds))

    async def _listen_again(self, after: float) -> None:
        await asyncio.sleep(after)
        if self._runner is None:
            return
        site = web.TCPSite(self._runner, self._host, self._port, reuse_address=True)
        await site.start()
        self._site = site


class UserDriver:
    """Acts as one user talking to the bot in their private chat."""

    def __init__(self, telegram: FakeTelegram, user: FakeUser):
        self.telegram = telegram
        self.user = user

    @property
    def chat_id(self) -> int:
        """Return the id of the user's private chat with the bot."""
        return self.user.id

    def _post(self, content: dict[str, Any]) -> StoredMessage:
        if self.user.blocked_bot:
            raise FakeUsageError("the user blocked the bot; call unblock_bot() first")
        state = self.telegram.state
        self.user.started = True
        chat = state.private_chat(self.user)
        payload = {
            "message_id": chat.next_message_id(),
            "from": user_json(self.user),
            "chat": chat_json(chat),
            "date": now_date(),
            **content,
        }
        message = StoredMessage(chat.id, payload["message_id"], payload, from_bot=False)
        state.store_message(message)
        self.telegram.queue.push("message", payload)
        return message

    def send_text(self, text: str) -> StoredMessage:
        """Send a text message; /commands get bot_command entities as in Telegram."""
        content: dict[str, Any] = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        return self._post(content)

    def send_location(self, latitude: float, longitude: float) -> StoredMessage:
        """Share a location."""
        return self._post({"location": {"latitude": latitude, "longitude": longitude}})

    def press(self, message: StoredMessage, callback_data: str) -> str:
        """Press an inline button of a bot message; return the callback query id."""
        if not message.from_bot or message.chat_id != self.user.id or message.deleted:
            raise FakeUsageError(
                "the user can only press buttons of live bot messages in their chat"
            )
        current = self.telegram.message(message.chat_id, message.message_id)
        if callback_data not in current.callback_buttons():
            raise FakeUsageError(
                f"no button with callback_data {callback_data!r}; "
                f"buttons: {sorted(current.callback_buttons())}"
            )
        state = self.telegram.state
        query_id = str(4_000_000_000_000_000 + state.next_id())
        state.pending_callbacks[query_id] = message.chat_id
        self.telegram.queue.push(
            "callback_query",
            {
                "id": query_id,
                "from": user_json(self.user),
                "message": current.payload,
                "chat_instance": str(abs(message.chat_id) * 7919 % 10**18),
                "data": callback_data,
            },
        )
        return query_id

    def _set_bot_blocked(self, blocked: bool) -> dict[str, Any] | None:
        state = self.telegram.state
        chat = state.private_chat(self.user)
        was = Membership("kicked") if self.user.blocked_bot else Membership("member")
        self.user.blocked_bot = blocked
        now = Membership("kicked") if blocked else Membership("member")
        return self.telegram.queue.push(
            "my_chat_member",
            {
                "chat": chat_json(chat),
                "from": user_json(self.user),
                "date": now_date(),
                "old_chat_member": member_json(state.bot, was, chat),
                "new_chat_member": member_json(state.bot, now, chat),
            },
        )

    def block_bot(self) -> dict[str, Any] | None:
        """Block the bot: sends then answer 403 and the bot gets my_chat_member (kicked)."""
        return self._set_bot_blocked(True)

    def unblock_bot(self) -> dict[str, Any] | None:
        """Unblock the bot (my_chat_member back to member)."""
        return self._set_bot_blocked(False)

    async def wait_for_messages(
        self,
        count: int = 1,
        timeout: float = DEFAULT_WAIT,  # noqa: ASYNC109 - a test-facing deadline
    ) -> list[StoredMessage]:
        """Return the bot's next `count` messages to this user."""
        return await self.telegram.wait_for_messages(self.user.id, count, timeout)

    async def wait_for_answer(
        self,
        query_id: str,
        timeout: float = DEFAULT_WAIT,  # noqa: ASYNC109 - a test-facing deadline
    ) -> CallbackAnswer:
        """Wait for the bot's answer to a button press."""
        return await self.telegram.wait_for_callback_answer(query_id, timeout)
