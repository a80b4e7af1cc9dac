"""/stats and /broadcast for admins: counts, preview, confirmation, outbox rows."""

import asyncio
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.keyboards.callbacks import BroadcastConfirm
from core.i18n import I18n
from models.delivery import Delivery, DeliveryKind, DeliveryStatus, TargetType
from models.user import User
from tests.bot.conftest import ADMIN_ID, StartBot
from tests.bot.helpers import edited_to, plain, press, reply_to
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


async def test_stats_counts_users_members_languages_and_the_outbox(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        async with running.sessionmaker() as session:
            session.add_all(
                [
                    User(telegram_user_id=1, language="ru", is_telegram_subscribed=True),
                    User(telegram_user_id=2, language="ru", bot_blocked_at=datetime.now(UTC)),
                    User(email="web@example.org", language="ja"),
                ]
            )
            await session.flush()
            session.add(
                Delivery(
                    target_type=TargetType.CHANNEL,
                    target_id="@sky",
                    kind=DeliveryKind.ANNOUNCEMENT,
                    status=DeliveryStatus.FAILED,
                    next_attempt_at=datetime.now(UTC),
                )
            )
            await session.commit()
        admin = tg.add_user("Admin", user_id=ADMIN_ID)
        [stats] = await reply_to(tg.user(admin), "/stats")
        expected = tr(
            "bot-stats",
            users="4",
            members="1",
            blocked="1",
            languages="ru 2, en 1, ja 1",
            pending="0",
            failed="1",
        )
        assert stats.text == plain(expected)


async def test_broadcast_previews_then_queues_one_delivery_per_reachable_user(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    async with start_bot() as running:
        async with running.sessionmaker() as session:
            session.add_all(
                [
                    User(telegram_user_id=11, language="ru"),
                    User(telegram_user_id=12, language="ru"),
                    User(telegram_user_id=13, language="ru", bot_blocked_at=datetime.now(UTC)),
                    User(telegram_user_id=14, language="de"),
                    User(email="web-only@example.org", language="ru"),
                ]
            )
            await session.commit()
        driver = tg.user(tg.add_user("Admin", user_id=ADMIN_ID))
        [preview] = await reply_to(driver, "/broadcast ru Полнолуние <сегодня> & завтра")
        assert (
            preview.text
            == "Preview for Русский (2 recipients). Send it?\n\nПолнолуние <сегодня> & завтра"
        )
        [send] = [d for d in preview.callback_buttons() if d.endswith(":1")]
        await press(driver, preview, send)
        await edited_to(tg, preview, "Broadcast queued for 2 recipients.")
        # The handler edits the preview before the update's transaction commits: wait for it.
        rows: list[Delivery] = []
        users: dict[uuid.UUID, int | None] = {}
        for _ in range(100):
            async with running.sessionmaker() as session:
                rows = list((await session.execute(select(Delivery))).scalars())
                users = {
                    u.id: u.telegram_user_id
                    for u in (await session.execute(select(User))).scalars()
                }
            if rows:
                break
            await asyncio.sleep(0.05)
        assert sorted(users[r.user_id] or 0 for r in rows if r.user_id) == [11, 12]
        for row in rows:
            assert row.kind == DeliveryKind.BROADCAST
            assert row.target_type == TargetType.USER
            assert row.target_id == str(row.user_id)
            assert row.status == DeliveryStatus.PENDING
            assert row.payload == {"text": "Полнолуние <сегодня> & завтра", "language": "ru"}

        # The spent preview has no buttons left to send it twice.
        assert tg.message(preview.chat_id, preview.message_id).callback_buttons() == {}

        # Counts reach the catalogue as numbers, so one recipient is one.
        [preview] = await reply_to(driver, "/broadcast de Klarer Himmel")
        assert str(preview.text).startswith("Preview for Deutsch (1 recipient). Send it?")
        [send] = [d for d in preview.callback_buttons() if d.endswith(":1")]
        await press(driver, preview, send)
        await edited_to(tg, preview, "Broadcast queued for 1 recipient.")


async def test_broadcast_cancel_and_usage(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        driver = tg.user(tg.add_user("Admin", user_id=ADMIN_ID))
        [usage] = await reply_to(driver, "/broadcast")
        assert usage.text == tr("bot-broadcast-usage")
        [preview] = await reply_to(driver, "/broadcast Clear skies tonight")
        [cancel] = [d for d in preview.callback_buttons() if d.endswith(":0")]
        assert BroadcastConfirm.unpack(cancel).send is False
        await press(driver, preview, cancel)
        await edited_to(tg, preview, tr("bot-broadcast-cancelled"))
        async with running.sessionmaker() as session:
            assert (await session.execute(select(Delivery))).first() is None
