"""The wire desk in the Wagtail admin: items, a preview, "Create story", flagged stories."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dateline.news.models import AuthorPage, SectionPage
from dateline.wire import selectors, services
from dateline.wire.models import WireItem, WireProvider, WireStory

PER_PAGE = 50
desk_required = permission_required("wire.use_wire_desk", raise_exception=True)


class DeskFilters(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=selectors.SEARCH_MAX)
    provider = forms.ModelChoiceField(
        queryset=WireProvider.objects.all(), required=False, empty_label="All providers"
    )
    status = forms.ChoiceField(
        choices=[("", "Any status"), *WireItem.Status.choices], required=False
    )


class StoryForm(forms.Form):
    section = forms.ModelChoiceField(queryset=SectionPage.objects.order_by("path"))
    author = forms.ModelChoiceField(
        queryset=AuthorPage.objects.order_by("title"),
        required=False,
        empty_label="My own author page",
        help_text="The byline; the agency is credited at the end of the story.",
    )


def _page(request, items):
    try:
        number = int(request.GET.get("p", "1"))
    except ValueError:
        number = 1
    return Paginator(items, PER_PAGE).get_page(number)


@desk_required
def desk(request):
    filters = DeskFilters(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    items = selectors.desk_items(
        provider=chosen.get("provider"), query=chosen.get("q", ""), status=chosen.get("status", "")
    )
    query_string = request.GET.copy()
    query_string.pop("p", None)
    return render(
        request,
        "wire/admin/desk.html",
        {
            "title": "Wire desk",
            "filters": filters,
            "items": _page(request, items),
            "query_string": query_string.urlencode(),
            "flagged": selectors.flagged_count(),
        },
    )


@desk_required
def item(request, item_id: int):
    wire_item = selectors.desk_item(item_id)
    if wire_item is None:
        raise Http404("No such wire item.")
    form = StoryForm(initial={"section": wire_item.provider.default_section})
    return render(
        request,
        "wire/admin/item.html",
        {
            "title": wire_item.headline or wire_item.guid,
            "item": wire_item,
            "versions": selectors.item_versions(wire_item),
            "stories": selectors.item_stories(wire_item),
            "notes": services.wire_notes(wire_item),
            "form": form,
        },
    )


@desk_required
@require_POST
def create_story(request, item_id: int):
    wire_item = get_object_or_404(WireItem.objects.select_related("provider"), pk=item_id)
    form = StoryForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a section for the story.")
        return redirect("wire_admin:item", item_id=item_id)
    author = form.cleaned_data["author"]
    try:
        story = services.wire_story_create(
            item=wire_item,
            user=request.user,
            section=form.cleaned_data["section"],
            authors=[author] if author else None,
        )
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("wire_admin:item", item_id=item_id)
    messages.success(request, f"Draft story made from the wire: {story.article.title}.")
    return redirect("wagtailadmin_pages:edit", story.article.pk)


@desk_required
def stories(request):
    flagged_only = request.GET.get("show") != "all"
    found = selectors.flagged_stories() if flagged_only else selectors.wire_stories()
    return render(
        request,
        "wire/admin/stories.html",
        {
            "title": "Stories from the wire",
            "stories": _page(request, found),
            "flagged_only": flagged_only,
        },
    )


@desk_required
def story(request, story_id: int):
    wire_story = get_object_or_404(
        WireStory.objects.select_related("article", "item__provider", "checked_against"),
        pk=story_id,
    )
    latest = wire_story.item.versions.get(version=wire_story.item.version)
    if request.method == "POST":
        try:
            services.wire_story_checked(story=wire_story, user=request.user)
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Marked as checked against the latest wire version.")
        return redirect(reverse("wire_admin:stories"))
    return render(
        request,
        "wire/admin/story.html",
        {
            "title": f"Wire changes: {wire_story.article.title}",
            "story": wire_story,
            "latest": latest,
            "changes": selectors.version_diff(wire_story.checked_against, latest),
        },
    )
