"""The sign-up form readers find on the home page, section pages and under every story.

Like the comment form it carries no CSRF token (the pages are cached for everyone): the
view checks where the POST came from, and the sign-up checks (signup.py) check the
signed form time, the honeypot and the rate limits.
"""

from django import forms

from dateline.newsletters.models import Newsletter
from dateline.security.form_guard import HONEYPOT_FIELD

__all__ = ["HONEYPOT_FIELD", "ManageForm", "SignupForm"]


class SignupForm(forms.Form):
    # Checked by signup.check_address, so the rules and their wording live in one place.
    email = forms.CharField(max_length=320, required=False, strip=True)
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.filter(on_signup_forms=True),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "Please choose from the newsletters listed."},
    )
    token = forms.CharField(max_length=500, required=False)


class ManageForm(forms.Form):
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
