"""The HTTP API: FastAPI routes over the stored quotes (see `app.api.main.create_app`)."""
