from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.review.seed import PASSWORD, USERS, add_users, open_test_store


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    from argon2 import PasswordHasher

    monkeypatch.setattr("gongkai.review.users._HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def store(tmp_path):
    store = open_test_store(f"sqlite:///{tmp_path / 'web.db'}")
    add_users(store)
    yield store
    store.dispose()


@pytest.fixture
def app(store, tmp_path):
    from gongkai.web.app import create_app

    return create_app(store, data_dir=tmp_path / "data")


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(app, name: str, password: str = PASSWORD) -> TestClient:
    client = TestClient(app, follow_redirects=False)
    form = client.get("/login")
    response = client.post("/login", data={"name": name, "password": password, "csrf": csrf_of(form.text)})
    assert response.status_code == 303, response.text
    return client


def page_csrf(client: TestClient) -> str:
    return csrf_of(client.get("/").text)


ALL_USERS = list(USERS)
