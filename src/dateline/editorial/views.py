"""The story budget and the editors' calendar feed."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from dateline.discovery.selectors import site_for, site_name_for
from dateline.editorial import calendar, selectors, services
from dateline.editorial.permissions import can_use_budget
from dateline.news.models import ArticlePage, AuthorPage, SectionPage


class BudgetFilterForm(forms.Form):
    section = forms.ModelChoiceField(
        SectionPage.objects.order_by("path"), required=False, empty_label="All sections"
    )
    author = forms.ModelChoiceField(
        AuthorPage.objects.order_by("title"),
        required=False,
        empty_label="Everyone",
        label="Reporter",
    )
    days = forms.TypedChoiceField(
        choices=[(1, "Today"), (3, "3 days"), (7, "7 days"), (14, "14 days")],
        coerce=int,
        initial=selectors.BUDGET_DAYS,
        required=False,
        empty_value=selectors.BUDGET_DAYS,
        label="Showing",
    )


class RescheduleForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label="New time",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


def _require_budget(request):
    if not can_use_budget(request.user):
        raise PermissionDenied


def budget(request):
    _require_budget(request)
    form = BudgetFilterForm(request.GET or None)
    filters = selectors.BudgetFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.BudgetFilters(
            section=form.cleaned_data["section"],
            author=form.cleaned_data["author"],
            days=form.cleaned_data["days"] or selectors.BUDGET_DAYS,
        )
    days = selectors.story_budget(filters)
    calendar_url = request.build_absolute_uri(
        reverse("editorial_calendar", args=[calendar.calendar_token(request.user)])
    )
    return render(
        request,
        "editorial/budget.html",
        {
            "form": form,
            "days": days,
            "story_count": sum(len(day.entries) for day in days),
            "today": timezone.localdate(),
            "time_zone": timezone.get_current_timezone_name(),
            "calendar_url": calendar_url,
            "next_url": request.get_full_path(),
        },
    )


@require_POST
def reschedule(request, story_id: int):
    _require_budget(request)
    story = get_object_or_404(ArticlePage, pk=story_id)
    form = RescheduleForm(request.POST)
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/admin/"):
        next_url = reverse("editorial_admin:budget")
    if not form.is_valid():
        messages.error(request, f"“{story.title}” was not moved: enter a date and a time.")
        return redirect(next_url)
    try:
        services.story_reschedule(
            story=story, go_live_at=form.cleaned_data["go_live_at"], user=request.user
        )
    except ValidationError as error:
        messages.error(request, f"“{story.title}” was not moved: {' '.join(error.messages)}")
    else:
        when = timezone.localtime(form.cleaned_data["go_live_at"])
        messages.success(request, f"“{story.title}” now goes live {when:%a %d %b at %H:%M}.")
    return redirect(next_url)


@require_GET
def calendar_feed(request, token: str):
    user = calendar.user_for_token(token)
    if user is None or not can_use_budget(user):
        raise Http404("No such calendar.")
    site = site_for(request)

    def edit_url(page_id: int) -> str:
        # The admin checks the reader's permissions when the link is opened.
        return request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=[page_id]))

    body = calendar.render_calendar(
        selectors.scheduled_publications(since=timezone.now() - calendar.EVENT_LENGTH),
        site_name=site_name_for(site),
        host=request.get_host().split(":")[0],
        edit_url=edit_url,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
