"""Telegram's file_id of each picture uploaded once, so that later sends pass the id, not bytes."""

from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TimestampMixin
from models.upsert import dialect_insert


class PictureFile(TimestampMixin, Base):
    """One uploaded picture: its key (event, variant, encoding) and Telegram's file_id."""

    __tablename__ = "picture_files"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    file_id: Mapped[str] = mapped_column(String(256))


async def find_file_id(session: AsyncSession, key: str) -> str | None:
    """The file_id stored for a picture, if it was uploaded before."""
    found: str | None = await session.scalar(
        select(PictureFile.file_id).where(PictureFile.key == key)
    )
    return found


async def remember_file_id(session: AsyncSession, key: str, file_id: str) -> None:
    """Store a picture's file_id, replacing one Telegram no longer knows."""
    insert = dialect_insert(session, PictureFile).values(key=key, file_id=file_id)
    await session.execute(
        insert.on_conflict_do_update(index_elements=["key"], set_={"file_id": file_id})
    )
