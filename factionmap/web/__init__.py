"""The web app: a read-only FastAPI app over the store, with a page that shows the map of groups.

    from factionmap.config import Settings
    from factionmap.web import create_app, serve
    app = create_app(Settings(db="factionmap.db"))   # for TestClient or any ASGI server
    serve(Settings(db="factionmap.db"))               # uvicorn on http://127.0.0.1:8000
"""

from factionmap.web.app import create_app
from factionmap.web.server import serve

__all__ = ["create_app", "serve"]
