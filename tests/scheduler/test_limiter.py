"""The process-wide rate limiter: even pace without bursts, per-chat windows, pauses."""

import asyncio
import itertools
import time
from collections.abc import Awaitable

from scheduler.limiter import Limits, RateLimiter

RATE = 100.0


def _limiter(private_window: float = 1.0) -> RateLimiter:
    return RateLimiter(
        Limits(
            per_second=RATE,
            private_count=1,
            private_window=private_window,
            group_count=20,
            group_window=60.0,
        )
    )


async def _passes(limiter: RateLimiter, chats: list[int | str | None]) -> list[float]:
    """When each of several concurrent senders got through, in order."""
    times: list[float] = []

    async def one(chat: int | str | None) -> None:
        await limiter.acquire(chat)
        times.append(time.monotonic())

    await asyncio.gather(*(one(chat) for chat in chats))
    return sorted(times)


async def test_concurrent_senders_go_evenly_spaced_and_never_in_a_burst() -> None:
    limiter = _limiter()
    # A busy event loop: every sender wakes late, which must not let the next ones bunch up.
    blocker = asyncio.create_task(_hog_the_loop(0.05, times=3))
    times = await _passes(limiter, list(range(1, 41)))
    await blocker
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) >= 0.75 / RATE
    window = 0.1
    most = max(sum(1 for t in times if start <= t < start + window) for start in times)
    assert most <= window * RATE + 1
    assert times[-1] - times[0] >= 39 * 0.75 / RATE


async def test_a_pause_holds_back_the_sender_already_waiting() -> None:
    limiter = _limiter()
    await limiter.acquire(None)
    waiting = asyncio.create_task(limiter.acquire(None))
    await asyncio.sleep(0)
    paused_at = time.monotonic()
    limiter.pause(0.3)
    await waiting
    assert time.monotonic() - paused_at >= 0.3


async def test_private_chats_get_one_message_per_window_others_are_not_held_up() -> None:
    limiter = _limiter(private_window=0.3)
    started = time.monotonic()
    await limiter.acquire(42)
    second_to_same, to_other = await asyncio.gather(
        _timed(limiter.acquire(42), started), _timed(limiter.acquire(43), started)
    )
    assert second_to_same >= 0.3
    assert to_other < 0.2


async def _timed(waiting: Awaitable[None], started: float) -> float:
    await waiting
    return time.monotonic() - started


async def _hog_the_loop(seconds: float, times: int) -> None:
    for _ in range(times):
        await asyncio.sleep(0.02)
        time.sleep(seconds)  # noqa: ASYNC251 - blocking on purpose: a busy event loop
