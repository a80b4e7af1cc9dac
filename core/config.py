"""One typed settings object, read once at start from the environment and an optional .env file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AnyHttpUrl, BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from astro.zones import known_zones
from core.errors import ConfigError
from core.languages import LANGUAGES

DEFAULT_DATA_DIR = Path("var")
GatedFeature = Literal["reminders", "calendar"]
GATED_FEATURES: tuple[GatedFeature, ...] = ("reminders", "calendar")
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
REDIS_SCHEMES = ("redis", "rediss", "unix")


def _split_csv(value: Any) -> Any:
    """Accept `1,2,3` as well as JSON lists for list-valued variables."""
    if isinstance(value, str) and not value.strip().startswith("["):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class _Section(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)


class DatabaseSettings(_Section):
    """Where the data lives: the embedded SQLite file by default, PostgreSQL in production."""

    model_config = SettingsConfigDict(env_prefix="DATABASE_")

    url: str = f"sqlite+aiosqlite:///./{DEFAULT_DATA_DIR}/starscalendars.db"
    pool_size: int = Field(default=10, ge=1, le=200)
    # How long a request waits for a free connection before it is refused (503 on the web).
    pool_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    echo: bool = False

    @field_validator("url")
    @classmethod
    def _known_driver(cls, url: str) -> str:
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+asyncpg://" + url.split("://", 1)[1]
        if not (url.startswith("postgresql+asyncpg://") or url.startswith("sqlite+aiosqlite://")):
            raise ValueError("must be a postgresql:// (asyncpg) or sqlite+aiosqlite:// URL")
        return url

    @property
    def is_sqlite(self) -> bool:
        """True on the embedded default, where one process owns the database."""
        return self.url.startswith("sqlite")


class TelegramSettings(_Section):
    """The bot: token, Bot API server, channels, admins and members' gate."""

    model_config = SettingsConfigDict(env_prefix="TELEGRAM_")

    bot_token: SecretStr | None = None
    api_url: AnyHttpUrl = AnyHttpUrl("https://api.telegram.org")
    # Channel per language ({"en": "@sky", "ru": -1001234}); "*" serves every other language.
    channels: dict[str, int | str] = Field(default_factory=dict)
    # The channel whose membership unlocks members' features; empty means no gate.
    members_channel: int | str | None = None
    gated_features: Annotated[list[GatedFeature], NoDecode] = Field(
        default_factory=lambda: list(GATED_FEATURES)
    )
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    webhook_secret: SecretStr | None = None
    use_webhook: bool = False
    # A token bucket per user: one update per throttle_seconds, bursts of up to throttle_burst.
    throttle_seconds: float = Field(default=0.5, ge=0, le=60)
    throttle_burst: int = Field(default=5, ge=1, le=100)
    # Conversation state in Redis (redis://host:port/db): shared by instances, kept over restarts.
    fsm_redis_url: SecretStr | None = None

    @field_validator("fsm_redis_url")
    @classmethod
    def _redis_scheme(cls, url: SecretStr | None) -> SecretStr | None:
        if url is not None and url.get_secret_value().split("://", 1)[0] not in REDIS_SCHEMES:
            raise ValueError(f"must be a {', '.join(s + '://' for s in REDIS_SCHEMES)} URL")
        return url

    @field_validator("admin_ids", "gated_features", mode="before")
    @classmethod
    def _csv(cls, value: Any) -> Any:
        return _split_csv(value)

    @field_validator("channels")
    @classmethod
    def _known_languages(cls, channels: dict[str, int | str]) -> dict[str, int | str]:
        unknown = sorted(set(channels) - {*LANGUAGES, "*"})
        if unknown:
            raise ValueError(
                f"unknown language {', '.join(unknown)} (expected {', '.join(LANGUAGES)})"
            )
        return channels

    def channel_for(self, language: str) -> int | str | None:
        """The channel that carries posts in `language`, or None when it has none."""
        return self.channels.get(language, self.channels.get("*"))


