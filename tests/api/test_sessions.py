"""Every request's database session is closed when the request is done, whatever the route did."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.api import deps
from app.api.main import create_app


@pytest.fixture
def sessions(monkeypatch) -> list[Session]:
    """The sessions the API opens from now on; each one's `closed` says whether it was closed."""
    opened: list[Session] = []

    class RecordedSession(Session):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.closed = False
            opened.append(self)

        def close(self) -> None:
            self.closed = True
            super().close()

    monkeypatch.setattr(deps, "Session", RecordedSession)
    return opened


@pytest.mark.parametrize("path, status", [
    ("/quotes", 200), ("/quotes?speaker=Ruiz", 200), ("/quotes?cursor=nonsense", 400), ("/quotes/999999", 404),
    ("/quotes.csv", 200), ("/speakers", 200), ("/topics/bridge", 200), ("/articles", 200),
])
def test_a_session_is_closed_after_the_response(client, newsroom, sessions, path, status):
    assert client.get(path).status_code == status
    assert sessions and all(session.closed for session in sessions)


def test_a_session_is_closed_when_the_route_fails(settings, newsroom, sessions, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the store went away")

    monkeypatch.setattr("app.api.routes.quotes.get_quote", broken)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.get(f"/quotes/{newsroom.quotes['ferries'].id}").status_code == 500
    assert len(sessions) == 1 and sessions[0].closed
