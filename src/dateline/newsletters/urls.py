from functools import wraps

from anymail import urls as anymail_urls
from django.conf import settings
from django.http import HttpResponseNotFound
from django.urls import URLPattern, include, path

from dateline.newsletters import views

app_name = "newsletters"


def _only_when_secured(view):
    """The provider's webhooks answer only once WEBHOOK_SECRET is set: an unauthenticated
    webhook would let anyone put any address on the suppression list."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
            return HttpResponseNotFound("Webhooks are not configured.")
        return view(request, *args, **kwargs)

    return guarded


def _webhooks():
    patterns = [
        URLPattern(p.pattern, _only_when_secured(p.callback), p.default_args, p.name)
        for p in anymail_urls.urlpatterns
    ]
    return (patterns, "anymail")


urlpatterns = [
    path("", views.signup, name="signup"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("webhooks/", include(_webhooks())),
]