class WebSettings(_Section):
    """The aiohttp server and the address users reach it at."""

    model_config = SettingsConfigDict(env_prefix="WEB_")

    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    public_url: AnyHttpUrl = Field(
        default=AnyHttpUrl("http://127.0.0.1:8080"), validation_alias="PUBLIC_URL"
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    # Requests per minute: per client IP on /api/, per IP on sign-in, per signed-in user.
    rate_ip_per_minute: int = Field(default=600, ge=1)
    rate_auth_per_minute: int = Field(default=30, ge=1)
    rate_user_per_minute: int = Field(default=300, ge=1)
    # Behind a reverse proxy: take the client IP from the last X-Forwarded-For entry it appends.
    trust_proxy: bool = False
    # WebSocket: seconds to send the access token, ping interval, bytes queued per slow client.
    ws_auth_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    ws_heartbeat_seconds: float = Field(default=30.0, ge=1, le=600)
    ws_send_buffer_bytes: int = Field(default=256 * 1024, ge=4096)
    # WebSocket floods: open sockets and handshakes per client IP, sockets per user (the oldest
    # closes with 4429 when one more authenticates).
    ws_max_per_ip: int = Field(default=100, ge=1)
    ws_handshakes_per_minute: int = Field(default=60, ge=1)
    ws_max_per_user: int = Field(default=10, ge=1)
    # Password guessing: an (email, IP) pair is locked out, doubling from 1 s up to the maximum,
    # after its free failures; failures of an email from every address only slow its sign-ins.
    login_free_failures: int = Field(default=5, ge=1)
    login_lockout_max_seconds: float = Field(default=900.0, ge=1)
    login_email_free_failures: int = Field(default=20, ge=1)
    login_email_delay_max_seconds: float = Field(default=5.0, ge=0, le=60)
    # argon2id on its own threads; hashes waiting beyond the queue are refused with 503.
    password_hash_workers: int = Field(default=2, ge=1, le=64)
    password_hash_queue: int = Field(default=16, ge=0, le=10_000)
    # OWASP's minimum for argon2id: 19 MiB and two passes (parallelism 1).
    argon2_memory_kib: int = Field(default=19 * 1024, ge=19 * 1024, le=4 * 1024 * 1024)
    argon2_time_cost: int = Field(default=2, ge=2, le=20)
    # The longest /api/events window, in days.
    events_max_days: int = Field(default=366, ge=1, le=3660)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _csv(cls, value: Any) -> Any:
        return _split_csv(value)


class AuthSettings(_Section):
    """JWT signing keys and token lifetimes."""

    model_config = SettingsConfigDict(env_prefix="JWT_")

    # RSA private keys as <kid>.pem: the newest signs, all verify; one is generated when empty.
    keys_dir: Path = DEFAULT_DATA_DIR / "keys"
    issuer: str = "starscalendars"
    audience: str = "starscalendars-web"
    access_ttl_seconds: int = Field(default=15 * 60, ge=60, le=24 * 3600)
    refresh_ttl_days: int = Field(default=30, ge=1, le=365)
    # How old a Telegram Login Widget or Mini App payload (its auth_date) may be when signing in.
    telegram_max_age_seconds: int = Field(default=24 * 3600, ge=60, le=7 * 24 * 3600)
    # A refresh token presented again this soon after its rotation gets the same successor
    # (two tabs refreshing at once); later, reuse revokes the whole session family.
    refresh_reuse_grace_seconds: int = Field(default=10, ge=0, le=60)


class SchedulerSettings(_Section):
    """The event horizon and the delivery pipeline."""

    model_config = SettingsConfigDict(env_prefix="SCHEDULER_")

    horizon_days: int = Field(default=400, ge=1, le=3660)
    announce_leads_minutes: Annotated[list[int], NoDecode] = Field(
        default_factory=lambda: [24 * 60, 0]
    )
    # Channel posts and web pushes skip events ranked below this (astro's 0..100 significance):
    # 21 leaves out moon quarters (20), solar conjunctions and most apsides, keeps new and full
    # moons, seasons, oppositions, eclipses and meteor peaks (all 21.4 or more in 2025-2027).
    announce_min_significance: float = Field(default=21.0, ge=0, le=100)
    rate_per_second: float = Field(default=25.0, gt=0, le=1000)
    # Sends let through per wake-up of the pace (every burst / rate seconds): each wake-up of
    # an idle process costs CPU (the README's benchmark table); 3 keeps any second within
    # rate + 3 (28 of 30/s).
    send_burst: int = Field(default=3, ge=1, le=10)
    paid_broadcast: bool = False
    max_attempts: int = Field(default=6, ge=1, le=50)
    # Scheduler processes sharing rate_per_second: each sends at most rate / worker_processes.
    worker_processes: int = Field(default=1, ge=1, le=64)
    private_chat_per_second: float = Field(default=1.0, gt=0, le=30)
    group_chat_per_minute: int = Field(default=20, ge=1, le=600)
    # The most sends in flight per process (below it, rate × observed latency decides); also
    # the most recipients one crash, or one outage, can give a duplicate.
    send_concurrency: int = Field(default=64, ge=1, le=1024)
    batch_size: int = Field(default=50, ge=1, le=1000)
    # A claimed row returns to the queue this long after a worker took it and died.
    lease_seconds: float = Field(default=60.0, ge=1, le=3600)
    # Outcomes wait this long to be written together (or less, once half the slots wait).
    record_linger_seconds: float = Field(default=0.25, ge=0, le=5)
    idle_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    retry_base_seconds: float = Field(default=2.0, gt=0, le=3600)
    retry_max_seconds: float = Field(default=900.0, gt=0, le=86400)
    plan_interval_seconds: int = Field(default=60, ge=1, le=3600)
    # Deliveries are planned this far ahead of their send time, and still sent this late.
    plan_ahead_minutes: int = Field(default=15, ge=1, le=24 * 60)
    late_grace_minutes: int = Field(default=60, ge=0, le=7 * 24 * 60)
    # Reminders due this far ahead are counted: more than the rate can send by their time start
    # early. 180 minutes cover 270,000 messages at 25/s.
    spread_ahead_minutes: int = Field(default=180, ge=1, le=7 * 24 * 60)
    refresh_horizon: bool = True

    @field_validator("announce_leads_minutes", mode="before")
    @classmethod
    def _csv(cls, value: Any) -> Any:
        return _split_csv(value)


class Settings(BaseModel):
    """Everything the platform is configured with, grouped by concern."""

    model_config = {"frozen": True}

    database: DatabaseSettings
    telegram: TelegramSettings
    web: WebSettings
    auth: AuthSettings
    scheduler: SchedulerSettings
    sentry_dsn: SecretStr | None = None
    log_level: LogLevel = "INFO"
    log_format: Literal["console", "json"] = "console"
    default_timezone: str = "UTC"
    # A bot or scheduler process without the web role serves /metrics here; unset: not at all.
    metrics_host: str = "127.0.0.1"
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    # `starscalendars status` reads these endpoints: {"web-1": "http://host:8080/metrics", ...}.
    status_targets: dict[str, AnyHttpUrl] = Field(default_factory=dict)


class _General(_Section):
    sentry_dsn: SecretStr | None = None
    log_level: LogLevel = "INFO"
    log_format: Literal["console", "json"] = "console"
    default_timezone: str = "UTC"
    # A bot or scheduler process without the web role serves /metrics here; unset: not at all.
    metrics_host: str = "127.0.0.1"
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    # `starscalendars status` reads these endpoints: {"web-1": "http://host:8080/metrics", ...}.
    status_targets: dict[str, AnyHttpUrl] = Field(default_factory=dict)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @field_validator("default_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if value not in known_zones():
            raise ValueError(f"unknown IANA timezone {value!r}")
        return value


_SECTION_BY_NAME: dict[str, type[_Section]] = {
    "database": DatabaseSettings,
    "telegram": TelegramSettings,
    "web": WebSettings,
    "auth": AuthSettings,
    "scheduler": SchedulerSettings,
}
# Every settings class that reads the environment (the README documents each of their variables).
SECTIONS: tuple[type[BaseSettings], ...] = (*_SECTION_BY_NAME.values(), _General)


def _variable_name(section: type[_Section], error: Any) -> str:
    field_name = str(error["loc"][0]) if error["loc"] else "?"
    aliases = {field.validation_alias for field in section.model_fields.values()}
    if field_name in aliases:
        return field_name
    return f"{section.model_config.get('env_prefix', '')}{field_name}".upper()


def load_settings(env_file: Path | str | None = ".env", **overrides: Any) -> Settings:
    """Read every section; a bad value raises ConfigError naming its variable."""
    parts: dict[str, Any] = {}
    named: list[tuple[str, type[_Section]]] = [*_SECTION_BY_NAME.items(), ("", _General)]
    for name, section in named:
        try:
            parsed = section(_env_file=env_file, **overrides.get(name or "general", {}))
        except ValidationError as exc:
            error = exc.errors()[0]
            message = str(error["msg"]).removeprefix("Value error, ")
            raise ConfigError(_variable_name(section, error), message) from None
        if name:
            parts[name] = parsed
        else:
            parts.update(parsed.model_dump())
    return Settings(**parts)
