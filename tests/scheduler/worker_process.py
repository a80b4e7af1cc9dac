"""A delivery worker as its own process, configured from the environment like the real role."""

import asyncio
import signal

from core.config import load_settings
from core.runtime import create_runtime
from core.telegram import create_bot
from scheduler.worker import DeliveryWorker


async def main() -> None:
    """Deliver until SIGTERM (tests mostly end it with SIGKILL)."""
    settings = load_settings(None)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with create_runtime(settings) as runtime:
        bot = create_bot(settings.telegram)
        try:
            await DeliveryWorker.from_runtime(runtime, bot).run(stop)
        finally:
            await bot.session.close()


if __name__ == "__main__":
    asyncio.run(main())
