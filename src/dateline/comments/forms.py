"""The "Leave a Reply" form. It carries no CSRF token: pages with it are cached for everyone.

Instead of CSRF the view checks the signed form timestamp, the honeypot, the
Origin/Referer host and the rate limits (see views.post_comment).
"""

from django import forms

from dateline.comments import tokens
from dateline.comments.pipeline import NAME_MAX
from dateline.security.form_guard import HONEYPOT_FIELD

__all__ = ["HONEYPOT_FIELD", "CommentForm"]


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 8, "cols": 45, "maxlength": 65525}),
        error_messages={"required": "Please write a comment."},
    )
    name = forms.CharField(
        label="Name",
        max_length=NAME_MAX,
        error_messages={"required": "Please enter your name."},
        widget=forms.TextInput(attrs={"autocomplete": "name", "size": 30}),
    )
    email = forms.EmailField(
        label="Email",
        max_length=254,
        error_messages={
            "required": "Please enter your email address.",
            "invalid": "Please enter a valid email address.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "size": 30}),
    )
    url = forms.URLField(
        label="Website",
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": "Please enter a web address starting with https://."},
        widget=forms.URLInput(attrs={"autocomplete": "url", "size": 30}),
    )
    notify_replies = forms.BooleanField(
        label="Email me when someone replies to my comment.", required=False
    )
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    token = forms.CharField(max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, article=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        if not self.is_bound and article is not None:
            self.initial.setdefault("token", tokens.form_token(article_id=article.pk))

    def clean_url(self):
        url = self.cleaned_data["url"]
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Please enter a web address starting with https://.")
        return url
