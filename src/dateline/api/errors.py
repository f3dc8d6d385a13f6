"""One error format for the whole API, and the answers operations declare in OpenAPI.

Every error is JSON: `{"detail": "what went wrong", "errors": [{"field": ..., "message": ...}]}`;
`errors` names each bad field of a 400 and is empty otherwise.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from dateline.api.auth import MISSING


class FieldProblem(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldProblem] = []


class FieldError(Exception):
    """Bad input in one named field: answered with a 400 that names it."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# What operations declare beside their success answer: `response={201: X, **TOKEN_ERRORS}`.
READ_ERRORS = {400: ErrorOut, 404: ErrorOut}  # public endpoints
TOKEN_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}

# Where ninja puts a value it could not validate: ("body", <parameter>, field, ...),
# ("query", field, ...), ("path", field).
_LOCATION_PREFIX = {"body": 2, "query": 1, "path": 1, "header": 1, "cookie": 1, "form": 2}


def _field_name(location) -> str:
    location = [str(part) for part in location]
    if not location:
        return "body"
    field = location[_LOCATION_PREFIX.get(location[0], 0) :]
    return ".".join(field) or location[0]


def field_problems(errors) -> list[dict]:
    return [{"field": _field_name(e.get("loc", ())), "message": e.get("msg", "")} for e in errors]


def _bad_input(problems: list[dict]) -> dict:
    summary = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return {
        "detail": f"Invalid input: {summary}" if summary else "Invalid input.",
        "errors": problems,
    }


def _django_problems(error: DjangoValidationError) -> list[dict]:
    if hasattr(error, "error_dict"):
        return [
            {"field": "body" if field == "__all__" else field, "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "body", "message": message} for message in error.messages]


def install(api: NinjaAPI) -> None:
    """Answer every error raised under `api` in the one JSON format."""

    def respond(request, status: int, body: dict, **headers):
        answer = {"detail": body["detail"], "errors": body.get("errors", [])}
        response = api.create_response(request, answer, status=status)
        for name, value in headers.items():
            response[name] = value
        return response

    @api.exception_handler(NinjaValidationError)
    def validation_failed(request, exc):
        return respond(request, 400, _bad_input(field_problems(exc.errors)))

    @api.exception_handler(FieldError)
    def field_error(request, exc):
        return respond(request, 400, _bad_input([{"field": exc.field, "message": exc.message}]))

    @api.exception_handler(DjangoValidationError)
    def model_validation_failed(request, exc):
        return respond(request, 400, _bad_input(_django_problems(exc)))

    @api.exception_handler(AuthenticationError)
    def not_authenticated(request, exc):
        detail = getattr(request, "api_auth_problem", "") or MISSING
        return respond(request, 401, {"detail": detail}, **{"WWW-Authenticate": "Bearer"})

    @api.exception_handler(PermissionDenied)
    def not_allowed(request, exc):
        if not request.user.is_authenticated:
            return respond(request, 401, {"detail": MISSING}, **{"WWW-Authenticate": "Bearer"})
        return respond(request, 403, {"detail": str(exc) or "You may not do that."})

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, {"detail": str(exc) or "Not found."})

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return respond(request, exc.status_code, {"detail": str(exc)})
