"""Every problem+json `type` the API answers with resolves to a description of that kind of error."""


def test_an_error_type_resolves_to_its_description(client):
    problem = client.get("/quotes", params={"limit": 500}).json()
    assert problem["type"] == "/problems/invalid-parameter"
    described = client.get(problem["type"])
    assert described.status_code == 200
    assert "rejected" in described.json()["description"]


def test_a_status_derived_type_resolves_too(client):
    problem = client.get("/quotes/999999").json()
    assert client.get(problem["type"]).status_code == 200


def test_an_unknown_type_is_a_404_problem(client):
    response = client.get("/problems/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
