from django.conf import settings
from django.db import models


class LoginEvent(models.Model):
    """One line of the sign-in audit trail: who tried, from where, when, and what happened."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        FAILED = "failed", "Wrong username or password"
        LOCKED_OUT = "locked_out", "Locked out"
        SIGNED_OUT = "signed_out", "Signed out"
        SECOND_FACTOR_PASSED = "2fa_passed", "Two-factor code accepted"
        SECOND_FACTOR_FAILED = "2fa_failed", "Two-factor code refused"
        SECOND_FACTOR_ENABLED = "2fa_enabled", "Two-factor authentication turned on"
        SECOND_FACTOR_REMOVED = "2fa_removed", "Two-factor authentication turned off"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    username = models.CharField(max_length=150, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "sign-in event"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.username or '?'} from {self.ip_address or '?'}"


class RateCounter(models.Model):
    """One limit's count for one subject in its current window (dateline.security.ratelimit).

    `subject` is a keyed digest of what is counted (an email, a network, a comment and
    reporter), so the table never holds the addresses it counts.
    """

    pk = models.CompositePrimaryKey("scope", "subject")
    scope = models.CharField(max_length=40)
    subject = models.CharField(max_length=64)
    hits = models.PositiveIntegerField()
    window_ends = models.FloatField(db_index=True, help_text="Unix time.")

    class Meta:
        verbose_name = "rate counter"

    def __str__(self):
        return f"{self.scope}: {self.hits}"
