"""A request that finds every pooled connection busy is refused with 503, never a 500."""

import dataclasses

import pytest
from pytest_aiohttp import AiohttpClient

from models.db import create_engine, create_sessionmaker
from tests.web.conftest import MakeRuntime, MakeUser
from web.app import create_app

pytestmark = pytest.mark.postgres


async def test_an_exhausted_pool_answers_503_with_retry_after(
    aiohttp_client: AiohttpClient, make_runtime: MakeRuntime, pg_url: str, make_user: MakeUser
) -> None:
    user = await make_user(language="de")
    # Two connections at most (pool_size 1 + overflow 1), half a second of patience.
    engine = create_engine(pg_url, pool_size=1, pool_timeout=0.5)
    runtime = dataclasses.replace(
        make_runtime(), engine=engine, sessionmaker=create_sessionmaker(engine)
    )
    client = await aiohttp_client(create_app(runtime))
    held = [await engine.connect(), await engine.connect()]
    try:
        response = await client.get("/api/me", headers={**user.headers, "Accept-Language": "de"})
        assert response.status == 503
        assert response.headers["Retry-After"] == "1"
        error = (await response.json())["error"]
        assert error["code"] == "server_busy"
        assert error["message"] == runtime.i18n.get("de").error("server_busy")
    finally:
        for connection in held:
            await connection.close()
    # Once a connection is free again the same request is served.
    assert (await client.get("/api/me", headers=user.headers)).status == 200
    await engine.dispose()
