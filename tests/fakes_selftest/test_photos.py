"""sendPhoto on the fake with a real aiogram Bot: multipart upload, file_id reuse, limits."""

from io import BytesIO

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile
from PIL import Image

from tests.fakes.telegram import FakeTelegram


def _png(width: int, height: int) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (20, 40, 80)).save(buffer, "PNG")
    return buffer.getvalue()


async def test_upload_then_reuse_by_file_id(tg: FakeTelegram, bot: Bot) -> None:
    channel = tg.add_channel(username="sky")
    first = await bot.send_photo(
        channel.id,
        BufferedInputFile(_png(1200, 600), "eclipse.png"),
        caption="<b>Total solar eclipse</b>",
        parse_mode="HTML",
    )
    assert first.photo is not None
    assert [(size.width, size.height) for size in first.photo] == [
        (90, 45),
        (320, 160),
        (800, 400),
        (1200, 600),
    ]
    assert first.caption == "Total solar eclipse"
    assert first.caption_entities is not None
    second = await bot.send_photo(channel.id, first.photo[-1].file_id, caption="again")
    assert second.photo is not None
    assert second.photo[-1].file_unique_id == first.photo[-1].file_unique_id
    assert len(tg.photo_uploads) == 1
    assert [m.payload["caption"] for m in tg.messages_to(channel)] == [
        "Total solar eclipse",
        "again",
    ]


@pytest.mark.parametrize(
    ("photo", "caption", "error"),
    [
        ("AgACunknown", "", "wrong file identifier"),
        (BufferedInputFile(b"not an image", "x.png"), "", "IMAGE_PROCESS_FAILED"),
        (BufferedInputFile(_png(2100, 100), "x.png"), "", "PHOTO_INVALID_DIMENSIONS"),
        (BufferedInputFile(_png(64, 64), "x.png"), "x" * 1025, "message caption is too long"),
    ],
)
async def test_bad_photos_are_refused_as_telegram_does(
    tg: FakeTelegram, bot: Bot, photo: str | BufferedInputFile, caption: str, error: str
) -> None:
    channel = tg.add_channel(username="sky")
    with pytest.raises(TelegramBadRequest, match=error):
        await bot.send_photo(channel.id, photo, caption=caption)
    assert tg.photo_uploads == []
