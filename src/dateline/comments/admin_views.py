"""The moderation desk in the Wagtail admin: queues, bulk actions, commenter history, audit log."""

import ipaddress

from django import forms
from django.contrib.auth.decorators import permission_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from dateline.comments import selectors, services
from dateline.comments.models import Ban, Comment
from dateline.comments.pipeline import CommentRefused
from dateline.comments.rendering import normalise_email

PER_PAGE = 50
# How long a desk action can be undone: long enough to see a slip, short enough that
# nobody else has acted on the comment since.
UNDO_SECONDS = 15
UNDO_SALT = "dateline.comments.undo"
UNDO_SESSION_KEY = "comments_desk_undo"
DONE = {"approve": "Approved", "reject": "Rejected", "spam": "Marked as spam"}
moderator_required = permission_required("comments.moderate_comment", raise_exception=True)


class NoteForm(forms.Form):
    text = forms.CharField(label="Add a note", widget=forms.Textarea(attrs={"rows": 3}))


class EditForm(forms.Form):
    text = forms.CharField(label="Comment text", widget=forms.Textarea(attrs={"rows": 8}))


def _page(request, items):
    try:
        number = int(request.GET.get("p", "1"))
    except ValueError:
        number = 1
    return Paginator(items, PER_PAGE).get_page(number)


def _offer_undo(request, before: list[tuple[int, str, bool]]) -> None:
    """Remember the comments' previous states, signed, for the Undo button the next page shows."""
    request.session[UNDO_SESSION_KEY] = signing.dumps(before, salt=UNDO_SALT)


def _undo_token(request) -> str | None:
    """The undo offered by the last action, shown once and only while it can still be used."""
    token = request.session.pop(UNDO_SESSION_KEY, None)
    if not token:
        return None
    try:
        signing.loads(token, salt=UNDO_SALT, max_age=UNDO_SECONDS)
    except signing.BadSignature:
        return None
    return token


def _undo(request) -> None:
    try:
        states = signing.loads(request.POST.get("undo", ""), salt=UNDO_SALT, max_age=UNDO_SECONDS)
    except signing.SignatureExpired:
        messages.error(request, f"Too late to undo: it can be undone for {UNDO_SECONDS} seconds.")
        return
    except signing.BadSignature:
        messages.error(request, "Nothing to undo.")
        return
    count = services.comments_restore(states=states, moderator=request.user)
    messages.success(request, f"Undone: {count} comment{'s' if count != 1 else ''} put back.")


