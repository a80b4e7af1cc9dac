"""The calendar feed links each event that has a picture to it, and the link serves it."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from models.event import AstroEvent
from tests.web.conftest import Client, MakeUser
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres


async def test_feed_links_pictures_that_the_api_serves(
    client: Client, make_user: MakeUser
) -> None:
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    async with client.app[SESSIONMAKER].begin() as session:
        session.add_all(
            [
                AstroEvent(kind="full_moon", occurs_at=soon, payload={}),
                AstroEvent(kind="equinox_march", occurs_at=soon + timedelta(days=2), payload={}),
            ]
        )
    user = await make_user(language="ru", timezone="Australia/Sydney")
    created = await client.post("/api/calendar/feed", headers=user.headers)
    feed = urlsplit((await created.json())["url"])
    response = await client.get(f"{feed.path}?{feed.query}")
    entries = {
        str(entry["UID"]): entry
        for entry in Calendar.from_ical(await response.read()).walk("VEVENT")
    }
    with_picture = [entry for entry in entries.values() if "ATTACH" in entry]
    assert len(with_picture) == 1
    attach = with_picture[0]["ATTACH"]
    assert attach.params["FMTTYPE"] == "image/png"
    assert str(with_picture[0]["IMAGE"]) == str(attach)
    link = urlsplit(str(attach))
    assert parse_qs(link.query) == {
        "lang": ["ru"],
        "tz": ["Australia/Sydney"],
        "hemisphere": ["south"],
    }
    picture = await client.get(f"{link.path}?{link.query}")
    assert picture.status == 200
    assert picture.content_type == "image/png"
