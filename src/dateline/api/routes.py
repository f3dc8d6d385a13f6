"""The one NinjaAPI behind /api/v1/: every app's router, one OpenAPI description.

Add a router with one line in ROUTERS (see the package docstring for auth, permissions
and errors).
"""

from functools import wraps

from django.db import transaction
from ninja import NinjaAPI

from dateline.api import errors

ROUTERS = [
    ("/", "dateline.discovery.api.router"),  # articles, sections, authors (public)
    ("/search/", "dateline.search.api.router"),  # reader search (public)
    ("/stories/", "dateline.news.api.router"),  # filing and editing stories (token)
    ("/stories/", "dateline.desk.api.stories"),  # corrections on stories (token)
    ("/fronts/", "dateline.desk.api.fronts"),  # front page lineups (token)
    ("/live/", "dateline.live.api.router"),  # live blogs and their entries (token)
    ("/wire/", "dateline.wire.api.router"),  # agency wire items (token)
]

DESCRIPTION = """
Published articles, sections and authors are public and read-only. Everything else needs an
API token: `Authorization: Bearer TOKEN`. A token acts as its user, with exactly that user's
permissions: a reporter's token files drafts and submits them for review, an editor's token
can publish.

Create a token with `dateline api_tokens create --user USERNAME --name LABEL` (it is shown
once), or under Settings > API tokens in the admin, where its owner can also revoke it.

Errors are JSON: `{"detail": "...", "errors": [{"field": "...", "message": "..."}]}`.
400: bad input, each bad field named in `errors`; 401: no token, or not a valid one;
403: the token's user may not do this; 404: no such object (or not one the user may see).
Nothing is written when the answer is an error.

Lists are newest first and paginated with `page` and `page_size`.

### Filing a story with curl

```
curl -X POST https://news.example.com/api/v1/stories/ \\
  -H "Authorization: Bearer $DATELINE_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{
        "title": "Council approves the new tram line",
        "standfirst": "Construction starts in spring after a 31-14 vote.",
        "body_html": "<p>The city council voted 31-14 on Tuesday...</p><h2>Cost</h2><p>...</p>",
        "section": "politics",
        "authors": ["ana-ribeiro"],
        "tags": ["Transport", "City council"],
        "submit_for_review": true
      }'
```

answers `201` with `{"id": 412, "url": null, "status": "in_review", ...}`: a draft in the
"Newsroom review" workflow. With an editor's token, `"publish": true` publishes it at once
(`"status": "live"` and its public `url`), or at `go_live_at` if that is in the future
(`"status": "scheduled"`). `PATCH /api/v1/stories/412/` with any of the same fields saves a
new revision; `GET /api/v1/stories/412/` shows its latest revision.

`"embargo_until"` holds a story back until that time: published with it, the story is
scheduled for then (`"status": "embargoed"`) and nothing of it is public before.
Editors add corrections with `POST /api/v1/stories/412/corrections/` (`{"kind":
"correction", "text": "..."}`) and set the lead and top stories of the home page or a
section with `PUT /api/v1/fronts/{page_id}/` (`{"stories": [412, 398]}`).
"""

api = NinjaAPI(
    title="Dateline API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url="/docs/",
)
errors.install(api)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _status(result) -> int:
    """The status a view's result will be answered with (views return a body, a
    Status(code, body), an HttpResponse, or the deprecated (code, body) tuple)."""
    if isinstance(result, tuple) and result and isinstance(result[0], int):
        return result[0]
    return getattr(result, "status_code", 200)


def all_or_nothing(view):
    """A write runs in one transaction, rolled back when the answer is an error.

    So an error (a raised one or a returned 4xx) leaves nothing behind however far the
    view or service got, and the change's on_commit work (purges, tasks, emails) never
    runs. Authentication runs before: a token's last-used time is kept either way.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in SAFE_METHODS:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            result = view(request, *args, **kwargs)
            if _status(result) >= 400:
                transaction.set_rollback(True)
        return result

    return wrapper


api.add_decorator(all_or_nothing, mode="operation")
for prefix, router in ROUTERS:
    api.add_router(prefix, router)
