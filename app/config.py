"""Settings: every knob of the service, read from `QUOTEWIRE_*` environment variables (or a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUOTEWIRE_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./data/quotewire.db",
        description="SQLAlchemy URL of the database; the default is a SQLite file under ./data/.",
    )
    api_key: str | None = Field(
        default=None,
        description="Key that writes (POST/DELETE) must send as X-API-Key; writes are refused while unset.",
    )
    read_key_required: bool = Field(default=False, description="When true, reads need the API key too.")
    max_body_bytes: int = Field(default=5_000_000, description="Largest request body accepted, in bytes.")
    max_article_chars: int = Field(default=2_000_000, description="Longest article text extracted, in characters.")
    header_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        description="Time a connection has to send a request's headers (from when it opens or its previous "
        "response ends); later, it is answered 408 and closed.",
    )
    worker_threads: int = Field(
        default=8, ge=1, description="Threads per server process that run the database reads and article parsing."
    )
    max_pending_requests: int = Field(
        default=128,
        ge=1,
        description="Requests a server process holds at once (being answered or waiting for a thread); "
        "more are answered 503 with Retry-After.",
    )
    taxonomy_path: Path | None = Field(
        default=None, description="JSON file of broader topics and their terms; the bundled default when unset."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default=[],
        description="Web origins whose pages may call the API from a browser (CORS), comma-separated, "
        "e.g. https://desk.example.org; none when unset.",
    )
    root_path: str = Field(
        default="",
        description="Path prefix a reverse proxy serves the API under (e.g. /quotewire), for links and /docs.",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("root_path")
    @classmethod
    def without_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")


@lru_cache
def get_settings() -> Settings:
    return Settings()
