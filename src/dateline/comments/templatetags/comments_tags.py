from django import template
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from dateline.comments import selectors
from dateline.comments.forms import HONEYPOT_FIELD, CommentForm
from dateline.edge.fragments import fragment

register = template.Library()


def _count_label(count: int) -> str:
    if count == 0:
        return gettext("Click to comment")
    return ngettext("%(count)d comment", "%(count)d comments", count) % {"count": count}


@register.simple_tag(takes_context=True)
def comment_region(context, article) -> dict:
    """Whether comments are open, and the form (its signed token is fresh on every render).

    Nothing depends on who is reading; the threads are `comment_threads`.
    """
    settings = selectors.comment_settings_for(article, context["request"])
    return {
        "policy": selectors.comment_policy_for(article, settings),
        "form": CommentForm(article=article),
        "honeypot_field": HONEYPOT_FIELD,
    }


@register.simple_tag(takes_context=True)
def comment_threads(context, article, policy):
    """The heading, sort links and one page of threads.

    Only `?comments=newest` and `?cpage=N` change it, and whether comments are open
    (reply links).
    """
    request = context["request"]
    try:
        number = max(1, int(request.GET.get("cpage", "1")))
    except ValueError:
        number = 1
    sort = request.GET.get("comments", "oldest")

    def render() -> str:
        page = selectors.comment_page(article, sort=sort, number=number)
        if number > 1 and not page.threads:
            raise Http404("No such page of comments.")
        return render_to_string(
            "comments/threads.html",
            {
                "comment_page": page,
                "policy": policy,
                "page": article,
                "count_label": _count_label(page.count),
            },
            request,
        )

    return fragment(
        context, "comment-threads", article, render, variant=(sort, number, policy.is_open)
    )


@register.simple_tag
def article_comment_count(article) -> int:
    return selectors.approved_comment_count(article)


@register.filter
def comment_count_label(count) -> str:
    return _count_label(int(count or 0))


@register.filter
def has_comment_count(article) -> bool:
    """Whether the teaser is a story with a comment counter (showing it costs no query)."""
    return getattr(article, "comment_count", None) is not None


@register.simple_tag
def load_more_fragment_url(article, page) -> str:
    base = reverse("comments:threads", args=[article.pk])
    return f"{base}?sort={page.sort}&page={page.next_number}&partial=1"
