"""Benchmark: a real aiogram Bot broadcasting to many users through the fake.

Run: .venv/bin/python -m bench.fake_telegram_bench [messages] [concurrency]
Limits are switched off so that the figure is the fake's own throughput, not Telegram's 30/s.
"""

from __future__ import annotations

import asyncio
import sys
import time

from tests.fakes.telegram.aiogram_bot import create_bot
from tests.fakes.telegram.driver import FakeTelegram
from tests.fakes.telegram.limits import LimitsConfig


async def broadcast(messages: int, concurrency: int) -> tuple[float, int]:
    """Send `messages` messages to as many users; return elapsed seconds and messages stored."""
    async with FakeTelegram(limits=LimitsConfig(enabled=False)) as tg:
        users = [tg.add_user(f"User {number}") for number in range(messages)]
        gate = asyncio.Semaphore(concurrency)
        async with create_bot(tg) as bot:

            async def send(user_id: int) -> None:
                async with gate:
                    await bot.send_message(user_id, "Full moon at 21:14 — look east")

            await bot.get_me()  # opens the connection pool outside the timed part
            started = time.perf_counter()
            await asyncio.gather(*(send(user.id) for user in users))
            elapsed = time.perf_counter() - started
        return elapsed, len(tg.sent)


def main() -> None:
    """Print throughput figures for one broadcast."""
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    elapsed, stored = asyncio.run(broadcast(messages, concurrency))
    print(
        f"messages={stored} concurrency={concurrency} seconds={elapsed:.2f} "
        f"rate={stored / elapsed:.0f}/s per_message_ms={elapsed / stored * 1000:.3f}"
    )


if __name__ == "__main__":
    main()
