"""The news desk's records: preview links to embargoed stories (and, beside them,
corrections and curated fronts)."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

PREVIEW_SALT = "dateline.desk.preview-link"


class PreviewLink(models.Model):
    """A signed address at which one named partner can read a story before it is public.

    The address carries the link's id signed with the site's secret key, so it cannot be
    guessed or altered; it works until `expires_at` or until someone revokes it.
    """

    story = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="preview_links"
    )
    partner = models.CharField(
        "For", max_length=200, help_text='Who may read it: "Reuters desk", "Dr Jane Moss".'
    )
    expires_at = models.DateTimeField(help_text="The link stops working at this time.")
    revoked = models.BooleanField(default=False, help_text="A revoked link stops working at once.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.story.title}"

    @property
    def token(self) -> str:
        return signing.dumps(self.pk, salt=PREVIEW_SALT)

    @property
    def path(self) -> str:
        return reverse("desk:preview", args=[self.token])

    def clean(self):
        if self.expires_at and self.expires_at <= timezone.now() and not self.revoked:
            raise ValidationError({"expires_at": "Choose a time in the future."})

    @property
    def full_url(self) -> str:
        site = self.story.get_site()
        return (site.root_url if site else "") + self.path

    def works_at(self, when) -> bool:
        return not self.revoked and self.expires_at > when
