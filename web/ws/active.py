"""Whether the accounts behind new sockets are active, asked of the database in batches.

Every socket checks its account when it authenticates; one query per socket would make the
database the limit of how fast clients can (re)connect. Checks that arrive while a query runs
wait for the next one, which answers all of them together.
"""

import asyncio
import uuid

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.account_status import active_flags

# Ids per query: below SQLite's limit on bound parameters, small enough to answer quickly.
BATCH_SIZE = 500


class ActiveAccounts:
    """Batched `is_active` look-ups: True, False, or None for an account that no longer exists."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        self._waiting: dict[uuid.UUID, list[asyncio.Future[bool | None]]] = {}
        self._worker: asyncio.Task[None] | None = None

    async def is_active(self, user_id: uuid.UUID) -> bool | None:
        """The account's flag, from the next batch query."""
        future: asyncio.Future[bool | None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(user_id, []).append(future)
        if self._worker is None:
            self._worker = asyncio.create_task(self._drain(), name="ws-active-accounts")
        return await future

    async def _drain(self) -> None:
        try:
            while self._waiting:
                ids = list(self._waiting)[:BATCH_SIZE]
                batch = {user_id: self._waiting.pop(user_id) for user_id in ids}
                try:
                    async with self._sessionmaker() as session:
                        flags = await active_flags(session, ids)
                except Exception as exc:  # each waiting socket fails, not the next batch
                    for futures in batch.values():
                        for future in futures:
                            if not future.done():
                                future.set_exception(exc)
                    continue
                for user_id, futures in batch.items():
                    for future in futures:
                        if not future.done():
                            future.set_result(flags.get(user_id))
        finally:
            self._worker = None


ACTIVE_ACCOUNTS = web.AppKey("ws_active_accounts", ActiveAccounts)
