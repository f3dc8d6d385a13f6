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


def default_site() -> Site | None:
    """Emails are sent from no request: the default site speaks for the newsroom."""
    return Site.objects.filter(is_default_site=True).first()


def site_name(site: Site | None = None) -> str:
    site = site or default_site()
    return (site.site_name if site and site.site_name else "") or settings.WAGTAIL_SITE_NAME


def sender_address(site: Site | None = None) -> str:
    """From: the newsletter sender (DATELINE_NEWSLETTER_FROM), named after the site."""
    name, address = parseaddr(settings.DATELINE_NEWSLETTER_FROM)
    return formataddr((name or site_name(site), address))


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


def reader_tokens(subscriber_id: int, email: str, newsletter_id: int) -> tuple[str, str]:
    """A reader's signed tokens for "manage" and for one-click unsubscribe from one newsletter."""
    manage = tokens.link_token(action="manage", subscriber_id=subscriber_id, email=email)
    unsubscribe = tokens.link_token(
        action="unsubscribe", subscriber_id=subscriber_id, email=email,
        newsletter_id=newsletter_id,
    )  # fmt: skip
    return manage, unsubscribe


def _settings(site: Site | None):
    from dateline.newsletters.models import NewsletterSettings

    return NewsletterSettings.for_site(site) if site else NewsletterSettings()


def _contact_email(site: Site | None) -> str:
    from dateline.core.models import SiteSettings

    return SiteSettings.for_site(site).contact_email if site else ""


def edition_context(edition) -> dict:
    stories = selectors.edition_stories(edition)
    newsletter = edition.newsletter
    site = default_site()
    sender = _settings(site)
    return {
        "edition": edition,
        "newsletter": newsletter,
        "stories": stories,
        # An alert carries its story in full, as the article page shows it; a digest, teasers.
        "full_story": stories[0] if edition.kind == "alert" and stories else None,
        "site_name": site_name(site),
        "site_url": base_url() + "/",
        "postal_address": sender.postal_address,
        "contact_email": _contact_email(site),
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
            render_to_string("newsletters/email/story_body.html", {"story": context["full_story"]})
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
    site = default_site()
    return Letterhead(
        from_address=sender_address(site),
        reply_to=_settings(site).reply_to,
        domain=sender.rpartition("@")[2] or "localhost",
        mailto=unsubscribe_mailto(),
    )


def personal_message(
    *, edition, html: str, text: str, email: str, subscriber_id: int, delivery_id,
    head: Letterhead, subject: str | None = None, tokens_for=None,
) -> EmailMultiAlternatives:  # fmt: skip
    """One reader's copy: their own manage and one-click unsubscribe links (RFC 8058).

    Django refuses a header with a line break (BadHeaderError), so nothing a reader or an
    editor typed can add a header.
    """
    if tokens_for is not None:  # CopyMaker's template: placeholders in place of the tokens
        manage, unsubscribe = tokens_for("manage"), tokens_for("unsubscribe")
    else:
        manage, unsubscribe = reader_tokens(subscriber_id, email, edition.newsletter_id)
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


SAMPLE_RECIPIENT = "reader@recipient.invalid"
DELIVERY_PLACEHOLDER = "__DATELINE_DELIVERY__"
SUBSCRIBER_PLACEHOLDER = "__DATELINE_SUBSCRIBER__"


@dataclass(frozen=True)
class Copy:
    """One reader's copy as the bytes an SMTP server receives."""

    from_email: str
    to: list[str]
    data: bytes

    def as_bytes(self) -> bytes:
        return self.data


class CopyMaker:
    """Makes each reader's copy of an edition by filling in the one serialised message.

    Serialising a MIME message costs about 3 ms in Python's email package, which would
    cap a send at a few hundred copies a second; filling in bytes costs microseconds.
    The fill-ins (address, tokens, delivery id) are plain ASCII, and the template is
    used only when each placeholder survived serialisation intact (no quoted-printable
    or base64 encoding split it); otherwise, and for a non-ASCII address, each copy is
    built and serialised in full.
    """

    def __init__(self, *, edition, head: Letterhead):
        self.edition, self.head = edition, head
        sample = personal_message(
            edition=edition, html=edition.html_body, text=edition.text_body,
            email=SAMPLE_RECIPIENT, subscriber_id=0, delivery_id=DELIVERY_PLACEHOLDER,
            head=head, tokens_for=lambda action: (
                MANAGE_PLACEHOLDER if action == "manage" else UNSUBSCRIBE_PLACEHOLDER
            ),
        )  # fmt: skip
        data = sample.message().as_bytes(linesep="\r\n")
        expected = {
            UNSUBSCRIBE_PLACEHOLDER: (edition.html_body + edition.text_body).count(
                UNSUBSCRIBE_PLACEHOLDER
            )
            + 2,  # + the two in List-Unsubscribe
            MANAGE_PLACEHOLDER: (edition.html_body + edition.text_body).count(MANAGE_PLACEHOLDER),
            DELIVERY_PLACEHOLDER: 1,
        }
        intact = all(data.count(key.encode()) == count for key, count in expected.items())
        intact = intact and data.count(SAMPLE_RECIPIENT.encode()) == 1
        self.template = data if intact else None

    def copy(self, *, email: str, subscriber_id: int, delivery_id: int):
        if self.template is None or not email.isascii():
            return personal_message(
                edition=self.edition, html=self.edition.html_body, text=self.edition.text_body,
                email=email, subscriber_id=subscriber_id, delivery_id=delivery_id, head=self.head,
            )  # fmt: skip
        if "\r" in email or "\n" in email:
            raise ValueError("An address cannot contain a line break.")
        manage, unsubscribe = reader_tokens(subscriber_id, email, self.edition.newsletter_id)
        data = (
            self.template.replace(SAMPLE_RECIPIENT.encode(), email.encode())
            .replace(MANAGE_PLACEHOLDER.encode(), manage.encode())
            .replace(UNSUBSCRIBE_PLACEHOLDER.encode(), unsubscribe.encode())
            .replace(DELIVERY_PLACEHOLDER.encode(), str(delivery_id).encode())
        )
        return Copy(from_email=self.head.from_address, to=[email], data=data)
