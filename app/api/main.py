"""The FastAPI application: `create_app(settings)` wires the engine, the error handlers, the body limit
and the routers (`uvicorn app.api.main:create_app --factory`)."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from anyio import to_thread
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from app import __version__
from app.api import errors
from app.api.body_limit import BodyLimitMiddleware
from app.api.deps import key_before_body, require_read_key
from app.api.docs import install_docs
from app.api.head import HeadAsGetMiddleware
from app.api.middleware import install_middleware
from app.api.overload import PendingRequestLimit
from app.api.routes import articles, corrections, health, problems, quotes, speakers, topics, verify
from app.config import Settings, get_settings
from app.store.engine import get_engine
from app.web.routes import install_web_pages

DESCRIPTION = """
Who said what, when: every quotation found in the ingested news articles, attributed to its speaker.

* **Filters** are plain query parameters (`/quotes?speaker=Blinken&topic=hostages&from=2024-02-01`).
* **Pages** are keyset pages: follow `next_url` (also sent as a `Link: <...>; rel="next"` header)
  until it is null. Cursors are opaque.
* **CSV**: `/quotes.csv`, or `Accept: text/csv` on `/quotes`, streams every matching quote.
* **Errors** are RFC 9457 `application/problem+json` bodies naming the parameter at fault.
* **Writes** (`POST`/`DELETE /articles`) need the `X-API-Key` header to match `QUOTEWIRE_API_KEY`.
"""

TAGS = [
    {"name": "quotes", "description": "Quotations with their speaker, article, date and topics."},
    {"name": "verify", "description": "Did they really say that? A claimed quote checked; one quote across outlets."},
    {"name": "speakers", "description": "People and organisations quoted, merged across articles."},
    {"name": "corrections", "description": "The newsroom's corrections of speakers: merge, split, reassign."},
    {"name": "topics", "description": "Topic terms of quotes and the broader subjects of the taxonomy."},
    {"name": "articles", "description": "Ingested articles; post one to extract and store its quotes."},
    {"name": "health", "description": "Whether the service can answer."},
    {"name": "problems", "description": "What the `type` of each problem+json error means."},
]

ROUTERS = [module.router for module in (quotes, verify, speakers, corrections, topics, articles, health, problems)]


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[None]:
    """Server startup: size the pool of worker threads (routes that read the database run there), and
    move everything built so far out of the garbage collector's sight.

    The modules, routes, schemas and engine of a started app live as long as the process; left in
    the collector's oldest generation they make every full collection a 60+ ms pause in the middle
    of some request (the p99 of the benchmark). Frozen, they are never scanned again.
    """
    gc.collect()
    gc.freeze()
    to_thread.current_default_thread_limiter().total_tokens = app.state.settings.worker_threads
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Quotewire",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=serving,
        generate_unique_id_function=operation_id,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,  # app.api.middleware.TrailingSlashRedirect
    )
    app.state.settings = settings
    app.state.engine = get_engine(settings.database_url)
    errors.install(app, before_body_errors=key_before_body)
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    install_middleware(app, settings)  # its conditional GETs see the GET a HEAD became
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(PendingRequestLimit, max_pending=settings.max_pending_requests)
    for router in ROUTERS:
        app.include_router(router)
    install_web_pages(app)
    install_docs(app)
    app.openapi = lambda: openapi_with_problem_schema(app)  # type: ignore[method-assign]
    return app


def openapi_with_problem_schema(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, plus the ProblemDetails component the declared error responses refer to."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem = errors.ProblemDetails.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(problem.pop("$defs", {}))
        components["ProblemDetails"] = problem
        if app.state.settings.read_key_required:
            mark_reads_as_needing_the_key(schema)
        app.openapi_schema = schema
    return app.openapi_schema


def operation_id(route: APIRoute) -> str:
    """The route function's name (`list_quotes`), or the `operation_id` it declares: what a client
    generated from the schema names its functions."""
    return route.name


def mark_reads_as_needing_the_key(schema: dict[str, Any]) -> None:
    """Reads are open by default; when QUOTEWIRE_READ_KEY_REQUIRED is set, their operations say they need the key."""
    for router in ROUTERS:
        for route in router.routes:
            dependencies = [*router.dependencies, *getattr(route, "dependencies", [])]
            if isinstance(route, APIRoute) and any(d.dependency is require_read_key for d in dependencies):
                for method in route.methods or ():
                    schema["paths"][route.path_format][method.lower()]["security"] = [{"APIKeyHeader": []}]
