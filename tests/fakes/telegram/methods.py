"""Bot API methods implemented over the fake's state, answering as Telegram does."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from yarl import URL

from tests.fakes.telegram.content import message_text, reply_markup
from tests.fakes.telegram.errors import ApiError, bad_request, chat_not_found, conflict, forbidden
from tests.fakes.telegram.limits import RateLimiter
from tests.fakes.telegram.objects import (
    chat_full_info_json,
    chat_json,
    me_json,
    member_json,
    user_json,
)
from tests.fakes.telegram.params import Params
from tests.fakes.telegram.photos import caption
from tests.fakes.telegram.state import (
    CallbackAnswer,
    CallRecord,
    FakeChat,
    FakeState,
    Membership,
    StoredMessage,
    WebhookConfig,
    now_date,
)
from tests.fakes.telegram.updates import UpdateQueue

Handler = Callable[[Params], Awaitable[Any]]

_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


@dataclass(frozen=True)
class Described:
    """A successful result that Telegram sends with a description (e.g. 'Webhook was set')."""

    result: Any
    description: str


class BotApi:
    """The method table: canonical names, case-insensitive lookup and the handlers."""

    def __init__(self, state: FakeState, queue: UpdateQueue, limiter: RateLimiter):
        self.state = state
        self.queue = queue
        self.limiter = limiter
        handlers: dict[str, Handler] = {
            "getMe": self.get_me,
            "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info,
            "sendMessage": self.send_message,
            "sendPhoto": self.send_photo,
            "editMessageText": self.edit_message_text,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message,
            "answerCallbackQuery": self.answer_callback_query,
            "getChatMember": self.get_chat_member,
            "getChat": self.get_chat,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "setChatMenuButton": self.set_chat_menu_button,
            "getChatMenuButton": self.get_chat_menu_button,
            "sendChatAction": self.send_chat_action,
            "logOut": self.log_out,
            "close": self.log_out,
        }
        self._table = {name.lower(): (name, handler) for name, handler in handlers.items()}

    def lookup(self, method: str) -> tuple[str, Handler] | None:
        """Find a method by name, ignoring case as Telegram does."""
        return self._table.get(method.lower())

    async def execute(self, name: str, handler: Handler, params: Params) -> tuple[int, Any]:
        """Run one call, log it, and return the HTTP status and JSON body Telegram would send."""
        body: dict[str, Any]
        try:
            result = await handler(params)
        except ApiError as error:
            status, body, logged = error.error_code, error.payload(), error.description
        else:
            status, logged = 200, result
            if isinstance(result, Described):
                logged = result.result
                body = {"ok": True, "result": result.result, "description": result.description}
            else:
                body = {"ok": True, "result": result}
        self.state.calls[name].append(
            CallRecord(name, params.raw, status, logged, self.limiter.clock())
        )
        self.state.notifier.notify()
        return status, body

    # -- bot and updates --------------------------------------------------------------------

    async def get_me(self, params: Params) -> Any:
        """getMe."""
        return me_json(self.state.bot)

    async def log_out(self, params: Params) -> Any:
        """logOut and close: accepted; the fake has no cloud session to leave."""
        return True

    async def get_updates(self, params: Params) -> Any:
        """getUpdates with offset confirmation, limit, timeout and allowed_updates."""
        if self.state.webhook is not None:
            raise conflict(
                "can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first"
            )
        offset = params.integer("offset")
        if offset:
            self.queue.confirm(offset)
        self._apply_allowed_updates(params)
        limit = min(max(params.integer("limit") or 100, 1), 100)
        timeout = max(params.integer("timeout") or 0, 0)
        return await self.queue.long_poll(limit, float(timeout), lambda: self.state.closing)

    def _apply_allowed_updates(self, params: Params) -> None:
        if not params.has("allowed_updates"):
            return
        types = params.json("allowed_updates", error="can't parse allowed updates JSON object")
        if types is None:
            types = []
        if not isinstance(types, list) or not all(isinstance(kind, str) for kind in types):
            raise bad_request("can't parse allowed updates JSON object")
        self.queue.set_allowed(types)

    async def set_webhook(self, params: Params) -> Any:
        """setWebhook; an empty url removes the webhook, as in Telegram."""
        url = (params.text("url") or "").strip()
        if not url:
            return await self.delete_webhook(params)
        parsed = URL(url)
        if parsed.scheme not in {"http", "https"} or not parsed.host:
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.text("secret_token")
        if secret is not None and not _SECRET_TOKEN.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        max_connections = params.integer("max_connections") or 40
        if not 1 <= max_connections <= 100:
            raise bad_request("bad webhook: max_connections must be between 1 and 100")
        self._apply_allowed_updates(params)
        if params.flag("drop_pending_updates"):
            self.queue.drop_all()
        current = self.state.webhook
        unchanged = (
            current is not None
            and current.url == url
            and current.secret_token == secret
            and current.max_connections == max_connections
        )
        if not unchanged:
            self.state.webhook = WebhookConfig(
                url=url,
                secret_token=secret,
                max_connections=max_connections,
                ip_address=params.text("ip_address"),
            )
            self.state.notifier.notify()
        return Described(True, "Webhook is already set" if unchanged else "Webhook was set")

    async def delete_webhook(self, params: Params) -> Any:
        """deleteWebhook, optionally dropping pending updates."""
        if params.flag("drop_pending_updates"):
            self.queue.drop_all()
        existed = self.state.webhook is not None
        self.state.webhook = None
        self.state.notifier.notify()
        return Described(True, "Webhook was deleted" if existed else "Webhook is already deleted")

    async def get_webhook_info(self, params: Params) -> Any:
        """getWebhookInfo."""
        webhook = self.state.webhook
        info: dict[str, Any] = {
            "url": webhook.url if webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue),
        }
        if webhook is None:
            return info
        info["max_connections"] = webhook.max_connections
        if webhook.ip_address:
            info["ip_address"] = webhook.ip_address
        if webhook.last_error_date is not None:
            info["last_error_date"] = webhook.last_error_date
            info["last_error_message"] = webhook.last_error_message
        allowed = self.queue.allowed_updates
        if allowed is not None:
            info["allowed_updates"] = allowed
        return info

    # -- messages ---------------------------------------------------------------------------

    def writable_chat(self, chat_id: int | str) -> FakeChat:
        """Resolve a chat the bot may post to, or fail with Telegram's 400/403 answers."""
        chat = self.state.lookup_chat(chat_id)
        if chat is None:
            user = self.state.users.get(chat_id) if isinstance(chat_id, int) else None
            if user is not None and not user.deactivated:
                raise forbidden("bot can't initiate conversation with a user")
            raise chat_not_found()
        if chat.is_private:
            user = self.state.users.get(chat.id)
            if user is not None and user.deactivated:
                raise forbidden("user is deactivated")
            if user is not None and user.blocked_bot:
                raise forbidden("bot was blocked by the user")
            return chat
        member = chat.members.get(self.state.bot.id, Membership("left"))
        if member.status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.type} chat")
        if not member.present:
            raise forbidden(f"bot is not a member of the {chat.type} chat")
        if chat.type == "channel" and member.status not in {"creator", "administrator"}:
            raise bad_request("need administrator rights in the channel chat")
        return chat

    def message_json(
        self,
        chat: FakeChat,
        message_id: int,
        text: str,
        entities: list[dict[str, Any]],
        markup: dict[str, Any] | None,
    ) -> dict[str, Any]:
        """Build the Message JSON of a text message the bot sends to `chat`."""
        payload: dict[str, Any] = {"message_id": message_id}
        if chat.type == "channel":
            payload["sender_chat"] = chat_json(chat)
        else:
            payload["from"] = user_json(self.state.bot)
        payload["chat"] = chat_json(chat)
        payload["date"] = now_date()
        payload["text"] = text
        if entities:
            payload["entities"] = entities
        if markup is not None and "inline_keyboard" in markup:
            payload["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
        return payload

    async def send_message(self, params: Params) -> Any:
        """sendMessage, under the flood limits."""
        chat = self.writable_chat(params.chat_id())
        text, entities = message_text(params)
        markup = reply_markup(params)
        replied = self._replied_message(chat, params)
        self.limiter.admit(
            chat.id, private=chat.is_private, paid=params.flag("allow_paid_broadcast")
        )
        payload = self.message_json(chat, chat.next_message_id(), text, entities, markup)
        preview = params.json("link_preview_options")
        if isinstance(preview, dict) and preview:
            payload["link_preview_options"] = preview
        if replied is not None:
            payload["reply_to_message"] = {
                key: value for key, value in replied.payload.items() if key != "reply_to_message"
            }
        message = StoredMessage(
            chat_id=chat.id,
            message_id=payload["message_id"],
            payload=payload,
            from_bot=True,
            reply_markup=markup,
            params=params.raw,
            sent_at=self.limiter.clock(),
        )
        self.state.store_message(message)
        return payload

    async def send_photo(self, params: Params) -> Any:
        """sendPhoto: an upload (multipart) or a file_id sent before, with a caption."""
        chat = self.writable_chat(params.chat_id())
        text, entities = caption(params)
        markup = reply_markup(params)
        sizes = self.state.photos.photo_sizes(params)
        self.limiter.admit(
            chat.id, private=chat.is_private, paid=params.flag("allow_paid_broadcast")
        )
        payload = self.message_json(chat, chat.next_message_id(), "", [], markup)
        del payload["text"]
        payload["photo"] = sizes
        if text:
            payload["caption"] = text
        if entities:
            payload["caption_entities"] = entities
        self.state.store_message(
            StoredMessage(
                chat_id=chat.id,
                message_id=payload["message_id"],
                payload=payload,
                from_bot=True,
                reply_markup=markup,
                params={k: v for k, v in params.raw.items() if isinstance(v, str | int | bool)},
                sent_at=self.limiter.clock(),
            )
        )
        return payload

    def _replied_message(self, chat: FakeChat, params: Params) -> StoredMessage | None:
        reply = params.json("reply_parameters")
        if isinstance(reply, dict):
            message_id = reply.get("message_id")
            tolerant = bool(reply.get("allow_sending_without_reply"))
        else:
            message_id = params.integer("reply_to_message_id")
            tolerant = params.flag("allow_sending_without_reply")
        if message_id is None:
            return None
        found = self.state.messages.get((chat.id, int(message_id)))
        if found is None or found.deleted:
            if tolerant:
                return None
            raise bad_request("message to be replied not found")
        return found

    def _editable(self, params: Params) -> tuple[FakeChat, StoredMessage]:
        if params.has("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self.writable_chat(params.chat_id())
        message_id = params.require_int("message_id", error="message identifier is not specified")
        message = self.state.messages.get((chat.id, message_id))
        if message is None or message.deleted:
            raise bad_request("message to edit not found")
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return chat, message

    def _apply_edit(
        self,
        message: StoredMessage,
        text: str,
        entities: list[dict[str, Any]],
        markup: dict[str, Any] | None,
    ) -> dict[str, Any]:
        payload = message.payload
        inline = {"inline_keyboard": markup["inline_keyboard"]} if markup else None
        if (
            payload.get("text") == text
            and payload.get("entities", []) == entities
            and payload.get("reply_markup") == inline
        ):
            raise bad_request(_NOT_MODIFIED)
        payload["text"] = text
        if entities:
            payload["entities"] = entities
        else:
            payload.pop("entities", None)
        if inline is None:
            payload.pop("reply_markup", None)
        else:
            payload["reply_markup"] = inline
        payload["edit_date"] = now_date()
        message.reply_markup = markup
        self.state.notifier.notify()
        return payload

    async def edit_message_text(self, params: Params) -> Any:
        """editMessageText; without reply_markup the inline keyboard goes, as in Telegram."""
        _, message = self._editable(params)
        text, entities = message_text(params)
        markup = reply_markup(params)
        if markup is not None and "inline_keyboard" not in markup:
            raise bad_request("inline keyboard expected")
        return self._apply_edit(message, text, entities, markup)

    async def edit_message_reply_markup(self, params: Params) -> Any:
        """editMessageReplyMarkup."""
        _, message = self._editable(params)
        markup = reply_markup(params)
        if markup is not None and "inline_keyboard" not in markup:
            raise bad_request("inline keyboard expected")
        return self._apply_edit(message, message.text or "", message.entities, markup)

    async def delete_message(self, params: Params) -> Any:
        """deleteMessage."""
        chat = self.writable_chat(params.chat_id())
        message_id = params.require_int("message_id", error="message identifier is not specified")
        message = self.state.messages.get((chat.id, message_id))
        if message is None or message.deleted:
            raise bad_request("message to delete not found")
        message.deleted = True
        self.state.notifier.notify()
        return True

    async def answer_callback_query(self, params: Params) -> Any:
        """answerCallbackQuery; each query can be answered once."""
        query_id = params.require_text("callback_query_id", error=_QUERY_INVALID)
        if self.state.pending_callbacks.pop(query_id, None) is None:
            raise bad_request(_QUERY_INVALID)
        text = params.text("text")
        if text is not None and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.state.callback_answers[query_id] = CallbackAnswer(
            query_id=query_id,
            text=text,
            show_alert=params.flag("show_alert"),
            url=params.text("url"),
            cache_time=params.integer("cache_time") or 0,
        )
        self.state.notifier.notify()
        return True

    async def send_chat_action(self, params: Params) -> Any:
        """sendChatAction."""
        chat = self.writable_chat(params.chat_id())
        action = params.require_text("action", error="wrong parameter action in request")
        if action not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.state.chat_actions.append((chat.id, action))
        return True

    # -- chats and members ------------------------------------------------------------------

    def _visible_chat(self, chat_id: int | str) -> FakeChat:
        chat = self.state.lookup_chat(chat_id)
        if chat is None:
            raise chat_not_found()
        if not chat.is_private and not chat.username:
            bot = chat.members.get(self.state.bot.id, Membership("left"))
            if not bot.present:
                raise chat_not_found()
        return chat

    async def get_chat(self, params: Params) -> Any:
        """getChat."""
        return chat_full_info_json(self._visible_chat(params.chat_id()))

    async def get_chat_member(self, params: Params) -> Any:
        """getChatMember, including channels where the bot lacks admin rights."""
        chat = self._visible_chat(params.chat_id())
        user_id = params.require_int("user_id", error="invalid user_id specified")
        bot = self.state.bot
        user = bot if user_id == bot.id else self.state.users.get(user_id)
        if user is None:
            raise bad_request("user not found")
        if chat.is_private:
            if user_id not in {chat.id, bot.id}:
                raise bad_request("user not found")
            return member_json(user, Membership("member"), chat)
        bot_member = chat.members.get(bot.id, Membership("left"))
        bot_is_admin = bot_member.status in {"creator", "administrator"}
        if chat.type == "channel" and not bot_is_admin and user_id != bot.id:
            raise bad_request("member list is inaccessible")
        return member_json(user, chat.members.get(user_id, Membership("left")), chat)

    # -- commands and menu button -----------------------------------------------------------

    def _commands_key(self, params: Params) -> tuple[str, str]:
        scope = params.json("scope", error="can't parse bot command scope JSON object")
        if scope is None:
            scope = {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in _SCOPES:
            raise bad_request("can't parse bot command scope JSON object")
        if "chat_id" in scope and self.state.lookup_chat(scope["chat_id"]) is None:
            raise chat_not_found()
        language = params.text("language_code") or ""
        if language and not _LANGUAGE_CODE.fullmatch(language):
            raise bad_request("invalid language code specified")
        scope_key = ",".join(f"{key}={scope[key]}" for key in sorted(scope))
        return scope_key, language

    async def set_my_commands(self, params: Params) -> Any:
        """setMyCommands per scope and language_code."""
        commands = params.json("commands", error="can't parse commands JSON object")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("can't parse commands JSON object")
        cleaned: list[dict[str, str]] = []
        for item in commands:
            if not isinstance(item, dict):
                raise bad_request("can't parse BotCommand JSON object")
            name = str(item.get("command", "")).removeprefix("/")
            description = str(item.get("description", ""))
            if not _COMMAND_NAME.fullmatch(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": description})
        key = self._commands_key(params)
        if cleaned:
            self.state.commands[key] = cleaned
        else:
            self.state.commands.pop(key, None)
        return True

    async def get_my_commands(self, params: Params) -> Any:
        """getMyCommands for exactly that scope and language_code."""
        return self.state.commands.get(self._commands_key(params), [])

    async def delete_my_commands(self, params: Params) -> Any:
        """deleteMyCommands."""
        self.state.commands.pop(self._commands_key(params), None)
        return True

    async def set_chat_menu_button(self, params: Params) -> Any:
        """setChatMenuButton for one private chat, or the default without chat_id."""
        chat_id = params.integer("chat_id", error="chat not found")
        if chat_id is not None:
            chat = self.state.lookup_chat(chat_id)
            if chat is None or not chat.is_private:
                raise chat_not_found()
        button = params.json("menu_button", error="can't parse menu button JSON object")
        if button is None:
            button = {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in {
            "default",
            "commands",
            "web_app",
        }:
            raise bad_request("can't parse menu button JSON object")
        if button["type"] == "web_app" and not (button.get("text") and button.get("web_app")):
            raise bad_request("can't parse menu button JSON object")
        self.state.menu_buttons[chat_id] = button
        return True

    async def get_chat_menu_button(self, params: Params) -> Any:
        """getChatMenuButton, falling back from the chat's button to the bot's default."""
        chat_id = params.integer("chat_id", error="chat not found")
        for key in (chat_id, None):
            button = self.state.menu_buttons.get(key)
            if button is not None and button["type"] != "default":
                return button
        return {"type": "commands"}
