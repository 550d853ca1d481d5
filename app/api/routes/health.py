"""`GET /health`: 200 when the database answers and its schema is at the latest migration, else 503."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.api.errors import Problem, problem_responses
from app.store.migrate import schema_is_current

router = APIRouter(tags=["health"])


class Health(BaseModel):
    """The service can answer: the database is reachable and migrated."""

    status: str = Field(examples=["ok"])
    database: str = Field(examples=["reachable"])
    schema_: str = Field(alias="schema", examples=["at head"])


@router.get(
    "/health",
    response_model=Health,
    response_model_by_alias=True,
    summary="Service health",
    description="Checks that the database answers a query and that its schema is at the latest "
    "migration (`quotewire db upgrade`). Answers 503 with problem details otherwise.",
    responses=problem_responses(503),
)
async def health(request: Request) -> Health:
    # On the event loop, not in a worker thread: two small reads (a checkout never waits, see
    # app.store.engine) that the queue of requests waiting for a worker thread must not hold up.
    engine = request.app.state.engine
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise Problem(
            503,
            f"The database is unreachable: {type(exc).__name__}.",
            kind="database-unreachable",
            title="Database unreachable",
        ) from None
    if not schema_is_current(engine):
        raise Problem(
            503,
            "The database schema is not at the latest migration: run `quotewire db upgrade`.",
            kind="schema-outdated",
            title="Schema outdated",
        )
    return Health(status="ok", database="reachable", schema="at head")
