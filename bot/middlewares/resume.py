"""Commands in the middle of onboarding: answered, then the setup step is shown again."""

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, TelegramObject

from bot.steps import resume_step

# Commands that lead the setup themselves (restart it, or leave it for the settings).
SETUP_COMMANDS = frozenset({"start", "settings", "language"})


def command_name(message: Message) -> str | None:
    """ "help" for "/help@StarsBot now", None for text that is not a command."""
    text = message.text or ""
    if not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].partition("@")[0].lower() if len(text) > 1 else ""


class ResumeSetupMiddleware(BaseMiddleware):
    """Inner message middleware: /help at the language step gets help, then the picker again."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        result = await handler(event, data)
        state: FSMContext | None = data.get("state")
        if (
            isinstance(event, Message)
            and state is not None
            and "user" in data
            and command_name(event) not in {None, *SETUP_COMMANDS}
            and await state.get_state() is not None
            and (await state.get_data()).get("onboarding")
        ):
            await resume_step(event, data["tr"], state, data["user"])
        return result
