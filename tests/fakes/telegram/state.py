"""The fake's world: users, chats, memberships, messages and what the bot did to them."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.fakes.telegram.notifier import Notifier
from tests.fakes.telegram.photos import PhotoStore

ChatType = Literal["private", "group", "supergroup", "channel"]
MemberStatus = Literal["creator", "administrator", "member", "restricted", "left", "kicked"]
MEMBER_STATUSES: frozenset[str] = frozenset(
    {"creator", "administrator", "member", "restricted", "left", "kicked"}
)


@dataclass
class FakeUser:
    """A Telegram account; `started` means it has opened a private chat with the bot."""

    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    started: bool = True
    blocked_bot: bool = False
    deactivated: bool = False


@dataclass
class Membership:
    """One user's status in a group or channel."""

    status: MemberStatus
    is_member: bool = True
    until_date: int = 0
    custom_title: str | None = None

    @property
    def present(self) -> bool:
        """Tell whether the user is currently in the chat."""
        if self.status == "restricted":
            return self.is_member
        return self.status in {"creator", "administrator", "member"}


@dataclass
class FakeChat:
    """A private chat, group, supergroup or channel."""

    id: int
    type: ChatType
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    members: dict[int, Membership] = field(default_factory=dict)
    last_message_id: int = 0

    @property
    def is_private(self) -> bool:
        """Tell whether this is a one-to-one chat with a user."""
        return self.type == "private"

    def next_message_id(self) -> int:
        """Allocate the chat's next message id."""
        self.last_message_id += 1
        return self.last_message_id


@dataclass
class StoredMessage:
    """A message in a chat; `payload` is its current Bot API JSON."""

    chat_id: int
    message_id: int
    payload: dict[str, Any]
    from_bot: bool
    reply_markup: dict[str, Any] | None = None
    params: dict[str, Any] = field(default_factory=dict)
    sent_at: float = 0.0
    deleted: bool = False

    @property
    def text(self) -> str | None:
        """Return the message text after entity parsing."""
        value = self.payload.get("text")
        return value if isinstance(value, str) else None

    @property
    def entities(self) -> list[dict[str, Any]]:
        """Return the message's entities."""
        value = self.payload.get("entities")
        return list(value) if isinstance(value, list) else []

    def callback_buttons(self) -> dict[str, str]:
        """Map each inline button's callback_data to its text."""
        markup = self.reply_markup or {}
        rows = markup.get("inline_keyboard") or []
        return {
            button["callback_data"]: str(button.get("text", ""))
            for row in rows
            for button in row
            if isinstance(button, dict) and "callback_data" in button
        }


@dataclass
class CallRecord:
    """One Bot API call as the fake answered it."""

    method: str
    params: dict[str, Any]
    status: int
    result: Any
    at: float


@dataclass
class CallbackAnswer:
    """What the bot answered to one callback query."""

    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int


@dataclass
class WebhookConfig:
    """The webhook set through setWebhook, with its delivery status."""

    url: str
    secret_token: str | None = None
    max_connections: int = 40
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None
    delivered: int = 0


def now_date() -> int:
    """Return the current Unix time, as Telegram dates are."""
    return int(time.time())


@dataclass
class FakeState:
    """Everything the fake server knows; the driver and the API both work on it."""

    bot: FakeUser
    notifier: Notifier = field(default_factory=Notifier)
    users: dict[int, FakeUser] = field(default_factory=dict)
    chats: dict[int, FakeChat] = field(default_factory=dict)
    chat_usernames: dict[str, int] = field(default_factory=dict)
    messages: dict[tuple[int, int], StoredMessage] = field(default_factory=dict)
    sent: list[StoredMessage] = field(default_factory=list)
    sent_by_chat: dict[int, list[StoredMessage]] = field(default_factory=lambda: defaultdict(list))
    calls: dict[str, list[CallRecord]] = field(default_factory=lambda: defaultdict(list))
    pending_callbacks: dict[str, int] = field(default_factory=dict)
    callback_answers: dict[str, CallbackAnswer] = field(default_factory=dict)
    commands: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    menu_buttons: dict[int | None, dict[str, Any]] = field(default_factory=dict)
    chat_actions: list[tuple[int, str]] = field(default_factory=list)
    photos: PhotoStore = field(default_factory=PhotoStore)
    webhook: WebhookConfig | None = None
    closing: bool = False
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def next_id(self) -> int:
        """Return a fresh positive number for ids the fake invents."""
        return next(self._ids)

    def add_chat(self, chat: FakeChat) -> FakeChat:
        """Register a chat (and its @username)."""
        self.chats[chat.id] = chat
        if chat.username:
            self.chat_usernames[chat.username.lower()] = chat.id
        return chat

    def private_chat(self, user: FakeUser) -> FakeChat:
        """Return the user's private chat with the bot, creating it on first use."""
        chat = self.chats.get(user.id)
        if chat is None:
            chat = self.add_chat(
                FakeChat(
                    id=user.id,
                    type="private",
                    username=user.username,
                    first_name=user.first_name,
                    last_name=user.last_name,
                )
            )
        return chat

    def lookup_chat(self, chat_id: int | str) -> FakeChat | None:
        """Find a chat by id or '@username'."""
        if isinstance(chat_id, str):
            found = self.chat_usernames.get(chat_id.removeprefix("@").lower())
            return None if found is None else self.chats.get(found)
        return self.chats.get(chat_id)

    def store_message(self, message: StoredMessage) -> StoredMessage:
        """Keep a message and, when the bot sent it, index it for the driver."""
        self.messages[(message.chat_id, message.message_id)] = message
        if message.from_bot:
            self.sent.append(message)
            self.sent_by_chat[message.chat_id].append(message)
        self.notifier.notify()
        return message
