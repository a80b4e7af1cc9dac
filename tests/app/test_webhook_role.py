"""Webhook mode through the real CLI: the `web` process hosts the bot and answers over HTTP."""

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.fakes.telegram import FakeTelegram
from tests.ports import free_port

SECRET = "webhook_secret-7"
REPO = str(Path(__file__).resolve().parents[2])


@pytest.mark.postgres
@pytest.mark.usefixtures("pg_sessionmaker")  # empties the tables after: later tests count users
async def test_web_role_in_webhook_mode_serves_the_bot(pg_url: str, tmp_path: Path) -> None:
    port = free_port()
    async with FakeTelegram() as tg:
        env = {
            **os.environ,
            "PYTHONPATH": REPO,
            "DATABASE_URL": pg_url,
            "TELEGRAM_BOT_TOKEN": tg.token,
            "TELEGRAM_API_URL": tg.api_url,
            "TELEGRAM_USE_WEBHOOK": "true",
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
            "TELEGRAM_THROTTLE_SECONDS": "0",
            "PUBLIC_URL": f"http://127.0.0.1:{port}",
            "WEB_PORT": str(port),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "app.cli",
            "web",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await tg.wait_until(lambda: tg.webhook is not None, timeout=60)
            assert tg.webhook is not None
            assert tg.webhook.url == f"http://127.0.0.1:{port}/telegram/webhook"
            assert tg.webhook.secret_token == SECRET
            ada = tg.add_user("Ada", language_code="de")
            tg.user(ada).send_text("/start")
            [reply] = await tg.wait_for_messages(ada.id, count=1, timeout=30)
            assert reply.text
            assert tg.calls("getUpdates") == []
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
        assert process.returncode == 0, stderr.decode()
        assert b"Traceback" not in stderr
