"""``create_app``: the FastAPI app over a store, read-only.

Everything the page shows comes from the JSON API under ``/api/`` (described at ``/openapi.json``); the page and
every script, style and map outline it uses are served from ``static/`` (no CDN), gzipped when large. Errors of every kind are
answered by one handler in one shape: ``{"ok": false, "error": "...", "status": 404}``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from factionmap.config import Settings
from factionmap.errors import ActorNotFound, FactionmapError, InvalidDate, StoreError, UnknownFormat
from factionmap.store import open_store
from factionmap.web.catalog import Catalog
from factionmap.web.routers import ROUTERS
from factionmap.web.security import (
    AllowedHosts,
    SecurityHeaders,
    content_security_policy,
    security_headers,
    served_hosts,
)
from factionmap.web.tiles import tile_layer

STATIC_DIR = Path(str(files("factionmap.web").joinpath("static")))

_ERROR_STATUS: tuple[tuple[type[FactionmapError], int], ...] = (
    (ActorNotFound, 404),
    (InvalidDate, 400),
    (UnknownFormat, 400),
    (StoreError, 503),
)


def _status_and_message(exc: Exception) -> tuple[int, str]:
    """The HTTP status and the message for any error a request can raise."""
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return 422, "; ".join(problems)
    for kind, status in _ERROR_STATUS:
        if isinstance(exc, kind):
            return status, str(exc)
    return (400, str(exc)) if isinstance(exc, FactionmapError) else (500, "internal error")


async def error_response(request: Request, exc: Exception) -> JSONResponse:
    """The one exception handler: every error becomes ``{"ok": false, "error": ..., "status": ...}``."""
    status, message = _status_and_message(exc)
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


async def server_error_response(request: Request, exc: Exception) -> JSONResponse:
    """The same for an unexpected error (500), which is answered outside the middleware: add its headers here."""
    response = await error_response(request, exc)
    response.headers.update(request.app.state.security_headers)
    return response


def create_app(settings: Settings, host: str = "127.0.0.1") -> FastAPI:
    """The web app over the store ``settings.db``, opened read-only now (``StoreError`` if it cannot be).

    ``host`` is the address the server binds: requests must name it, a local name or one of ``allowed_hosts``.
    """
    catalog = Catalog(open_store(settings.db, read_only=True))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        catalog.close()

    app = FastAPI(
        title="factionmap",
        summary="A sourced, time-aware map of armed groups: the network, evidence, places and events.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads its scripts from a CDN; the description stays at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.catalog = catalog
    for exc_type in (FactionmapError, StarletteHTTPException, RequestValidationError):
        app.add_exception_handler(exc_type, error_response)
    app.add_exception_handler(Exception, server_error_response)
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Responses of 1 kB or more are gzipped for clients that accept it (the network and the scripts shrink by
    # about five times); level 6 rather than 9, which costs several times the CPU for a few per cent.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    app.add_middleware(AllowedHosts, hosts=served_hosts(host, settings.allowed_hosts))
    csp = content_security_policy(tile_layer(settings)[0])
    app.state.security_headers = security_headers(csp)
    app.add_middleware(SecurityHeaders, csp=csp)  # added last: outermost, so host refusals carry the headers too
    return app
