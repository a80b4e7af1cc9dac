"""A real aiogram Bot sending, editing and failing against the fake over HTTP."""

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramUnauthorizedError,
)
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import TelegramMethod
from aiogram.types import (
    InlineKeyboardMarkup,
    KeyboardButton,
    LinkPreviewOptions,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiohttp import ClientSession

from tests.fakes.telegram import FakeTelegram


class EventAction(CallbackData, prefix="event"):
    """Callback data the bot's inline buttons carry."""

    event_id: int
    action: str


def _keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text="Remind me", callback_data=EventAction(event_id=7, action="remind"))
    builder.button(text="Site", url="https://example.org/event/7")
    return builder.as_markup()


async def test_get_me_reports_the_bot_of_the_token(tg: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.id == int(tg.token.split(":")[0])
    assert me.is_bot
    assert me.username == tg.bot_user.username


async def test_send_message_with_inline_keyboard_reaches_the_driver(
    tg: FakeTelegram, bot: Bot
) -> None:
    user = tg.add_user("Ann", language_code="hy")
    returned = await bot.send_message(
        user.id,
        "Full moon tonight",
        reply_markup=_keyboard(),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    [seen] = await tg.wait_for_messages(user.id, count=1, timeout=1)
    assert seen.message_id == returned.message_id
    assert seen.text == returned.text == "Full moon tonight"
    assert returned.chat.id == user.id
    assert returned.from_user is not None
    assert returned.from_user.id == tg.bot_user.id
    assert returned.link_preview_options is not None
    assert returned.link_preview_options.is_disabled is True
    assert returned.reply_markup is not None
    assert returned.reply_markup.model_dump(exclude_none=True) == _keyboard().model_dump(
        exclude_none=True
    )
    assert EventAction.unpack(next(iter(seen.callback_buttons()))) == EventAction(
        event_id=7, action="remind"
    )


async def test_reply_keyboards_are_kept_for_the_test_but_not_echoed(
    tg: FakeTelegram, bot: Bot
) -> None:
    user = tg.add_user()
    keyboard = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text="Share", request_location=True)]]
    )
    first = await bot.send_message(user.id, "Where are you?", reply_markup=keyboard)
    await bot.send_message(user.id, "Thanks", reply_markup=ReplyKeyboardRemove())
    shown, removed = await tg.wait_for_messages(user.id, count=2, timeout=1)
    assert first.reply_markup is None
    assert shown.reply_markup is not None
    assert shown.reply_markup["keyboard"][0][0]["request_location"] is True
    assert removed.reply_markup == {"remove_keyboard": True}


async def test_html_parse_mode_becomes_entities(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    message = await bot.send_message(
        user.id, "<b>Eclipse</b> at 12:00 &amp; later", parse_mode="HTML"
    )
    assert message.text == "Eclipse at 12:00 & later"
    assert message.entities is not None
    assert [(e.type, e.offset, e.length) for e in message.entities] == [("bold", 0, 7)]


async def test_broken_html_is_a_bad_request(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(user.id, "Sun < Moon <b>oops", parse_mode="HTML")
    assert tg.sent == []


async def test_blocked_deactivated_and_unknown_chats_fail_like_telegram(
    tg: FakeTelegram, bot: Bot
) -> None:
    blocker = tg.add_user("Blocker")
    tg.user(blocker).block_bot()
    gone = tg.add_user("Gone")
    tg.deactivate(gone)
    stranger = tg.add_user("Stranger", started=False)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(blocker.id, "hi")
    with pytest.raises(TelegramForbiddenError, match="user is deactivated"):
        await bot.send_message(gone.id, "hi")
    with pytest.raises(TelegramForbiddenError, match="can't initiate conversation"):
        await bot.send_message(stranger.id, "hi")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(987654321, "hi")
    assert tg.sent == []


async def test_edit_text_and_not_modified(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    sent = await bot.send_message(user.id, "Moon: 50%", reply_markup=_keyboard())
    edited = await bot.edit_message_text(
        text="Moon: 51%", chat_id=user.id, message_id=sent.message_id, reply_markup=_keyboard()
    )
    assert not isinstance(edited, bool)
    assert edited.edit_date is not None
    assert tg.message(user.id, sent.message_id).text == "Moon: 51%"
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            text="Moon: 51%",
            chat_id=user.id,
            message_id=sent.message_id,
            reply_markup=_keyboard(),
        )
    await bot.edit_message_text(text="Moon: 51%", chat_id=user.id, message_id=sent.message_id)
    assert tg.message(user.id, sent.message_id).callback_buttons() == {}


async def test_edit_reply_markup_and_delete(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    sent = await bot.send_message(user.id, "Pick", reply_markup=_keyboard())
    await bot.edit_message_reply_markup(chat_id=user.id, message_id=sent.message_id)
    assert tg.message(user.id, sent.message_id).reply_markup is None
    assert await bot.delete_message(user.id, sent.message_id) is True
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(user.id, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text(text="x", chat_id=user.id, message_id=sent.message_id)


async def test_callback_query_is_answered_once(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    sent = await bot.send_message(user.id, "Pick", reply_markup=_keyboard())
    [message] = await tg.wait_for_messages(user.id)
    data = EventAction(event_id=7, action="remind").pack()
    query_id = tg.user(user).press(message, data)
    [update] = await bot.get_updates()
    assert update.callback_query is not None
    assert update.callback_query.data == data
    assert update.callback_query.message is not None
    assert update.callback_query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query_id, text="Saved") is True
    assert (await tg.wait_for_callback_answer(query_id)).text == "Saved"
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)


async def test_unknown_method_is_404_and_bad_token_is_401(tg: FakeTelegram, bot: Bot) -> None:
    class NoSuchMethod(TelegramMethod[bool]):
        __returning__ = bool
        __api_method__ = "noSuchMethod"

    with pytest.raises(TelegramNotFound, match="Not Found"):
        await bot(NoSuchMethod())
    other = Bot(token="42:wrong", session=bot.session)
    with pytest.raises(TelegramUnauthorizedError, match="Unauthorized"):
        await other.get_me()


async def test_method_names_are_case_insensitive(tg: FakeTelegram, bot: Bot) -> None:
    async with (
        ClientSession() as session,
        session.post(f"{tg.api_url}/bot{tg.token}/GETME") as response,
    ):
        body = await response.json()
    assert body["ok"] is True
    assert body["result"]["id"] == tg.bot_user.id
