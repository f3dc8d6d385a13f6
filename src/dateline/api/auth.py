"""Bearer-token authentication on Wagtail's own API tokens (`wagtail.models.APIToken`).

Wagtail resolves the token (its digest, revocation, the user being active) and sets
`request.user`; this subclass only remembers why a request was refused, so the 401 can
say whether the header was missing or the token is not (or no longer) valid.
"""

from django.contrib.auth.models import AnonymousUser
from wagtail.api.v3.auth import BearerTokenAuth

MISSING = "No API token: send the header Authorization: Bearer <token>."
INVALID = "This API token is not valid: unknown, revoked, or its user is inactive."


class TokenAuth(BearerTokenAuth):
    openapi_description = (
        "A Wagtail API token (`dateline api_tokens create --user USERNAME --name LABEL`, "
        "or Settings > API tokens in the admin). It acts as its user, with exactly that "
        "user's permissions."
    )

    def __call__(self, request):
        # A session cookie never authenticates the API: without a valid token the request
        # is anonymous, whoever is signed in to the admin in the same browser.
        request.user = AnonymousUser()
        request.api_auth_problem = MISSING
        return super().__call__(request)

    def authenticate(self, request, token: str):
        request.api_auth_problem = INVALID
        api_token = super().authenticate(request, token)
        if api_token is not None:
            request.api_auth_problem = ""
        return api_token


token_auth = TokenAuth()
