"""Webhook delivery: POST each pending update to the bot, in order, until it answers 2xx."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from aiohttp import (
    BodyPartReader,
    ClientError,
    ClientResponse,
    ClientSession,
    ClientTimeout,
    MultipartReader,
)

from tests.fakes.telegram.methods import BotApi
from tests.fakes.telegram.params import Params
from tests.fakes.telegram.state import FakeState, WebhookConfig, now_date
from tests.fakes.telegram.updates import UpdateQueue

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookSender:
    """Delivers updates in order; runs a method the bot puts in its reply, as Telegram does."""

    def __init__(
        self,
        state: FakeState,
        queue: UpdateQueue,
        api: BotApi,
        *,
        retry_delay: float,
        request_timeout: float,
    ):
        self.state = state
        self.queue = queue
        self.api = api
        self.retry_delay = retry_delay
        self.timeout = ClientTimeout(total=request_timeout)

    def _due(self) -> bool:
        return self.state.closing or (self.state.webhook is not None and len(self.queue) > 0)

    async def run(self) -> None:
        """Deliver until the fake closes."""
        async with ClientSession(timeout=self.timeout) as session:
            while True:
                await self.state.notifier.wait_until(self._due, None)
                webhook = self.state.webhook
                if self.state.closing or webhook is None:
                    return
                update = self.queue.peek(1)[0]
                if await self._deliver(session, webhook, update):
                    self.queue.confirm(update["update_id"] + 1)
                    webhook.delivered += 1
                    self.state.notifier.notify()
                else:
                    await asyncio.sleep(self.retry_delay)

    async def _deliver(
        self, session: ClientSession, webhook: WebhookConfig, update: dict[str, Any]
    ) -> bool:
        headers = {"Content-Type": "application/json"}
        if webhook.secret_token:
            headers[SECRET_HEADER] = webhook.secret_token
        try:
            async with session.post(
                webhook.url, data=orjson.dumps(update), headers=headers
            ) as response:
                if 200 <= response.status < 300:
                    await self._run_reply_method(response)
                    return True
                error = f"Wrong response from the webhook: {response.status} {response.reason}"
        except TimeoutError:
            error = "Read timeout expired"
        except ClientError as exc:
            error = f"Connection failed: {exc}"
        webhook.last_error_date = now_date()
        webhook.last_error_message = error
        self.state.notifier.notify()
        return False

    async def _run_reply_method(self, response: ClientResponse) -> None:
        raw: dict[str, Any] = {}
        if response.content_type == "application/json":
            body = orjson.loads(await response.read() or b"{}")
            raw = body if isinstance(body, dict) else {}
        elif response.content_type == "multipart/form-data":
            reader = MultipartReader.from_response(response)
            async for part in reader:
                if isinstance(part, BodyPartReader) and part.name and not part.filename:
                    raw[part.name] = await part.text()
        method = raw.pop("method", None)
        found = self.api.lookup(method) if isinstance(method, str) else None
        if found is not None:
            name, handler = found
            await self.api.execute(name, handler, Params(raw))
