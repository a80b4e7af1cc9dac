"""Structured logging (structlog over the standard library) and optional Sentry reporting."""

import logging
import sys

import structlog

from core.config import Settings


def configure_logging(level: str = "INFO", fmt: str = "console") -> None:
    """Route structlog and stdlib loggers (aiogram, aiohttp, sqlalchemy) through one renderer."""
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiohttp's access log and aiogram's per-update lines are noise at INFO in production.
    logging.getLogger("aiohttp.access").setLevel(max(logging.WARNING, root.level))
    logging.getLogger("aiogram.event").setLevel(max(logging.WARNING, root.level))
    # Alembic lists its plugins and APScheduler every run of every job: our own lines say more.
    for noisy in ("alembic.runtime.plugins", "apscheduler.executors", "apscheduler.scheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def configure_sentry(settings: Settings, role: str) -> None:
    """Report errors to Sentry when SENTRY_DSN is set; never send request bodies or tokens."""
    if settings.sentry_dsn is None:
        return
    # Imported only when used: the SDK adds to every process's memory (bench.import_rss_bench).
    import sentry_sdk  # noqa: PLC0415

    sentry_sdk.init(
        dsn=settings.sentry_dsn.get_secret_value(),
        server_name=role,
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0.0,
    )
