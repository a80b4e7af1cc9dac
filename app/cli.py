"""The `starscalendars` command: one entry point, one subcommand per process role."""

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import structlog
from sqlalchemy.exc import DBAPIError, OperationalError

from app import events_cli, picture_cli, sky_cli, status, users_cli
from app.process import run, serve
from astro.errors import AstroError
from core.config import Settings, load_settings
from core.errors import AppError, ConfigError
from core.logging import configure_logging, configure_sentry
from core.runtime import Role

log = structlog.get_logger(__name__)
EXIT_CONFIG = 2
EXIT_USAGE = 2  # as argparse exits for a command-line mistake
# A scheduler process runs on uvloop: the delivery worker spends most of its CPU per message in
# loop wake-ups and socket round trips, which cost less there. Web processes stay on asyncio's
# loop: uvloop's transports take more memory per WebSocket and /api/events stalled on it. The
# figures are in the README's benchmark table (bench.scheduler_bench, bench.web_*_bench --uvloop).
UVLOOP_ROLES = frozenset({"scheduler"})


def _load_role(name: str) -> Role:
    """A role's serve function, imported only when that role runs in this process."""
    # A `web` process then never loads aiogram, the heaviest import: only bot and scheduler use it.
    if name == "web":
        from web.server import serve as serve_web

        return serve_web
    if name == "scheduler":
        from scheduler.runner import serve as serve_scheduler

        return serve_scheduler
    from bot.runner import serve as serve_bot

    return serve_bot


def _roles(settings: Settings, names: Sequence[str]) -> dict[str, Role]:
    wanted = list(names)
    if "bot" in wanted and settings.telegram.bot_token is None:
        if wanted == ["bot"]:
            raise ConfigError("TELEGRAM_BOT_TOKEN", "is required for the bot role")
        # In webhook mode the web role serves updates; otherwise there is no bot at all.
        log.info("bot role is off: TELEGRAM_BOT_TOKEN is not set")
        wanted.remove("bot")
    roles = {name: _load_role(name) for name in wanted}
    if "web" in roles and settings.telegram.use_webhook and settings.telegram.bot_token:
        # Webhook mode: Telegram posts updates to the web role, which then hosts the dispatcher.
        from bot.webhook import mount_bot_webhook
        from web.server import serve as serve_web

        roles["web"] = functools.partial(serve_web, mount=mount_bot_webhook)
    return roles


def _cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if settings.database.is_sqlite:
        from app.migrate import upgrade_to_head  # Alembic only in processes that migrate

        upgrade_to_head(settings.database.url)
    run(serve(settings, _roles(settings, ["web", "scheduler", "bot"])))
    return 0


def _role_command(name: str) -> Callable[[Settings, argparse.Namespace], int]:
    def command(settings: Settings, args: argparse.Namespace) -> int:
        run(serve(settings, _roles(settings, [name])), use_uvloop=name in UVLOOP_ROLES)
        return 0

    return command


def _cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from app.migrate import upgrade_to_head

    upgrade_to_head(settings.database.url)
    log.info("database is at the newest revision")
    return 0


def _cmd_events(settings: Settings, args: argparse.Namespace) -> int:
    return events_cli.run(args)


def _cmd_sky(settings: Settings, args: argparse.Namespace) -> int:
    return sky_cli.run(args)


def _cmd_users(settings: Settings, args: argparse.Namespace) -> int:
    return run(users_cli.run(settings, args))


def _cmd_status(settings: Settings, args: argparse.Namespace) -> int:
    try:
        return run(status.report(settings, args))
    except argparse.ArgumentTypeError as exc:
        print(f"starscalendars: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    from app.backup import backup

    log.info("backup written", path=str(backup(settings, args.path)))
    return 0


def _cmd_restore(settings: Settings, args: argparse.Namespace) -> int:
    from app.backup import restore

    log.info("database restored", path=str(restore(settings, args.path)), source=str(args.path))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with --help on every subcommand."""
    parser = argparse.ArgumentParser(
        prog="starscalendars",
        description="StarsCalendars: the sky's calendar on Telegram and the web.",
    )
    parser.add_argument(
        "--env-file", type=Path, default=Path(".env"), help="optional .env file (default: .env)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, handler, text in [
        ("run", _cmd_run, "everything in one process (web, scheduler, and bot with a token)"),
        ("web", _role_command("web"), "the web server: API, WebSockets, calendar page"),
        ("bot", _role_command("bot"), "the Telegram bot (long polling)"),
        ("scheduler", _role_command("scheduler"), "event horizon, planning and deliveries"),
        ("migrate", _cmd_migrate, "upgrade the database to the newest schema"),
    ]:
        sub = commands.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
    for name, handler, text in [
        ("backup", _cmd_backup, "copy the SQLite database to a new file while it runs"),
        ("restore", _cmd_restore, "replace the SQLite database with a backup (stop the roles)"),
    ]:
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("path", type=Path, help="the backup file")
        sub.set_defaults(handler=handler)
    events_cli.add_parser(commands)
    commands.choices["events"].set_defaults(handler=_cmd_events)
    sky_cli.add_parser(commands)
    commands.choices["sky"].set_defaults(handler=_cmd_sky)
    users_cli.add_parser(commands)
    commands.choices["users"].set_defaults(handler=_cmd_users)
    picture_cli.add_parser(commands)
    commands.choices["picture"].set_defaults(handler=picture_cli.run_picture)
    status.add_parser(commands)
    commands.choices["status"].set_defaults(handler=_cmd_status)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, load settings, run the command; errors exit non-zero in one line."""
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.env_file if args.env_file.exists() else None)
    except ConfigError as exc:
        print(f"starscalendars: configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    configure_logging(settings.log_level, settings.log_format)
    configure_sentry(settings, args.command)
    try:
        result: int = args.handler(settings, args)
    except ConfigError as exc:
        print(f"starscalendars: configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except AstroError as exc:  # the command line asked what astronomy cannot answer
        print(f"starscalendars: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except AppError as exc:
        print(f"starscalendars: {exc.code}: {exc}", file=sys.stderr)
        return 1
    except (OperationalError, DBAPIError, OSError) as exc:
        print(
            f"starscalendars: cannot use the database or network: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    sys.exit(main())
