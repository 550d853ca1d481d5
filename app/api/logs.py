"""The server's logs: one JSON object a line, each with the id of the request it belongs to.

`LOG_CONFIG` is the `logging.config.dictConfig` uvicorn applies (`quotewire serve`): python-json-logger
formats, asgi-correlation-id's filter adds `request_id` (the `X-Request-ID` answered), and an access
line carries its method, path and status as fields of their own.
"""

from __future__ import annotations

import logging
from typing import Any

ACCESS_FIELDS = ("client", "method", "path", "http_version", "status")


class AccessFields(logging.Filter):
    """Uvicorn's access line `client - "GET /quotes HTTP/1.1" 200` as fields: method="GET", status=200, ..."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and len(record.args) == len(ACCESS_FIELDS):
            for name, value in zip(ACCESS_FIELDS, record.args):
                setattr(record, name, value)
        return True


JSON_FORMATTER = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
    "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger", "correlation_id": "request_id"},
}
HANDLER = {"formatter": "json", "filters": ["request_id"], "class": "logging.StreamHandler"}

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "asgi_correlation_id.CorrelationIdFilter", "default_value": None},
        "access_fields": {"()": AccessFields},
    },
    "formatters": {"json": JSON_FORMATTER},
    "handlers": {
        "default": {**HANDLER, "stream": "ext://sys.stderr"},
        "access": {**HANDLER, "filters": ["request_id", "access_fields"], "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["default"], "level": "INFO"},
}
