"""The comment settings form: the Akismet key is a secret, never sent back to the browser.

Moderators tune the comment settings, and a key shown on the page would be on their
screens, in their browsers' caches and in screenshots. The field starts empty; leaving it
empty keeps the stored key, typing a new one replaces it, and a tick removes it.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets.switch import SwitchInput


class CommentSettingsForm(WagtailAdminModelForm):
    remove_akismet_key = forms.BooleanField(
        label="Remove the Akismet key",
        required=False,
        widget=SwitchInput,
        help_text="Stops the Akismet check.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["akismet_key"]
        field.widget = forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"})
        stored = self.instance.akismet_key if self.instance else ""
        if stored:
            field.help_text = (
                f"A key ending in …{stored[-4:]} is stored (hidden). Leave this empty to keep "
                "it, or type a new key to replace it."
            )
        else:
            field.help_text = (
                "No key: comments are not checked by Akismet. Paste a key from akismet.com to "
                "have comments checked for spam before they appear."
            )
            del self.fields["remove_akismet_key"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("remove_akismet_key"):
            cleaned["akismet_key"] = ""
        elif not cleaned.get("akismet_key"):
            cleaned["akismet_key"] = self.instance.akismet_key
        return cleaned
