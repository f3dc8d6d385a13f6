from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from wagtail import hooks
from wagtail.admin import messages

from dateline.i18n.languages import default_language
from dateline.i18n.selectors import source_change


@hooks.register("before_edit_page")
def warn_of_a_changed_original(request, page):
    """On a translation's edit view: the original was published again since this
    translation was, so the translation may be out of date."""
    if request.method != "GET":
        return
    change = source_change(page)
    if change is None:
        return
    when = timezone.localtime(change.changed_at)
    language = get_language_info(default_language())["name"]
    since = "last published" if change.since_published else "made"
    original_id = change.original.pk
    buttons = []
    if change.revision_then_id is not None:
        compare = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[original_id, change.revision_then_id, "live"],
        )
        buttons.append(messages.button(compare, f"What changed in the {language} original"))
    buttons.append(
        messages.button(
            reverse("wagtailadmin_pages:edit", args=[original_id]), f"Open the {language} original"
        )
    )
    messages.warning(
        request,
        f"The {language} original changed on {when:%d %b %Y at %H:%M} ({when.tzname()}) "
        f"since this translation was {since}.",
        buttons=buttons,
    )