def _safe_next(request, default: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return next_url
    return default


@moderator_required
def queue(request):
    name = request.GET.get("queue", "pending")
    if name not in selectors.QUEUES:
        name = "pending"
    query = request.GET.get("q", "")[:200]
    if request.method == "POST":
        if "undo" in request.POST:
            _undo(request)
        else:
            _act_from_queue(request)
        here = f"{reverse('comments_admin:queue')}?{urlencode({'queue': name, 'q': query})}"
        return redirect(_safe_next(request, here))
    comments = _page(request, selectors.moderation_queue(name, query=query))
    return render(
        request,
        "comments/admin/queue.html",
        {
            "queue": name,
            "query": query,
            "queues": [
                (key, label, count)
                for (key, (label, _condition)), count in zip(
                    selectors.QUEUES.items(), selectors.queue_counts().values(), strict=True
                )
            ],
            "comments": comments,
            "actions": list(services.BULK_ACTIONS),
            "undo": _undo_token(request),
            "undo_seconds": UNDO_SECONDS,
        },
    )


def _act_from_queue(request) -> None:
    """One row's button ("approve:12") or the bulk buttons over the ticked boxes."""
    action, _colon, row = request.POST.get("row", "").partition(":")
    if row.isdigit():
        ids = [int(row)]
    else:
        action = request.POST.get("action", "")
        ids = [int(pk) for pk in request.POST.getlist("comment") if pk.isdigit()]
    if action not in services.BULK_ACTIONS or not ids:
        messages.error(request, "Choose comments and an action.")
        return
    before = services.comments_bulk_moderate(comment_ids=ids, action=action, moderator=request.user)
    if not before:
        messages.error(request, "Those comments are gone.")
        return
    count = len(before)
    messages.success(request, f"{DONE[action]}: {count} comment{'s' if count != 1 else ''}.")
    _offer_undo(request, before)


@moderator_required
def commenter(request):
    email = normalise_email(request.GET.get("email", "") or request.POST.get("email", ""))
    if not email:
        raise Http404("Which commenter?")
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.moderator_note_add(
            email=email, text=form.cleaned_data["text"], author=request.user
        )
        messages.success(request, "Note added.")
        return redirect(f"{reverse('comments_admin:commenter')}?{urlencode({'email': email})}")
    history = selectors.commenter_history(email)
    return render(
        request,
        "comments/admin/commenter.html",
        {
            **history,
            "note_form": form,
            "banned": Ban.objects.filter(kind="email", value=email).exists(),
        },
    )


@moderator_required
@require_POST
def ban(request):
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    if kind not in Ban.Kind.values:
        raise Http404("No such ban.")
    try:
        services.ban_create(
            kind=kind,
            value=value,
            reason=request.POST.get("reason", "")[:300],
            moderator=request.user,
        )
    except Exception as error:  # a ValidationError naming what is wrong with the value
        messages.error(request, f"Could not ban {value!r}: {error}")
    else:
        messages.success(request, f"Banned {value}.")
    return redirect(_safe_next(request, reverse("comments_admin:queue")))


def network_in_words(value: str) -> dict:
    """What banning an IP network means, for the confirmation page."""
    network = ipaddress.ip_network(value, strict=False)
    if network.version == 4:
        first, last = network[0], network[-1]
        reach = (
            f"the {network.num_addresses:,} addresses from {first} to {last}. That is often a "
            "whole office, school, café or block of flats, or part of a mobile network: "
            "everyone on it will be unable to comment, not only this commenter."
        )
    else:
        reach = (
            f"every address starting {network.network_address}/{network.prefixlen}: usually "
            "one household's or one organisation's whole connection, so everyone using it "
            "will be unable to comment."
        )
    return {"network": str(network), "reach": reach}


@moderator_required
def ban_network(request):
    """Ask before banning a network, saying in words whom it shuts out."""
    value = request.GET.get("value", "")
    try:
        explained = network_in_words(value)
    except ValueError as error:
        raise Http404("No such network.") from error
    return render(
        request,
        "comments/admin/ban_network.html",
        {**explained, "next": _safe_next(request, reverse("comments_admin:queue"))},
    )


@moderator_required
def detail(request, comment_id: int):
    comment = get_object_or_404(Comment.objects.select_related("article", "parent"), pk=comment_id)
    form = EditForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST":
        action = request.POST.get("action", "edit")
        if action in services.BULK_ACTIONS:
            before = [(comment.pk, comment.status, comment.needs_review)]
            services.BULK_ACTIONS[action](comment=comment, moderator=request.user,
                                          reason=request.POST.get("reason", "")[:300])  # fmt: skip
            _offer_undo(request, before)
            following = selectors.next_in_queue(comment)
            buttons = []
            if following is not None:
                url = reverse("comments_admin:detail", args=[following.pk])
                buttons.append(messages.button(url, "Next in queue"))
            messages.success(request, f"{DONE[action]}.", buttons=buttons)
            return redirect("comments_admin:detail", comment.pk)
        if form.is_valid():
            try:
                services.comment_edit(
                    comment=comment, text=form.cleaned_data["text"], editor=request.user
                )
            except CommentRefused as refusal:
                form.add_error("text", refusal.message)
            else:
                messages.success(request, "Comment edited.")
                return redirect("comments_admin:detail", comment.pk)
    return render(
        request,
        "comments/admin/detail.html",
        {
            "comment": comment,
            "form": form,
            "decisions": selectors.audit_log(comment=comment),
            "actions": list(services.BULK_ACTIONS),
            "next_comment": selectors.next_in_queue(comment),
            "undo": _undo_token(request),
            "undo_seconds": UNDO_SECONDS,
        },
    )


@moderator_required
def audit(request):
    return render(
        request,
        "comments/admin/audit.html",
        {
            "decisions": _page(request, selectors.audit_log()),
            "changes": selectors.desk_changes()[:PER_PAGE],
        },
    )
