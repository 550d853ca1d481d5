"""Settings: every knob of the service, read from `QUOTEWIRE_*` environment variables (or a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    taxonomy_path: Path | None = Field(
        default=None, description="JSON file of broader topics and their terms; the bundled default when unset."
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
