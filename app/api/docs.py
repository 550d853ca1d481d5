"""The reference pages `/docs` (Swagger UI) and `/redoc` (ReDoc), with no request leaving the server.

Their scripts, styles and icon are the copies the fastapi-offline package bundles (MIT, with the
licences of Swagger UI and ReDoc), served under `/docs-assets`; each page's Content-Security-Policy
lets it load from this server only, so a page works in an offline newsroom and cannot be framed.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from secure import ContentSecurityPolicy
from starlette.responses import HTMLResponse

ASSETS_URL = "/docs-assets"
ASSETS = files("fastapi_offline") / "static"
# The pages start their viewer with an inline script; ReDoc renders in a worker made from a blob.
PAGE_POLICY = (
    ContentSecurityPolicy()
    .default_src("'self'")
    .script_src("'self'", "'unsafe-inline'")
    .style_src("'self'", "'unsafe-inline'")
    .img_src("'self'", "data:")
    .worker_src("'self'", "blob:")
    .frame_ancestors("'none'")
    .header_value
)


def install_docs(app: FastAPI) -> None:
    """`/docs`, `/redoc` and their assets; the app must be made with `docs_url=None, redoc_url=None`."""
    app.mount(ASSETS_URL, StaticFiles(directory=str(ASSETS)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - API reference",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        )
        page.headers["Content-Security-Policy"] = PAGE_POLICY
        return page

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        page = get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - API reference",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )
        page.headers["Content-Security-Policy"] = PAGE_POLICY
        return page
