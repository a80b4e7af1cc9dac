"""Prometheus metrics of one web process: requests by route and status, WebSockets, pushes."""

import time
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram

from core.metrics import exposition, metrics_response
from web.openapi import describe
from web.ws.protocol import is_live_socket

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Requests that match no route share one label, so scanners cannot blow up the label set.
UNMATCHED_ROUTE = "unmatched"
_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """The process's collectors, in a registry of their own (one per application)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "http_requests",
            "HTTP requests answered, by method, route and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route.",
            ["method", "route"],
            buckets=_LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.ws_connections = Gauge(
            "ws_connections",
            "Authenticated WebSocket connections open now.",
            registry=self.registry,
        )
        self.ws_unauthenticated = Gauge(
            "ws_unauthenticated_connections",
            "WebSocket connections open now that have not authenticated yet.",
            registry=self.registry,
        )
        self.ws_pushes_sent = Counter(
            "ws_pushes_sent", "Messages written to WebSocket clients.", registry=self.registry
        )
        self.ws_pushes_dropped = Counter(
            "ws_pushes_dropped",
            "Messages not delivered because the client was too slow and got disconnected.",
            registry=self.registry,
        )

    def exposition(self) -> bytes:
        """This application's metrics and the process's shared ones, in Prometheus text format."""
        # The default registry holds RSS/CPU, the pool and, under `run`, the other roles' metrics.
        return exposition(self.registry, REGISTRY)


METRICS = web.AppKey("metrics", Metrics)


def _route_label(request: web.Request) -> str:
    """The route's template (/api/events/{id}), never the raw path with its ids."""
    info = request.match_info
    resource = info.route.resource if info.http_exception is None else None
    return resource.canonical if resource is not None else UNMATCHED_ROUTE


def count_request(request: web.Request, status: int) -> None:
    """Count one answered request under its route and final status."""
    request.app[METRICS].requests.labels(request.method, _route_label(request), str(status)).inc()


@web.middleware
def metrics_middleware(request: web.Request, handler: Handler) -> Awaitable[web.StreamResponse]:
    """Count and time every request by route and final status (errors included)."""
    # /ws counts itself: a frame of ours here would live as long as the socket,
    # and a connection's lifetime is not a latency.
    if is_live_socket(request):
        return handler(request)
    return _measured(request, handler)


async def _measured(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        count_request(request, status)
        request.app[METRICS].latency.labels(request.method, _route_label(request)).observe(
            time.perf_counter() - started
        )


routes = web.RouteTableDef()


@routes.get("/metrics")
@describe("Prometheus metrics of this process", tags=("ops",), response_media_type="text/plain")
async def metrics_endpoint(request: web.Request) -> web.Response:
    """Serve the metrics in Prometheus text format."""
    return metrics_response(request.app[METRICS].exposition())


def setup_metrics(app: web.Application) -> None:
    """Collect metrics for `app` (its middleware list must hold metrics_middleware first)."""
    app[METRICS] = Metrics()
    app.add_routes(routes)
