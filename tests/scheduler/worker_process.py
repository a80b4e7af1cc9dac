"""A delivery worker as its own process, configured from the environment like the real role."""

import asyncio
import signal

from core.config import load_settings
from core.runtime import create_runtime
from scheduler.telegram_send import TelegramSender
from scheduler.worker import DeliveryWorker


async def main() -> None:
    """Deliver until SIGTERM (tests mostly end it with SIGKILL)."""
    settings = load_settings(None)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with create_runtime(settings) as runtime:
        sender = TelegramSender.from_settings(settings.telegram)
        try:
            await DeliveryWorker.from_runtime(runtime, sender).run(stop)
        finally:
            await sender.close()


if __name__ == "__main__":
    asyncio.run(main())
