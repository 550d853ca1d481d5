"""The pages are tested on the API's fixtures: the same invented newsroom, stored through the real write path."""
from tests.api.conftest import client, client_with, extra_subjects, newsroom, settings, store, test_taxonomy  # noqa: F401
