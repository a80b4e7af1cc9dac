"""`starscalendars users show|deactivate|reactivate <email or Telegram id>`, for operators."""

import argparse
import sys
from typing import Any

import orjson

from core.bus_pg import open_bus
from core.config import Settings
from core.push import ACCOUNT_DEACTIVATED, WS_CHANNEL, PushEnvelope, ToUser
from models.account_status import deactivate, find_account, reactivate
from models.db import create_engine, create_sessionmaker
from models.user import User

ACTIONS = ("show", "deactivate", "reactivate")


def add_parser(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register the `users` subcommand."""
    parser = subparsers.add_parser(
        "users",
        help="show, deactivate or reactivate an account",
        description=(
            "Deactivating ends the account's sessions at once: sign-in, refresh and the API "
            "answer 403 account_deactivated, and open WebSockets close with 4403."
        ),
    )
    parser.add_argument("action", choices=ACTIONS)
    parser.add_argument("account", help="the account's email or Telegram user id")


def _summary(user: User) -> dict[str, Any]:
    return {
        "id": str(user.id),
        "email": user.email,
        "telegram_user_id": user.telegram_user_id,
        "telegram_username": user.telegram_username,
        "display_name": user.display_name,
        "is_active": user.is_active,
        "created_at": user.created_at.isoformat(),
    }


async def run(settings: Settings, args: argparse.Namespace) -> int:
    """Carry out the action and print the account as JSON; an unknown account is NotFoundError."""
    engine = create_engine(settings.database.url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session:
            user = await find_account(session, args.account)
            revoked = 0
            if args.action == "deactivate":
                revoked = await deactivate(session, user)
            elif args.action == "reactivate":
                reactivate(user)
            await session.commit()
            summary = _summary(user)
        if args.action == "deactivate":
            # Every web process (PostgreSQL NOTIFY) closes the user's sockets.
            async with open_bus(settings.database) as bus:
                push = PushEnvelope(ToUser(user.id), ACCOUNT_DEACTIVATED, f"deactivated:{user.id}")
                await bus.publish(WS_CHANNEL, push.encode())
            summary["sessions_revoked"] = revoked
    finally:
        await engine.dispose()
    sys.stdout.buffer.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2) + b"\n")
    return 0
