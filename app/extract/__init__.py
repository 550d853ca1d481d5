"""Text in, quotes out: finds quotations in an article and attributes each to its speaker.

Pure functions only: nothing here imports the database, the web layer or reads files.
"""

from app.extract.pipeline import extract_quotes
from app.extract.records import Quote, Speaker, quote_to_dict

__all__ = ["Quote", "Speaker", "extract_quotes", "quote_to_dict"]
