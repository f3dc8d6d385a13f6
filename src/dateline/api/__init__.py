"""Dateline's JSON API at /api/v1/: one NinjaAPI, one OpenAPI description, one error format.

The API as a whole lives here (`routes.api`); each app owns its endpoints.

Adding a router
    Write a `ninja.Router` in `<app>/api.py` and add one line to `ROUTERS` in
    `dateline/api/routes.py`::

        ("/live/", "dateline.live.api.router"),

    Several routers may share a prefix (`/stories/{id}/corrections/` can live in another
    app's router mounted at "/stories/" too). Its operations appear in
    /api/v1/openapi.json and in the schemathesis run of tests/api/test_openapi.py.

Authentication
    Tokens are Wagtail's own API tokens (`wagtail.models.APIToken`): `dateline api_tokens
    create --user USERNAME --name LABEL`, `api_tokens list`, `api_tokens revoke`, or
    Settings > API tokens in the admin. An endpoint that needs one says so on its router or
    operation::

        from dateline.api.auth import token_auth

        router = Router(auth=token_auth, tags=["live"])

    In the view `request.user` is the token's user and `request.auth` the APIToken. A
    missing, unknown or revoked token never reaches the view (401), and a session cookie
    never stands in for a token. Public read endpoints simply leave `auth` out.

Permissions
    A token acts as its user, so check exactly what the admin checks, in the service (the
    admin, the API and the wire desk then agree) and raise
    `django.core.exceptions.PermissionDenied("a reason a person can read")`: the API
    answers 403 with that reason. For pages, Wagtail's page permission policy::

        parent.permissions_for_user(user).can_add_subpage()      # create under parent
        parent.permissions_for_user(user).can_publish_subpage()  # create and publish
        page.permissions_for_user(user).can_edit()               # a new revision
        page.permissions_for_user(user).can_publish()
        page.permissions_for_user(user).page_locked()            # locked by someone else

    For other models, `user.has_perm("app.change_model")` or Wagtail's
    `wagtail.permissions.policy_registry.get(model)`. `news.services.article_file` and
    `article_update` are worked examples.

Input (`fields.py`)
    `Text(max_length, min_length=0)` for strings (stripped, no control characters, which
    PostgreSQL cannot store) and `When` for times (naive taken as UTC, out-of-range years
    refused) turn bad values into a 400 naming the field instead of a database error.
    Give input schemas `model_config = ConfigDict(extra="forbid")`: a misspelt field is
    then a 400 naming it, not silently ignored.

Errors (`errors.py`)
    Every error is `{"detail": "...", "errors": [{"field": "...", "message": "..."}]}`.
    400: a field that failed validation (ninja's own checks of the declared schemas,
    `errors.FieldError("section", "no section has that slug")`, or a Django
    `ValidationError({"title": ...})` from `full_clean`); 401: no valid token; 403:
    `PermissionDenied`; 404: `Http404` or `HttpError(404, ...)`. Declare them with the
    success answer so OpenAPI (and schemathesis) know them::

        @router.post("/", response={201: EntryOut, **errors.TOKEN_ERRORS})

Nothing written on an error
    The view of every request but GET/HEAD/OPTIONS runs in one transaction that is rolled
    back when the answer is an error, raised or returned (`routes.all_or_nothing`), so a
    view or service that fails halfway leaves nothing, and its `transaction.on_commit`
    work (purges, tasks) never runs. (Only the token's last-used time, written when it
    is checked, is kept.) Views stay thin all the same: parse, call one service, answer.
"""
