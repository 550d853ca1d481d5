"""The pages for journalists at `/`: search quotes, read a speaker's record, a topic, and an article with
each quote marked by who it was given to and why.

Server-rendered with Jinja2 (`templates/`) from the query functions the API uses, with one stylesheet
and one small script (`static/`) shipped in the package: no CDN, no build step. `routes.py` owns the
pages; `chart.py` draws quotes over time; `highlight.py` places quotes in their sentence and article.
"""
