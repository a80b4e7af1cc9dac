"""The members' gate on reminder preferences, with membership checked through a fake Bot API."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from models.user import User
from tests.fakes.telegram import FakeChat, FakeTelegram, FakeUser
from tests.web.conftest import Client, MakeClient, MakeUser
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres
REMINDERS = {"reminder_hour": 8}


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A fake Bot API server."""
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
def channel(tg: FakeTelegram) -> FakeChat:
    """The members' channel, with the bot as administrator."""
    return tg.add_channel("Sky", username="skycal")


@pytest.fixture
async def gated(make_client: MakeClient, tg: FakeTelegram, channel: FakeChat) -> Client:
    """The application gating reminders behind @skycal."""
    return await make_client(
        telegram={"bot_token": tg.token, "api_url": tg.api_url, "members_channel": "@skycal"}
    )


async def _telegram_user(
    gated: Client, make_user: MakeUser, person: FakeUser, **fields: object
) -> dict[str, str]:
    user = await make_user(on=gated, telegram_user_id=person.id, **fields)
    return user.headers


async def test_non_member_gets_subscription_required(
    gated: Client, make_user: MakeUser, tg: FakeTelegram
) -> None:
    person = tg.add_user()
    headers = await _telegram_user(gated, make_user, person)
    response = await gated.patch("/api/me", json=REMINDERS, headers=headers)
    assert response.status == 403
    error = (await response.json())["error"]
    assert error["code"] == "subscription_required"
    assert error["details"]["channel"] == "https://t.me/skycal"
    assert "https://t.me/skycal" in error["message"]


@pytest.mark.parametrize(
    ("status", "is_member", "allowed"),
    [
        ("member", True, True),
        ("administrator", True, True),
        ("restricted", True, True),
        ("restricted", False, False),
        ("left", False, False),
        ("kicked", False, False),
    ],
)
async def test_membership_is_checked_and_recorded(
    gated: Client,
    make_user: MakeUser,
    tg: FakeTelegram,
    channel: FakeChat,
    status: str,
    is_member: bool,
    allowed: bool,
) -> None:
    person = tg.add_user()
    tg.set_member_status(channel, person, status, is_member=is_member)  # type: ignore[arg-type]
    headers = await _telegram_user(gated, make_user, person)
    response = await gated.patch("/api/me", json=REMINDERS, headers=headers)
    assert response.status == (200 if allowed else 403)
    async with gated.app[SESSIONMAKER]() as session:
        user = (
            await session.execute(
                User.__table__.select().where(User.telegram_user_id == person.id)
            )
        ).one()
    assert user.is_telegram_subscribed is allowed
    assert user.subscription_checked_at is not None


async def test_current_stored_membership_needs_no_call(
    gated: Client, make_user: MakeUser, tg: FakeTelegram
) -> None:
    person = tg.add_user()
    headers = await _telegram_user(
        gated,
        make_user,
        person,
        is_telegram_subscribed=True,
        subscription_checked_at=datetime.now(UTC),
    )
    response = await gated.patch("/api/me", json=REMINDERS, headers=headers)
    assert response.status == 200
    assert tg.calls("getChatMember") == []


async def test_stale_membership_survives_an_unreachable_telegram(
    make_client: MakeClient, make_user: MakeUser
) -> None:
    client = await make_client(
        telegram={
            "bot_token": "1:unreachable",
            "api_url": "http://127.0.0.1:9",
            "members_channel": "@skycal",
        }
    )
    stale = datetime.now(UTC) - timedelta(days=3)
    member = await make_user(
        on=client, telegram_user_id=1, is_telegram_subscribed=True, subscription_checked_at=stale
    )
    stranger = await make_user(on=client, telegram_user_id=2)
    assert (await client.patch("/api/me", json=REMINDERS, headers=member.headers)).status == 200
    assert (await client.patch("/api/me", json=REMINDERS, headers=stranger.headers)).status == 403


async def test_web_only_account_cannot_pass_the_gate(gated: Client, make_user: MakeUser) -> None:
    user = await make_user(on=gated, email="web@example.org")
    response = await gated.patch("/api/me", json=REMINDERS, headers=user.headers)
    assert response.status == 403


async def test_ungated_changes_need_no_membership(gated: Client, make_user: MakeUser) -> None:
    user = await make_user(on=gated)
    response = await gated.patch(
        "/api/me", json={"timezone": "Europe/Paris"}, headers=user.headers
    )
    assert response.status == 200


async def test_without_a_members_channel_nothing_is_gated(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user()
    assert (await client.patch("/api/me", json=REMINDERS, headers=user.headers)).status == 200
