"""Newsletter emails, rendered from the same article data and block templates as the site.

An edition is rendered once, when it is queued: HTML (CSS inlined, every link and image
absolute, no script, font or tracking pixel) and a plain-text part. The links that
differ per reader (manage, unsubscribe) are placeholders in that render, filled in for
each recipient by `personal_message`, which also adds the RFC 8058 headers.
"""

from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from urllib.parse import quote

import css_inline
import html_text
import lxml.html
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from dateline.newsletters import selectors, tokens

MANAGE_PLACEHOLDER = "__DATELINE_MANAGE_TOKEN__"
UNSUBSCRIBE_PLACEHOLDER = "__DATELINE_UNSUBSCRIBE_TOKEN__"


@dataclass(frozen=True)
class RenderedEmail:
    html: str
    text: str


def base_url() -> str:
    """The site's public address (DATELINE_BASE_URL): emails are read far from the site."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    return f"{base_url()}{path}"


def site_name() -> str:
    site = Site.objects.filter(is_default_site=True).only("site_name").first()
    return (site.site_name if site and site.site_name else "") or settings.WAGTAIL_SITE_NAME


def sender_address() -> str:
    """From: the newsletter sender (DATELINE_NEWSLETTER_FROM), named after the site."""
    name, address = parseaddr(settings.DATELINE_NEWSLETTER_FROM)
    return formataddr((name or site_name(), address))


def unsubscribe_mailto() -> str:
    """The mailbox for mailto: unsubscribes (processed by the provider's inbound webhook)."""
    if settings.DATELINE_NEWSLETTER_UNSUBSCRIBE_MAILTO:
        return settings.DATELINE_NEWSLETTER_UNSUBSCRIBE_MAILTO
    _name, address = parseaddr(settings.DATELINE_NEWSLETTER_FROM)
    return f"unsubscribe@{address.rpartition('@')[2] or 'localhost'}"


def link_url(action: str, subscriber, newsletter=None) -> str:
    token = tokens.link_token(
        action=action, subscriber_id=subscriber.pk, email=subscriber.email,
        newsletter_id=newsletter.pk if newsletter is not None else None,
    )  # fmt: skip
    return absolute(reverse(f"newsletters:{action}", args=[token]))


def _settings():
    from dateline.newsletters.models import NewsletterSettings

    site = Site.objects.filter(is_default_site=True).first()
    return NewsletterSettings.for_site(site) if site else NewsletterSettings()


def _contact_email() -> str:
    from dateline.core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).contact_email if site else ""


def edition_context(edition) -> dict:
    stories = selectors.edition_stories(edition)
    newsletter = edition.newsletter
    sender = _settings()
    return {
        "edition": edition,
        "newsletter": newsletter,
        "stories": stories,
        # An alert carries its story in full, as the article page shows it; a digest, teasers.
        "full_story": stories[0] if edition.kind == "alert" and stories else None,
        "site_name": site_name(),
        "site_url": base_url() + "/",
        "postal_address": sender.postal_address,
        "contact_email": _contact_email(),
        "manage_url": absolute(reverse("newsletters:manage", args=[MANAGE_PLACEHOLDER])),
        "unsubscribe_url": absolute(
            reverse("newsletters:unsubscribe", args=[UNSUBSCRIBE_PLACEHOLDER])
        ),
        "email_css": render_to_string("newsletters/email/email.css"),
    }


def _absolute_links(html: str) -> str:
    """Every href and src made absolute against the site's public address."""
    document = lxml.html.document_fromstring(html)
    document.make_links_absolute(base_url() + "/", resolve_base_href=False)
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


def edition_email(edition) -> RenderedEmail:
    """The edition's HTML (CSS inlined, links absolute) and text parts, with placeholders."""
    context = edition_context(edition)
    html = render_to_string("newsletters/email/edition.html", context)
    html = css_inline.inline(html)
    html = _absolute_links(html)
    if context["full_story"] is not None:
        context["full_story_text"] = html_text.extract_text(
            render_to_string("newsletters/email/story_body.html", context)
        )
    text = render_to_string("newsletters/email/edition.txt", context)
    return RenderedEmail(html=html, text=text)


@dataclass(frozen=True)
class Letterhead:
    """What every copy of an edition shares, looked up once per send, not per reader."""

    from_address: str
    reply_to: str
    domain: str
    mailto: str


def letterhead() -> Letterhead:
    _name, sender = parseaddr(settings.DATELINE_NEWSLETTER_FROM)
    return Letterhead(
        from_address=sender_address(),
        reply_to=_settings().reply_to,
        domain=sender.rpartition("@")[2] or "localhost",
        mailto=unsubscribe_mailto(),
    )


def personal_message(
    *, edition, html: str, text: str, email: str, subscriber_id: int, delivery_id,
    head: Letterhead, subject: str | None = None,
) -> EmailMultiAlternatives:  # fmt: skip
    """One reader's copy: their own manage and one-click unsubscribe links (RFC 8058).

    Django refuses a header with a line break (BadHeaderError), so nothing a reader or an
    editor typed can add a header.
    """
    manage = tokens.link_token(action="manage", subscriber_id=subscriber_id, email=email)
    unsubscribe = tokens.link_token(
        action="unsubscribe", subscriber_id=subscriber_id, email=email,
        newsletter_id=edition.newsletter_id,
    )  # fmt: skip
    unsubscribe_url = absolute(reverse("newsletters:unsubscribe", args=[unsubscribe]))
    html = html.replace(MANAGE_PLACEHOLDER, manage).replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe)
    text = text.replace(MANAGE_PLACEHOLDER, manage).replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe)
    mailto = f"mailto:{head.mailto}?subject={quote('unsubscribe ' + unsubscribe)}"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<{edition.newsletter.slug}.{head.domain}>",
        # One id per (edition, recipient): a copy sent again is recognisably the same email.
        "Message-ID": f"<edition-{edition.pk}.{delivery_id}@{head.domain}>",
        "Feedback-ID": f"{edition.pk}:{edition.newsletter.slug}:newsletter:dateline",
    }
    message = EmailMultiAlternatives(
        subject=subject or edition.subject,
        body=text,
        from_email=head.from_address,
        to=[email],
        headers=headers,
        reply_to=[head.reply_to] if head.reply_to else None,
    )
    message.attach_alternative(html, "text/html")
    # Providers (through django-anymail) add open and click tracking only when asked to.
    message.track_opens = message.track_clicks = settings.DATELINE_NEWSLETTER_TRACKING
    return message
