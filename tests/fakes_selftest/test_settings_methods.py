"""Commands, menu button, chat actions and the call log."""

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    MenuButtonCommands,
    MenuButtonWebApp,
    WebAppInfo,
)

from tests.fakes.telegram import FakeTelegram


def _dump(commands: list[BotCommand]) -> list[dict[str, object]]:
    return [command.model_dump(exclude_none=True) for command in commands]


async def test_commands_are_kept_per_scope_and_language(tg: FakeTelegram, bot: Bot) -> None:
    english = [BotCommand(command="start", description="Start")]
    russian = [BotCommand(command="start", description="Начать")]
    private = BotCommandScopeAllPrivateChats()
    assert await bot.set_my_commands(english) is True
    assert await bot.set_my_commands(russian, scope=private, language_code="ru") is True
    assert _dump(await bot.get_my_commands()) == _dump(english)
    assert _dump(await bot.get_my_commands(scope=private, language_code="ru")) == _dump(russian)
    assert await bot.get_my_commands(scope=private) == []
    assert tg.commands({"type": "all_private_chats"}, "ru") == [
        {"command": "start", "description": "Начать"}
    ]
    assert await bot.delete_my_commands(scope=private, language_code="ru") is True
    assert await bot.get_my_commands(scope=private, language_code="ru") == []


async def test_invalid_commands_and_scopes_are_rejected(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.set_my_commands(
            [BotCommand(command="ok", description="x")], scope=BotCommandScopeChat(chat_id=-5)
        )


async def test_menu_button_per_chat_and_default(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    web_app = MenuButtonWebApp(text="Calendar", web_app=WebAppInfo(url="https://example.org"))
    assert isinstance(await bot.get_chat_menu_button(), MenuButtonCommands)
    assert await bot.set_chat_menu_button(chat_id=user.id, menu_button=web_app) is True
    shown = await bot.get_chat_menu_button(chat_id=user.id)
    assert isinstance(shown, MenuButtonWebApp)
    assert (shown.text, shown.web_app.url) == ("Calendar", "https://example.org")
    assert tg.menu_buttons[user.id]["web_app"] == {"url": "https://example.org"}
    assert isinstance(await bot.get_chat_menu_button(), MenuButtonCommands)


async def test_chat_actions_are_recorded_and_validated(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    assert await bot.send_chat_action(user.id, "typing") is True
    with pytest.raises(TelegramBadRequest, match="wrong parameter action"):
        await bot.send_chat_action(user.id, "dancing")
    assert tg.chat_actions == [(user.id, "typing")]
    statuses = [call.status for call in tg.calls("sendChatAction")]
    assert statuses == [200, 400]
