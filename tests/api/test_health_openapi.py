"""/health reports the database and schema; /openapi.json documents every route, parameter and error."""
from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from app.api.main import create_app
from app.config import Settings


def test_health_ok_on_a_migrated_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "reachable", "schema": "at head"}


def test_health_is_503_on_an_unmigrated_database(tmp_path: Path):
    client = TestClient(create_app(Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}")))
    response = client.get("/health")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "quotewire db upgrade" in response.json()["detail"]


def test_health_is_503_when_the_database_cannot_be_opened(tmp_path: Path):
    (tmp_path / "a-directory.db").mkdir()
    client = TestClient(create_app(Settings(database_url=f"sqlite:///{tmp_path / 'a-directory.db'}")))
    response = client.get("/health")
    assert response.status_code == 503 and "unreachable" in response.json()["detail"]


def test_every_route_has_tag_summary_description_and_declared_errors(client):
    schema = client.get("/openapi.json").json()
    operations = [(path, method, op) for path, item in schema["paths"].items() for method, op in item.items()]
    assert len(operations) == 21
    for path, method, operation in operations:
        where = f"{method.upper()} {path}"
        assert operation.get("tags") and operation.get("summary") and operation.get("description"), where
        errors = {status: response for status, response in operation["responses"].items() if status[0] in "45"}
        assert errors, where
        for status, response in errors.items():
            assert response["content"]["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/ProblemDetails"}, (where, status)
    assert "ProblemDetails" in schema["components"]["schemas"]


def test_every_parameter_and_model_field_has_an_example(client):
    schema = client.get("/openapi.json").json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                has_example = "example" in parameter or "examples" in parameter["schema"] or "examples" in parameter
                assert has_example, (method, path, parameter["name"])
    for name, model in schema["components"]["schemas"].items():
        for field, definition in model.get("properties", {}).items():
            if "$ref" in json.dumps(definition):  # a nested model, whose own fields are checked
                continue
            assert "examples" in definition or "example" in definition, (name, field)


def test_docs_page_is_served(client):
    response = client.get("/docs")
    assert response.status_code == 200 and "swagger" in response.text.lower()
