"""The process-wide rate limiter: even pace in bursts of at most k, per-chat windows, pauses."""

import asyncio
import itertools
import time
from collections.abc import Awaitable

import pytest

from scheduler.limiter import Limits, RateLimiter

RATE = 100.0


def _limiter(private_window: float = 1.0, burst: int = 2) -> RateLimiter:
    return RateLimiter(
        Limits(
            per_second=RATE,
            burst=burst,
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


@pytest.mark.parametrize("burst", [1, 2, 3])
async def test_concurrent_senders_never_go_more_than_burst_at_once(burst: int) -> None:
    limiter = _limiter(burst=burst)
    # A busy event loop: every sender wakes late, which must not let the next ones bunch up.
    blocker = asyncio.create_task(_hog_the_loop(0.05, times=3))
    times = await _passes(limiter, list(range(1, 41)))
    await blocker
    tick = burst / RATE
    # Any burst + 1 consecutive sends span two ticks, which are at least 3/4 tick apart.
    spans = [times[i + burst] - times[i] for i in range(len(times) - burst)]
    assert min(spans) >= 0.75 * tick - 0.25 / RATE
    window = 0.1
    most = max(sum(1 for t in times if start <= t < start + window) for start in times)
    assert most <= window * RATE + burst
    assert times[-1] - times[0] >= (40 // burst - 1) * 0.75 * tick


async def test_each_tick_lets_burst_waiting_senders_through_together() -> None:
    limiter = _limiter(burst=2)
    times = await _passes(limiter, list(range(1, 21)))
    pairs = [times[i : i + 2] for i in range(0, len(times), 2)]
    assert max(second - first for first, second in pairs) < 0.25 / RATE
    starts = [first for first, _ in pairs]
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.75 * 2 / RATE
    assert times[-1] - times[0] >= 9 * 0.75 * 2 / RATE


async def test_a_place_left_in_a_tick_lapses_so_late_senders_do_not_join_the_next_tick() -> None:
    limiter = _limiter(burst=2)
    await limiter.acquire(None)
    first = time.monotonic()
    await asyncio.sleep(1 / RATE)
    times = [first, *await _passes(limiter, [None, None, None])]
    spans = [times[i + 2] - times[i] for i in range(len(times) - 2)]
    assert min(spans) >= 0.75 * 2 / RATE - 0.25 / RATE


async def test_a_pause_holds_back_the_sender_already_waiting() -> None:
    limiter = _limiter(burst=2)
    await limiter.acquire(None)
    await limiter.acquire(None)
    waiting = asyncio.create_task(limiter.acquire(None))
    await asyncio.sleep(0)
    paused_at = time.monotonic()
    limiter.pause(0.3)
    await waiting
    assert time.monotonic() - paused_at >= 0.3


async def test_a_pause_takes_back_the_places_left_in_a_tick() -> None:
    limiter = _limiter(burst=3)
    await limiter.acquire(None)
    paused_at = time.monotonic()
    limiter.pause(0.3)
    await limiter.acquire(None)
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
