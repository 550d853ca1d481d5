"""The extraction pipeline: spans, then the ordered attribution sieves, then dates and topics."""
from __future__ import annotations

from datetime import date

from app.extract.records import Quote


def extract_quotes(text: str, title: str | None = None, published: date | None = None) -> list[Quote]:
    """Every quotation in `text`, in order of appearance, attributed where a speaker can be found."""
    raise NotImplementedError
