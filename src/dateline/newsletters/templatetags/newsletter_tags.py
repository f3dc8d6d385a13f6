from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from dateline.core.fragments import Rendered, cached_fragment
from dateline.edge import keys as surrogate
from dateline.newsletters import rendering, selectors
from dateline.newsletters.signup import signup_form_token
from dateline.security.form_guard import HONEYPOT_FIELD

register = template.Library()


@register.simple_tag(takes_context=True)
def newsletter_signup(context, placement: str):
    """The sign-up box (`placement` tells the boxes' ids apart). The same for every reader:
    the newsletters on offer are a fragment kept until one changes (which purges
    ``settings``), and the signed form time is fresh on every render."""
    request = context.get("request")

    def render() -> Rendered:
        html = render_to_string(
            "newsletters/signup_choices.html",
            {"newsletters": selectors.signup_newsletters(), "placement": placement},
        )
        return Rendered(html.strip(), depends_on=frozenset({surrogate.SETTINGS}))

    if request is None or getattr(request, "is_preview", False):
        choices = mark_safe(render().html)
    else:
        choices = cached_fragment(f"newsletter-signup:{request.get_host()}:{placement}", render)
    return render_to_string(
        "newsletters/signup_box.html",
        {
            "choices": choices,
            "placement": placement,
            "token": signup_form_token(),
            "honeypot_field": HONEYPOT_FIELD,
        },
    )


@register.simple_tag
def story_url(page) -> str:
    """A story's address as a reader far from the site needs it: absolute."""
    parts = page.get_url_parts()
    return rendering.absolute(parts[2] if parts else "/")
