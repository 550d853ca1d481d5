"""Opaque keyset cursors: base64url of `[sort, sort_key, id]`, validated on the way back in.

A cursor names the last row of a page; the next page is every row after it in the same order, so no
page ever needs an OFFSET or a COUNT. A cursor that does not decode, or was made for another sort, is
a 400 naming the `cursor` parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from typing import TypeGuard

from app.api.errors import invalid_parameter
from app.api.schemas import MAX_ROW_ID
from app.queries import KeysetPosition
from app.queries.keyset import SortKey


def encode_cursor(position: KeysetPosition) -> str:
    key = position.key.isoformat() if isinstance(position.key, date) else position.key
    raw = json.dumps([position.sort, key, position.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(cursor: str, *, sort: str, key_type: type) -> KeysetPosition:
    """The position a cursor names; `key_type` (date, float, int or str) is the sort key's type."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, key, row_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise invalid_parameter(
            "cursor", "not a cursor this API issued; use next_cursor from a previous page unchanged"
        ) from None
    if made_for != sort:
        raise invalid_parameter("cursor", f"this cursor was issued for sort={made_for}, not sort={sort}")
    if not is_row_integer(row_id):
        raise invalid_parameter("cursor", "not a cursor this API issued (bad row id)")
    return KeysetPosition(sort=sort, key=parse_key(key, key_type), id=row_id)


def parse_key(key: object, key_type: type) -> SortKey:
    if key is None:
        return None
    try:
        if key_type is date and isinstance(key, str):
            return date.fromisoformat(key)
        if key_type is float and isinstance(key, (int, float)) and not isinstance(key, bool):
            return float(key)
        if key_type is int and is_row_integer(key):
            return key
        if key_type is str and isinstance(key, str):
            return key
    except ValueError:
        pass
    raise invalid_parameter("cursor", "not a cursor this API issued (bad sort key)")


def is_row_integer(value: object) -> TypeGuard[int]:
    """An int the database can compare with (ids and integer keys past SQLite's range are refused)."""
    return type(value) is int and -MAX_ROW_ID - 1 <= value <= MAX_ROW_ID
