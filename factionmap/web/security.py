"""Security headers: a strict Content-Security-Policy (no inline scripts or styles, nothing from elsewhere but
map tiles) and the usual hardening headers, on every response, errors included; and the ``Host`` check.

The server answers only requests addressed to a host it serves (``localhost``, ``127.0.0.1``, ``::1``, the address
it binds, and the ``allowed_hosts`` setting): a page elsewhere cannot read the API through DNS rebinding, where
its own host name is pointed at 127.0.0.1 after the page has loaded (issue 10).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def tile_origin(tile_url: str | None) -> str | None:
    """The CSP source for a tile URL template: ``https://{s}.tile.example.org/...`` -> ``https://*.tile.example.org``."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "*"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(tile_url: str | None) -> str:
    """The page's CSP: scripts, styles, fonts and data from this server only; images also from the tile server."""
    images = " ".join(src for src in ("'self'", "data:", tile_origin(tile_url)) if src)
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {images}",
            "font-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def security_headers(csp: str) -> dict[str, str]:
    """The headers every response carries: the CSP and the hardening headers."""
    return {
        "content-security-policy": csp,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
    }


class SecurityHeaders:
    """ASGI middleware adding the CSP and hardening headers to every HTTP response.

    A 500 is answered outside every middleware (Starlette's ``ServerErrorMiddleware``), so the app's handler for
    it adds the same ``security_headers`` itself.
    """

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [(name.encode(), value.encode()) for name, value in security_headers(csp).items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
ANY_ADDRESS = frozenset({"0.0.0.0", "::", ""})


def served_hosts(bound: str, allowed: Iterable[str]) -> frozenset[str]:
    """The ``Host`` names the server answers to: local names, the bound address (with this machine's names and
    addresses when it binds every interface), and the ``allowed_hosts`` setting (``*`` allows any)."""
    hosts = set(LOCAL_HOSTS) | {h.lower() for h in allowed}
    if bound not in ANY_ADDRESS:
        hosts.add(bound.lower().strip("[]"))
        return frozenset(hosts)
    name = socket.gethostname()
    hosts |= {name.lower(), socket.getfqdn().lower()}
    try:
        hosts |= set(socket.gethostbyname_ex(name)[2])
    except OSError:
        pass  # no address for the name: the names and allowed_hosts still work
    return frozenset(hosts)


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without the port: ``[::1]:8000`` -> ``::1``, ``Example.org:80`` -> ``example.org``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class AllowedHosts:
    """ASGI middleware refusing (400, in the API's error shape) a request whose ``Host`` is not served here."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.hosts:
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if host_name(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        error = (f"Host {header!r} is not served here; open the app at http://localhost:PORT, or add the name to "
                 "the allowed_hosts setting (FACTIONMAP_ALLOWED_HOSTS)")
        body = json.dumps({"ok": False, "error": error, "status": 400}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})
