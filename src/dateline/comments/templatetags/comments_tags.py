from django import template
from django.urls import reverse

from dateline.comments import selectors
from dateline.comments.forms import HONEYPOT_FIELD, CommentForm

register = template.Library()


def _count_label(count: int) -> str:
    if count == 0:
        return "Click to comment"
    return f"{count} comment{'s' if count != 1 else ''}"


@register.simple_tag(takes_context=True)
def comment_region(context, article) -> dict:
    """Everything the comments region of an article shows, in a fixed number of queries.

    Only `?comments=newest` and `?cpage=N` change it; nothing depends on who is reading.
    """
    request = context["request"]
    settings = selectors.comment_settings_for(article, request)
    try:
        number = max(1, int(request.GET.get("cpage", "1")))
    except ValueError:
        number = 1
    page = selectors.comment_page(
        article, sort=request.GET.get("comments", "oldest"), number=number
    )
    return {
        "comment_page": page,
        "policy": selectors.comment_policy_for(article, settings),
        "form": CommentForm(article=article),
        "honeypot_field": HONEYPOT_FIELD,
        "count_label": _count_label(page.count),
    }


@register.simple_tag
def article_comment_count(article) -> int:
    return selectors.approved_comment_count(article)


@register.filter
def comment_count_label(count) -> str:
    return _count_label(int(count or 0))


@register.filter
def has_comment_count(article) -> bool:
    """Whether article_cards() annotated the teaser's count, so showing it costs no query."""
    return getattr(article, "approved_comment_count", None) is not None


@register.simple_tag
def load_more_fragment_url(article, page) -> str:
    base = reverse("comments:threads", args=[article.pk])
    return f"{base}?sort={page.sort}&page={page.next_number}&partial=1"
