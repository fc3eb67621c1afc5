"""An API client with a bearer token: tests call the API as a newsroom system would."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from factcheck.api.models import ApiToken


def token_for(user: Any, name: str = "tests") -> str:
    return ApiToken.issue(user, name)[1]


class ApiClient:
    def __init__(self, token: str | None = None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, params: dict | None = None, **extra: Any) -> Any:
        return self.client.get(path, params or {}, headers=self.headers, **extra)

    def post(self, path: str, data: Any = None, *, raw: bytes | str | None = None,
             content_type: str = "application/json", **extra: Any) -> Any:
        body = raw if raw is not None else json.dumps(data)
        return self.client.post(path, body, content_type=content_type, headers=self.headers,
                                **extra)


def api_for(user: Any) -> ApiClient:
    return ApiClient(token_for(user))
