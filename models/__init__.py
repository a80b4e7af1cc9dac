"""Tables, repositories and shared services of StarsCalendars (SQLAlchemy 2, async)."""

from models.base import Base
from models.delivery import Delivery, DeliveryKind, DeliveryStatus, TargetType
from models.event import AstroEvent
from models.picture_file import PictureFile
from models.token import OneTimeToken, RefreshToken, TokenPurpose
from models.user import User

__all__ = [
    "AstroEvent",
    "Base",
    "Delivery",
    "DeliveryKind",
    "DeliveryStatus",
    "OneTimeToken",
    "PictureFile",
    "RefreshToken",
    "TargetType",
    "TokenPurpose",
    "User",
]
