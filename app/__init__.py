"""Quotewire: finds the quotations in news articles, attributes them to speakers and serves them over HTTP."""
