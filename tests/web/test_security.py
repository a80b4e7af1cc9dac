"""Security headers, CORS, rate limits and the limiters' bounded memory."""

import pytest

from tests.web.conftest import Client, MakeClient, MakeUser
from web.auth.throttle import FailureThrottle, TokenBuckets

pytestmark = pytest.mark.postgres


class FakeClock:
    """A hand-moved monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_every_response_carries_security_headers(client: Client) -> None:
    for response in (await client.get("/health"), await client.get("/api/me")):
        headers = response.headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'self' https://web.telegram.org" in csp
        assert "default-src 'self'" in csp
        assert "Strict-Transport-Security" not in headers
        assert "X-Frame-Options" not in headers  # would forbid Telegram's web clients


async def test_hsts_only_behind_https(make_client: MakeClient) -> None:
    client = await make_client(web={"public_url": "https://sky.example.org"})
    response = await client.get("/health")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


async def test_auth_responses_are_not_cached(client: Client) -> None:
    response = await client.post("/api/auth/login", json={"email": "a@b.co", "password": "x"})
    assert response.headers["Cache-Control"] == "no-store"


async def test_cors_allow_list(make_client: MakeClient) -> None:
    client = await make_client(web={"cors_origins": ["https://app.example.org"]})
    preflight = await client.options(
        "/api/me",
        headers={
            "Origin": "https://app.example.org",
            "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    assert preflight.status == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "PATCH" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    evil = await client.options(
        "/api/me",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert evil.status == 403
    assert "Access-Control-Allow-Origin" not in evil.headers
    simple = await client.get("/health", headers={"Origin": "https://app.example.org"})
    assert simple.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Origin" in simple.headers["Vary"]


async def test_per_ip_rate_limit(make_client: MakeClient) -> None:
    client = await make_client(web={"rate_ip_per_minute": 2})
    statuses = [(await client.get("/api/me")).status for _ in range(3)]
    assert statuses == [401, 401, 429]
    limited = await client.get("/api/me")
    assert int(limited.headers["Retry-After"]) >= 1
    assert (await limited.json())["error"]["code"] == "rate_limited"
    assert (await client.get("/health")).status == 200  # probes are never limited


async def test_per_user_rate_limit(make_client: MakeClient, make_user: MakeUser) -> None:
    client = await make_client(web={"rate_user_per_minute": 2})
    first, second = await make_user(on=client), await make_user(on=client)
    statuses = [(await client.get("/api/me", headers=first.headers)).status for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert (await client.get("/api/me", headers=second.headers)).status == 200


async def test_trusted_proxy_limits_by_forwarded_address(make_client: MakeClient) -> None:
    client = await make_client(web={"rate_ip_per_minute": 1, "trust_proxy": True})
    one = {"X-Forwarded-For": "203.0.113.1"}
    two = {"X-Forwarded-For": "spoofed, 203.0.113.2"}
    assert (await client.get("/api/me", headers=one)).status == 401
    assert (await client.get("/api/me", headers=one)).status == 429
    assert (await client.get("/api/me", headers=two)).status == 401


def test_token_bucket_refills() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(60, clock=clock)
    assert all(buckets.take("ip") == 0 for _ in range(60))
    assert buckets.take("ip") == pytest.approx(1.0)
    clock.now += 1.0
    assert buckets.take("ip") == 0


def test_token_buckets_are_bounded() -> None:
    buckets = TokenBuckets(5, max_keys=100, clock=FakeClock())
    for number in range(1000):
        buckets.take(f"10.0.{number // 256}.{number % 256}")
    assert len(buckets) == 100


def test_failure_lockout_doubles_and_resets() -> None:
    clock = FakeClock()
    throttle = FailureThrottle(free=2, base_seconds=1, cap_seconds=8, clock=clock)
    waits = []
    for _ in range(6):
        throttle.failed("ada")
        waits.append(throttle.retry_after("ada"))
    assert waits == [0, 1, 2, 4, 8, 8]
    throttle.succeeded("ada")
    assert throttle.retry_after("ada") == 0


def test_failures_are_forgotten_and_bounded() -> None:
    clock = FakeClock()
    throttle = FailureThrottle(free=1, forget_after=60, max_keys=10, clock=clock)
    throttle.failed("ada")
    throttle.failed("ada")
    assert throttle.retry_after("ada") > 0
    clock.now += 61
    assert throttle.retry_after("ada") == 0
    for number in range(50):
        throttle.failed(f"user{number}")
    assert len(throttle) == 10
