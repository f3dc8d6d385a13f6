"""The reader search form: every filter is checked here, so bad input is a message, not a 500."""

from django import forms

from dateline.news.models import AuthorPage, SectionPage
from dateline.search import selectors


def search_words(text: str) -> str:
    """What a reader typed, as words to search for (the page's and the API's).

    A double quote opens a phrase in the full-text engines; an unbalanced one is a
    syntax error there. Readers mean the words, so search for the words."""
    return " ".join(text.replace('"', " ").split())


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", max_length=200, required=False, strip=True)
    section = forms.ChoiceField(label="Section", required=False)
    author = forms.ChoiceField(label="Author", required=False)
    published_from = forms.DateField(
        label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_to = forms.DateField(
        label="Published until", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label="Sort by", choices=list(selectors.SORTS.items()), required=False)
    page = forms.IntegerField(
        required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "All sections"), *selectors.section_choices()]
        self.fields["author"].choices = [("", "All authors"), *selectors.author_choices()]

    def clean_q(self) -> str:
        return search_words(self.cleaned_data["q"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("published_from"), cleaned.get("published_to")
        if start and end and start > end:
            raise forms.ValidationError("The “from” date must be on or before the “until” date.")
        return cleaned

    def filters(self) -> selectors.SearchFilters:
        data = self.cleaned_data
        section = author = None
        if data.get("section"):
            section = SectionPage.objects.live().public().get(pk=data["section"])
        if data.get("author"):
            author = AuthorPage.objects.live().public().get(slug=data["author"])
        return selectors.SearchFilters(
            section=section,
            author=author,
            published_from=data.get("published_from"),
            published_to=data.get("published_to"),
        )

    @property
    def sort_order(self) -> str:
        return self.cleaned_data.get("sort") or "relevance"
