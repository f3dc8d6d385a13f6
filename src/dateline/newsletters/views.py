"""Reader-facing newsletter pages. Thin: parse, call a service or selector, render.

The sign-up POST comes from cached pages, so it has no CSRF token: it is checked for
coming from this site, and by the sign-up checks. The signed-link pages (confirm,
manage, unsubscribe) are personal: never cached, and they send no Referer onwards.
A GET never changes anything (mail scanners follow links); the one-click unsubscribe
is the POST that RFC 8058 defines.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dateline.comments.network import truncate_ip
from dateline.newsletters import selectors, services, tokens
from dateline.newsletters.forms import HONEYPOT_FIELD, ManageForm, SignupForm
from dateline.newsletters.models import Newsletter, Subscription
from dateline.newsletters.signup import signup_form_token
from dateline.security.client_address import client_address_for
from dateline.security.form_guard import posted_from_this_site

MAX_POST_BYTES = 10_000


def _personal(response):
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _message(request, heading: str, message: str, *, status: int = 200, link=None):
    response = render(
        request,
        "newsletters/message_page.html",
        {"heading": heading, "message": message, "link": link},
        status=status,
    )
    return _personal(response)


def _bad_link(request, error: tokens.LinkError):
    return _message(
        request,
        "This link does not work",
        f"{error} Nothing was changed. You can sign up again, or use the link in a newer email.",
        status=400,
        link=(reverse("newsletters:signup"), "Our newsletters"),
    )


def _signup_page(request, *, form, status=200, error=""):
    response = render(
        request,
        "newsletters/signup_page.html",
        {
            "form": form,
            "newsletters": selectors.signup_newsletters(),
            "chosen": set(form.data.getlist("newsletters")) if form.is_bound else set(),
            "token": signup_form_token(),
            "honeypot_field": HONEYPOT_FIELD,
            "form_error": error,
        },
        status=status,
    )
    return _personal(response)


@require_GET
def signup(request):
    return _signup_page(request, form=SignupForm())


@csrf_exempt
@require_POST
def subscribe(request):
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_POST_BYTES:
        return _message(request, "Something went wrong", "That form was far too large.", status=413)
    form = SignupForm(request.POST)
    if not posted_from_this_site(request):
        return _signup_page(
            request, form=form, status=403,
            error="Your sign-up did not come from this site's form. Please use the form below.",
        )  # fmt: skip
    if not form.is_valid():
        return _signup_page(request, form=form, status=400)
    data = form.cleaned_data
    try:
        services.subscription_request(
            email=data["email"],
            newsletters=list(data["newsletters"]),
            network=truncate_ip(client_address_for(request)),
            form_token=data["token"],
            honeypot=request.POST.get(HONEYPOT_FIELD, ""),
        )
    except services.SignupRefused as refusal:
        if refusal.field:
            form.add_error(refusal.field, refusal.message)
        response = _signup_page(
            request, form=form, status=refusal.status_code,
            error="" if refusal.field else refusal.message,
        )  # fmt: skip
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    return HttpResponseRedirect(reverse("newsletters:check_inbox"), status=303)


@require_GET
def check_inbox(request):
    return _message(
        request,
        "Check your inbox",
        "If this address can receive our newsletters, an email is on its way: click the link "
        "in it to confirm. Nothing is sent before you do.",
    )


def _subscriber_from(token: str, action: str):
    data = tokens.read_link_token(token, action=action)
    subscriber = selectors.subscriber_for_link(data)
    if subscriber is None:
        raise tokens.LinkError("This link is not valid any more.")
    return subscriber, data


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows what will start; the button (POST) confirms it."""
    try:
        subscriber, _data = _subscriber_from(token, tokens.CONFIRM)
    except tokens.LinkError as error:
        return _bad_link(request, error)
    if request.method == "POST":
        confirmed = services.subscription_confirm(subscriber=subscriber)
        names = ", ".join(newsletter.name for newsletter in confirmed)
        return _message(
            request,
            "You are subscribed",
            f"Thank you: you will receive {names}." if names else "Your subscription is confirmed.",
            link=(_manage_path(subscriber), "Manage your newsletters"),
        )
    pending = [
        subscription.newsletter
        for subscription in selectors.subscriptions_of(subscriber).values()
        if subscription.status == Subscription.Status.PENDING
    ]
    return _personal(
        render(
            request,
            "newsletters/confirm_page.html",
            {"pending": pending, "email": subscriber.email},
        )
    )


def _manage_path(subscriber) -> str:
    token = tokens.link_token(
        action=tokens.MANAGE, subscriber_id=subscriber.pk, email=subscriber.email
    )
    return reverse("newsletters:manage", args=[token])


@csrf_exempt
@require_http_methods(["GET", "POST"])
def manage(request, token: str):
    try:
        subscriber, _data = _subscriber_from(token, tokens.MANAGE)
    except tokens.LinkError as error:
        return _bad_link(request, error)
    saved = False
    if request.method == "POST":
        if request.POST.get("action") == "unsubscribe-all":
            services.subscription_cancel(subscriber=subscriber)
            saved = True
        else:
            form = ManageForm(request.POST)
            if form.is_valid():
                services.subscriptions_update(
                    subscriber=subscriber, newsletters=list(form.cleaned_data["newsletters"])
                )
                saved = True
    current = selectors.subscriptions_of(subscriber)
    subscribed = {
        newsletter_id
        for newsletter_id, subscription in current.items()
        if subscription.status == Subscription.Status.ACTIVE
    }
    offered = list(
        Newsletter.objects.filter(
            pk__in=set(current) | {n.pk for n in selectors.signup_newsletters()}
        )
    )
    return _personal(
        render(
            request,
            "newsletters/manage_page.html",
            {
                "email": subscriber.email,
                "newsletters": offered,
                "subscribed": subscribed,
                "saved": saved,
            },
        )  # fmt: skip
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """RFC 8058: a POST (from the mail client's button, or ours) unsubscribes at once."""
    try:
        subscriber, data = _subscriber_from(token, tokens.UNSUBSCRIBE)
    except tokens.LinkError as error:
        return _bad_link(request, error)
    newsletter = Newsletter.objects.filter(pk=data.get("n")).first()
    if request.method == "POST":
        services.subscription_cancel(subscriber=subscriber, newsletter=newsletter)
        name = newsletter.name if newsletter else "our newsletters"
        return _message(
            request,
            "You are unsubscribed",
            f"You will not receive {name} any more.",
            link=(_manage_path(subscriber), "Manage your other newsletters"),
        )
    return _personal(
        render(request, "newsletters/unsubscribe_page.html", {"newsletter": newsletter})
    )
