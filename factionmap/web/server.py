"""Run the web app with uvicorn."""

from __future__ import annotations

import uvicorn

from factionmap.config import Settings
from factionmap.web.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(settings: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the store named by ``settings.db``, read-only, until interrupted.

    Binds ``127.0.0.1`` unless told otherwise. The store is opened before the server starts, so a missing or
    unreadable store raises ``StoreError`` here rather than on the first request.
    """
    app = create_app(settings, host=host)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
