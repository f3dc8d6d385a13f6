"""The API as a tool calls it: JSON bodies and a bearer token, answers checked to be JSON."""

import json

from wagtail.models import APIToken


def token_for(user, name: str = "tests") -> str:
    """A new API token for `user`, as `dateline api_tokens create` prints it."""
    _token, plaintext = APIToken.create_token(user=user, name=name)
    return plaintext


class TokenClient:
    def __init__(self, client):
        self.client = client

    def _headers(self, token):
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def _checked(self, response):
        assert response["Content-Type"].startswith("application/json"), response.content[:200]
        return response

    def get(self, path, *, token=None, **params):
        return self._checked(self.client.get(path, params, **self._headers(token)))

    def post(self, path, body, *, token=None):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self._checked(
            self.client.post(path, data, content_type="application/json", **self._headers(token))
        )

    def patch(self, path, body, *, token=None):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self._checked(
            self.client.patch(path, data, content_type="application/json", **self._headers(token))
        )

    def put(self, path, body, *, token=None):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return self._checked(
            self.client.put(path, data, content_type="application/json", **self._headers(token))
        )
