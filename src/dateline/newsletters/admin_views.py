"""The newsroom's side in the Wagtail admin: an edition's preview, test send, schedule or
send now, and its live status (counts from the ledger, failures listed)."""

from datetime import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from dateline.newsletters import rendering, selectors, services
from dateline.newsletters.models import Edition

SENDER = "newsletters.send_edition"
sender_required = permission_required(SENDER, raise_exception=True)
REFRESH_SECONDS = 5


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="Send at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_when(self):
        when: datetime = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError("Choose a time in the future, or send it now.")
        return when


def _edition(pk: int) -> Edition:
    return get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)


@sender_required
def status(request, pk: int):
    edition = _edition(pk)
    counts = selectors.edition_counts(edition)
    running = edition.status in (Edition.Status.QUEUED, Edition.Status.SENDING)
    return render(
        request,
        "newsletters/admin/edition_status.html",
        {
            "edition": edition,
            "counts": counts,
            "failures": selectors.edition_failures(edition),
            "stories": selectors.edition_stories(edition),
            "schedule_form": ScheduleForm(),
            "refresh": REFRESH_SECONDS if running else None,
            "title": edition.subject,
        },
    )


def _rendered(edition: Edition) -> rendering.RenderedEmail:
    """What readers get (the frozen copy once queued), with the editor's own links."""
    if edition.html_body:
        return rendering.RenderedEmail(edition.html_body, edition.text_body)
    return rendering.edition_email(edition)


@sender_required
@xframe_options_sameorigin
def preview_html(request, pk: int):
    return HttpResponse(_rendered(_edition(pk)).html, content_type="text/html; charset=utf-8")


@sender_required
def preview_text(request, pk: int):
    return HttpResponse(_rendered(_edition(pk)).text, content_type="text/plain; charset=utf-8")


@sender_required
@require_POST
def send_test(request, pk: int):
    edition = _edition(pk)
    if not request.user.email:
        messages.error(request, "Your account has no email address to send the test to.")
    else:
        services.edition_send_test(edition=edition, email=request.user.email)
        messages.success(request, f"A test copy is on its way to {request.user.email}.")
    return redirect("newsletters_admin:status", pk=pk)


@sender_required
@require_POST
def send_now(request, pk: int):
    try:
        services.edition_queue(edition=_edition(pk))
        messages.success(request, "Queued: the edition is being sent.")
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("newsletters_admin:status", pk=pk)


@sender_required
@require_POST
def schedule(request, pk: int):
    edition = _edition(pk)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("when", ["Choose when to send it."])))
    else:
        try:
            services.edition_schedule(edition=edition, when=form.cleaned_data["when"])
            messages.success(request, "Scheduled.")
        except ValueError as error:
            messages.error(request, str(error))
    return redirect("newsletters_admin:status", pk=pk)


@sender_required
@require_POST
def cancel(request, pk: int):
    try:
        services.edition_cancel(edition=_edition(pk))
        messages.success(request, "Cancelled: it will not be sent.")
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("newsletters_admin:status", pk=pk)


@sender_required
@require_POST
def resume(request, pk: int):
    try:
        services.edition_resume(edition=_edition(pk))
        messages.success(request, "Resumed: the copies not yet accepted are being sent.")
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("newsletters_admin:status", pk=pk)
