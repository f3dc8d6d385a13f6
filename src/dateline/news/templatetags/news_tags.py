from django import template

from dateline.discovery.structured_data import article_json_ld, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    request = context["request"]
    comment_count = context.get("comment_count")
    if comment_count is None:
        from dateline.comments.selectors import approved_comment_count

        comment_count = approved_comment_count(article)  # memoised: the page shows it again
    return json_ld_script(article_json_ld(article, request, comment_count=comment_count))


@register.simple_tag(takes_context=True)
def tag_url(context, tag) -> str:
    """The reader page for a tag, served by the home page (/tags/<slug>/)."""
    request = context["request"]
    home = getattr(request, "_dateline_home", None)
    if home is None:
        from dateline.news.models import HomePage

        home = request._dateline_home = HomePage.objects.first()
    return home.url + home.reverse_subpage("tag", kwargs={"slug": tag.slug})
