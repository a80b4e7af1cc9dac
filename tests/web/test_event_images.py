"""GET /api/events/{id}/image on the real application and PostgreSQL."""

import uuid
from datetime import UTC, datetime
from io import BytesIO

import numpy as np
import pytest
from PIL import Image

from astro.events import compute_events
from astro.kinds import EventKind
from models.event import AstroEvent
from tests.pictures.conftest import ARTIFACTS
from tests.web.conftest import Client
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres


async def _store(client: Client, kind: EventKind, day: datetime) -> uuid.UUID:
    """The engine's event of that kind on that day, stored as the horizon job would."""
    event = compute_events(day, day.replace(hour=23, minute=59), frozenset({kind}))[0]
    async with client.app[SESSIONMAKER].begin() as session:
        row = AstroEvent(
            kind=event.kind.value,
            subject=event.subject,
            occurs_at=event.occurs_at,
            payload=event.payload,
            significance=event.significance,
        )
        session.add(row)
        await session.flush()
        return row.id


def _image(data: bytes, name: str) -> Image.Image:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(data)
    Image.open(BytesIO(data)).verify()
    return Image.open(BytesIO(data))


async def test_moon_picture_is_cacheable(client: Client) -> None:
    event_id = await _store(client, EventKind.FULL_MOON, datetime(2026, 12, 24, tzinfo=UTC))
    path = f"/api/events/{event_id}/image"
    response = await client.get(path, params={"width": "320"})
    assert response.status == 200
    assert response.content_type == "image/png"
    assert response.headers["Cache-Control"] == "public, max-age=86400"
    image = _image(await response.read(), "web-full-moon.png")
    assert image.size == (320, 320)
    again = await client.get(
        path, params={"width": "320"}, headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status == 304
    assert await again.read() == b""


@pytest.mark.parametrize(("fmt", "media_type"), [("webp", "image/webp"), ("jpeg", "image/jpeg")])
async def test_eclipse_map_in_other_formats_and_languages(
    client: Client, fmt: str, media_type: str
) -> None:
    event_id = await _store(client, EventKind.SOLAR_ECLIPSE, datetime(2027, 8, 2, tzinfo=UTC))
    params = {"format": fmt, "width": "800", "lang": "hi", "lat": "25.69", "lon": "32.64"}
    response = await client.get(f"/api/events/{event_id}/image", params=params)
    assert response.status == 200
    assert response.content_type == media_type
    assert response.headers["Vary"] == "Accept-Language"
    image = _image(await response.read(), f"web-solar-2027-hi.{fmt}")
    assert image.size == (800, 400)
    english = await client.get(f"/api/events/{event_id}/image", params={**params, "lang": "en"})
    other = Image.open(BytesIO(await english.read()))
    # The title is in each language's words: the pictures differ only where words are.
    difference = np.abs(np.asarray(image, dtype=np.int64) - np.asarray(other, dtype=np.int64))
    assert difference[:40].sum() > 0


async def test_hemisphere_turns_the_moon(client: Client) -> None:
    event_id = await _store(client, EventKind.FIRST_QUARTER, datetime(2026, 12, 17, tzinfo=UTC))
    pictures = {}
    for side in ("north", "south"):
        response = await client.get(
            f"/api/events/{event_id}/image", params={"hemisphere": side, "width": "200"}
        )
        gray = np.asarray(_image(await response.read(), f"web-quarter-{side}.png").convert("L"))
        columns = np.nonzero(gray > 60)[1]
        pictures[side] = float(columns.mean())
    assert pictures["north"] > 100 > pictures["south"]


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"width": "10"}, 422, "validation_failed"),
        ({"format": "gif"}, 422, "validation_failed"),
        ({"lat": "10"}, 422, "validation_failed"),
        ({"tz": "Mars/Olympus"}, 422, "invalid_timezone"),
    ],
)
async def test_bad_options_are_refused_with_a_code(
    client: Client, params: dict[str, str], status: int, code: str
) -> None:
    event_id = await _store(client, EventKind.FULL_MOON, datetime(2026, 12, 24, tzinfo=UTC))
    response = await client.get(f"/api/events/{event_id}/image", params=params)
    assert response.status == status
    body = await response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]


async def test_kinds_without_a_picture_and_unknown_events_are_404(client: Client) -> None:
    event_id = await _store(client, EventKind.EQUINOX_MARCH, datetime(2027, 3, 20, tzinfo=UTC))
    response = await client.get(f"/api/events/{event_id}/image", headers={"Accept-Language": "fr"})
    assert response.status == 404
    body = await response.json()
    assert body["error"] == {
        "code": "picture_unavailable",
        "message": "Cet événement n’a pas d’image.",
    }
    missing = await client.get(f"/api/events/{uuid.uuid4()}/image")
    assert missing.status == 404
    assert (await missing.json())["error"]["code"] == "not_found"
