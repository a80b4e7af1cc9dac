"""Liveness and readiness: /health says the process runs, /ready that it can serve."""

from aiohttp import web

from migrations import HEAD_REVISION
from models.db import schema_revision
from web.errors import json_response
from web.keys import ENGINE

routes = web.RouteTableDef()


@routes.get("/health")
async def health(request: web.Request) -> web.Response:
    """The process is alive (no dependency is touched)."""
    return json_response({"status": "ok"})


@routes.get("/ready")
async def ready(request: web.Request) -> web.Response:
    """The database answers and its schema is at this code's newest migration."""
    checks: dict[str, str] = {}
    try:
        async with request.app[ENGINE].connect() as connection:
            revision = await schema_revision(connection)
        checks["database"] = "ok"
        checks["migrations"] = "ok" if revision == HEAD_REVISION else f"at {revision}"
    except (OSError, ConnectionError, RuntimeError) as exc:
        checks.setdefault("database", f"unreachable: {exc.__class__.__name__}")
    except Exception as exc:  # any driver error means "not ready", never a 500
        checks.setdefault("database", f"error: {exc.__class__.__name__}")
    ok = all(value == "ok" for value in checks.values()) and len(checks) == 2
    return json_response(
        {"status": "ok" if ok else "unavailable", "checks": checks}, 200 if ok else 503
    )
