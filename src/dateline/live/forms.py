"""The live desk's forms: one short form to post, the same to edit."""

import re

from django import forms
from django.utils.html import strip_tags
from wagtail.images.fields import WagtailImageField

from dateline.live import services


class EntryForm(forms.Form):
    text = forms.CharField(
        label="Update",
        required=False,
        max_length=services.MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5, "placeholder": "What is happening?"}),
        help_text="Plain text. A blank line starts a new paragraph; web addresses become links.",
    )
    image = WagtailImageField(label="Picture (optional)", required=False)
    caption = forms.CharField(label="Caption", required=False, max_length=500)
    key_event = forms.BooleanField(label="Key event", required=False)
    title = forms.CharField(
        label="Key event title",
        required=False,
        max_length=200,
        help_text="Shown in the key events list.",
    )
    embed_url = forms.URLField(
        label="Embed (a post or video address)", required=False, assume_scheme="https"
    )
    quote = forms.CharField(
        label="Quote", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    quote_attribution = forms.CharField(label="Quote attribution", required=False, max_length=200)

    def clean(self):
        data = super().clean()
        if data.get("key_event") and not data.get("title", "").strip():
            self.add_error("title", "Give the key event a short title for the list.")
        return data


def entry_initial(entry) -> dict:
    """The edit form filled from an entry (its text as the plain text a reporter types)."""
    initial = {"key_event": entry.key_event, "title": entry.title}
    texts = []
    for block in entry.body:
        if block.block_type == "text":
            texts.append(_plain(block.value.source))
        elif block.block_type == "embed":
            initial["embed_url"] = block.value.url if block.value else ""
        elif block.block_type == "quote":
            initial["quote"] = block.value["quote"]
            initial["quote_attribution"] = block.value.get("attribution", "")
        elif block.block_type == "image":
            initial["caption"] = block.value.get("caption", "")
    initial["text"] = "\n\n".join(texts)
    return initial


def _plain(html: str) -> str:
    html = re.sub(r"<br\s*/?>", "\n", html)
    html = re.sub(r"</p>\s*<p>", "\n\n", html)
    return strip_tags(html).strip()
