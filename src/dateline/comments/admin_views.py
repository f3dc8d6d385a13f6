"""The moderation desk in the Wagtail admin: queues, bulk actions, commenter history, audit log."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from dateline.comments import selectors, services
from dateline.comments.models import Ban, Comment
from dateline.comments.pipeline import CommentRefused
from dateline.comments.rendering import normalise_email

PER_PAGE = 50
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


@moderator_required
def queue(request):
    name = request.GET.get("queue", "pending")
    if name not in selectors.QUEUES:
        name = "pending"
    query = request.GET.get("q", "")[:200]
    if request.method == "POST":
        action = request.POST.get("action", "")
        ids = [int(pk) for pk in request.POST.getlist("comment") if pk.isdigit()]
        if action in services.BULK_ACTIONS and ids:
            count = services.comments_bulk_moderate(
                comment_ids=ids, action=action, moderator=request.user
            )
            messages.success(request, f"{count} comment{'s' if count != 1 else ''}: {action}.")
        else:
            messages.error(request, "Choose comments and an action.")
        return redirect(
            f"{reverse('comments_admin:queue')}?{urlencode({'queue': name, 'q': query})}"
        )
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
        },
    )


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
    return redirect(request.POST.get("next") or reverse("comments_admin:queue"))


@moderator_required
def detail(request, comment_id: int):
    comment = get_object_or_404(Comment.objects.select_related("article", "parent"), pk=comment_id)
    form = EditForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST":
        action = request.POST.get("action", "edit")
        if action in services.BULK_ACTIONS:
            services.BULK_ACTIONS[action](comment=comment, moderator=request.user,
                                          reason=request.POST.get("reason", "")[:300])  # fmt: skip
            messages.success(request, f"Comment: {action}.")
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
