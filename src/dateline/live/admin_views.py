"""The live desk in the Wagtail admin: post in one short form; edit, delete, pin; end.

Each reporter's post is its own request and its own transaction, so several reporters
post to one blog at once; every change is kept with who made it and when
(``LiveEntryChange``), and the desk shows it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dateline.live import forms, services
from dateline.live.conf import reading_for
from dateline.live.models import LiveBlogPage, LiveEntry, LiveEntryChange

DESK_ENTRIES = 100


def _blog_for(request, page_id: int) -> LiveBlogPage:
    blog = get_object_or_404(LiveBlogPage, pk=page_id)
    if not services.can_post(request.user, blog):
        raise PermissionDenied
    return blog


def _desk_url(blog) -> str:
    return reverse("live_desk:desk", args=[blog.pk])


def _body_from(form: forms.EntryForm, user) -> list[dict]:
    data = form.cleaned_data
    image = data.get("image")
    if image is not None:
        from wagtail.images import get_image_model

        image = get_image_model().objects.create(
            title=data.get("caption") or image.name, file=image, uploaded_by_user=user
        )
    return services.entry_body(
        text=data.get("text", ""),
        image=image,
        caption=data.get("caption", ""),
        embed_url=data.get("embed_url", ""),
        quote=data.get("quote", ""),
        quote_attribution=data.get("quote_attribution", ""),
    )


def _show_errors(form, error: ValidationError) -> None:
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def index(request):
    """Every live blog the user may post to, open ones first."""
    blogs = [
        blog
        for blog in LiveBlogPage.objects.order_by("ended_at", "-first_published_at")[:200]
        if services.can_post(request.user, blog)
    ]
    return render(request, "live/admin/index.html", {"blogs": blogs, "title": "Live desk"})


def desk(request, page_id: int):
    blog = _blog_for(request, page_id)
    form = forms.EntryForm()
    if request.method == "POST":
        form = forms.EntryForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.live_entry_post(
                    blog=blog,
                    user=request.user,
                    body=_body_from(form, request.user),
                    key_event=form.cleaned_data["key_event"],
                    title=form.cleaned_data["title"],
                )
            except ValidationError as error:
                _show_errors(form, error)
            else:
                messages.success(request, "Posted.")
                return redirect(_desk_url(blog))
    entries = (
        LiveEntry.objects.filter(blog=blog)
        .select_related("posted_by")
        .prefetch_related(
            Prefetch("changes", queryset=LiveEntryChange.objects.select_related("user"))
        )
        .order_by("-pk")[:DESK_ENTRIES]
    )
    context = {
        "blog": blog,
        "form": form,
        "entries": entries,
        "can_end": services.can_end(request.user, blog),
        "live": reading_for(blog, request) if blog.is_open else None,
        "title": f"Live desk: {blog.title}",
    }
    template = "live/admin/entries.html" if request.GET.get("part") == "entries" else None
    return render(request, template or "live/admin/desk.html", context)


def edit(request, page_id: int, entry_id: int):
    blog = _blog_for(request, page_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, blog=blog, deleted_at__isnull=True)
    form = forms.EntryForm(initial=forms.entry_initial(entry))
    if request.method == "POST":
        form = forms.EntryForm(request.POST, request.FILES)
        if form.is_valid():
            body = _body_from(form, request.user)
            kept = [b for b in entry.body.raw_data if b["type"] == "image"]
            if form.cleaned_data.get("image") is None and kept:
                body = [*body[:1], *kept, *body[1:]]  # the picture stays unless replaced
            try:
                services.live_entry_edit(
                    entry=entry,
                    user=request.user,
                    body=body,
                    key_event=form.cleaned_data["key_event"],
                    title=form.cleaned_data["title"],
                )
            except ValidationError as error:
                _show_errors(form, error)
            else:
                messages.success(request, "Entry updated.")
                return redirect(_desk_url(blog))
    return render(
        request,
        "live/admin/edit.html",
        {"blog": blog, "entry": entry, "form": form, "title": f"Edit entry {entry.pk}"},
    )


@require_POST
def entry_action(request, page_id: int, entry_id: int, action: str):
    blog = _blog_for(request, page_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, blog=blog)
    try:
        if action == "delete":
            services.live_entry_delete(entry=entry, user=request.user)
            messages.success(request, "Entry deleted.")
        elif action in ("pin", "unpin"):
            services.live_entry_pin(entry=entry, user=request.user, pinned=action == "pin")
            messages.success(request, "Pinned." if action == "pin" else "Unpinned.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_desk_url(blog))


@require_POST
def end(request, page_id: int):
    blog = _blog_for(request, page_id)
    services.live_blog_end(blog=blog, user=request.user)
    messages.success(request, "Live coverage ended. The page is now an archive.")
    return redirect(_desk_url(blog))
