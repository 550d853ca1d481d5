"""Quotewire: finds the quotations in news articles, attributes them to speakers and serves them over HTTP."""

from importlib.metadata import version

__version__ = version("quotewire")  # the installed package's, as in pyproject.toml
