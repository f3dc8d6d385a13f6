"""The newsroom's content: home page, sections, articles, authors and tags."""

from django.db import models
from django.db.models import QuerySet, prefetch_related_objects
from django.http import Http404, HttpResponseRedirect
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from dateline.core.http import READER_HTTP_METHODS
from dateline.core.tree import lineage
from dateline.desk.embargo import hold_until_embargo
from dateline.edge import dependencies, keys
from dateline.edge.memory import pages_at
from dateline.news import selectors
from dateline.news.blocks import ArticleBodyBlock
from dateline.news.pagination import Renumbered, card_page
from dateline.news.text import count_words

CARDS_PER_PAGE = 12


def paginate(request, cards, per_page: int | None = None):
    """The requested page of teaser cards (numbered, or by cursor deep in the archive,
    see news.pagination); an out-of-range or junk page is a 404."""
    page = card_page(request.GET, cards, per_page or CARDS_PER_PAGE)
    page.object_list = selectors.attach_sections(page.object_list)
    return page


class CardListing:
    """A page that lists cards: a page number from before the deep pages went by cursor
    redirects to the cursor page that starts at the same story. A 302, since the story
    at that position changes with every story published."""

    def serve(self, request, *args, **kwargs):
        try:
            return super().serve(request, *args, **kwargs)
        except Renumbered as moved:
            return HttpResponseRedirect(f"{request.path}?{moved.query}")


def front_lineup_for(page, request):
    """The editors' lineup of this front (dateline.desk), or the draft being previewed;
    the response names the front it shows (dateline.edge.dependencies.front)."""
    from dateline.desk.selectors import front_lineup  # desk's models build on these pages

    keys.add(*dependencies.front(page).sent)
    preview = getattr(request, "front_preview", None)
    return front_lineup(page, preview=preview if preview and preview.page_id == page.pk else None)


class HomePage(CardListing, RoutablePageMixin, Page):
    """The front page: the lead story, then the latest from every section. Also serves tags."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage", "news.AuthorIndexPage", "news.StandardPage"]
    template = "pages/home_page.html"
    allowed_http_methods = READER_HTTP_METHODS

    def get_context(self, request, *args, front: bool = True, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if front:  # the front page itself, not one of its routes (tags)
            lineup = front_lineup_for(self, request)
            picks, blocks = lineup.story_ids, lineup.section_ids
            context.update(selectors.front_page(picks=picks, section_ids=blocks))
        return context

    @path("tags/<slug:slug>/", name="tag")
    def tag_page(self, request, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("No such tag.")
        articles = paginate(request, selectors.articles_tagged(tag))
        return self.render(
            request,
            front=False,
            context_overrides={"tag": tag, "articles": articles},
            template="pages/tag_page.html",
        )


class SectionPage(CardListing, Page):
    """A section of the paper ("World"): lists its articles, newest first."""

    intro = models.TextField(blank=True, help_text="One or two sentences under the heading.")

    parent_page_types = ["news.HomePage", "news.SectionPage"]
    subpage_types = ["news.ArticlePage", "live.LiveBlogPage", "news.SectionPage"]
    template = "pages/section_page.html"
    allowed_http_methods = READER_HTTP_METHODS
    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lineup = front_lineup_for(self, request)
        picked = selectors.section_front(self, picks=lineup.story_ids)
        context["front_stories"] = picked
        listed = selectors.section_articles(self).exclude(pk__in=[card.pk for card in picked])
        context["articles"] = paginate(request, listed)
        return context


class AuthorIndexPage(Page):
    """/authors/: everyone who writes for the paper."""

    max_count = 1
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.AuthorPage"]
    template = "pages/author_index_page.html"
    allowed_http_methods = READER_HTTP_METHODS

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = selectors.author_profiles()
        return context


class AuthorPage(CardListing, Page):
    """An author's profile (the page title is their name) and their articles."""

    role = models.CharField(max_length=120, blank=True, help_text='For example "Europe editor".')
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.OneToOneField(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The admin account of this author, if they have one.",
    )
    website_url = models.URLField("Website", blank=True)
    x_url = models.URLField("X", blank=True)
    bluesky_url = models.URLField("Bluesky", blank=True)
    mastodon_url = models.URLField("Mastodon", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)

    parent_page_types = ["news.AuthorIndexPage"]
    subpage_types: list[str] = []
    template = "pages/author_page.html"
    allowed_http_methods = READER_HTTP_METHODS
    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
        MultiFieldPanel(
            [
                FieldPanel("website_url"),
                FieldPanel("x_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
            ],
            heading="Links",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("role"), index.SearchField("bio")]

    @property
    def name(self) -> str:
        return self.title

    @property
    def profile_links(self) -> list[tuple[str, str]]:
        links = [
            ("Website", self.website_url),
            ("X", self.x_url),
            ("Bluesky", self.bluesky_url),
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(label, url) for label, url in links if url]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, selectors.articles_by(self))
        return context


class StandardPage(Page):
    """A plain page: "About us", "Corrections policy", "Contact"."""

    standfirst = models.TextField(blank=True, max_length=600)
    body = StreamField(ArticleBodyBlock(), blank=True)

    parent_page_types = ["news.HomePage", "news.StandardPage"]
    subpage_types = ["news.StandardPage"]
    template = "pages/standard_page.html"
    allowed_http_methods = READER_HTTP_METHODS
    content_panels = Page.content_panels + [FieldPanel("standfirst"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]


# The author's and tag's listing indexes hold only published stories' rows: a draft's
# row has no time (news/0009).
PUBLISHED_ROWS = models.Q(published_at__isnull=False)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
    # The story's first publication, kept by ArticlePage.save: a tag's listing reads
    # (tag, published_at, story) in index order, newest first (decision 0021).
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["tag", "published_at", "content_object"],
                name="news_tag_listing_idx",
                condition=PUBLISHED_ROWS,
            )
        ]


class ArticlePage(Page):
    """A news story. Its section is the SectionPage it lives under."""

    class CommentsMode(models.TextChoices):
        SITE_DEFAULT = "", "Site default"
        OPEN = "open", "Open: approved by the moderation pipeline"
        PREMODERATED = "premoderated", "Pre-moderated: every comment waits for a moderator"
        CLOSED = "closed", "Closed: no new comments"

    standfirst = models.TextField(
        max_length=600, help_text="The summary under the headline; also the teaser text."
    )
    dateline_place = models.CharField(
        "Dateline", max_length=100, blank=True, help_text='Where the story was filed: "KYIV".'
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=500, blank=True)
    # Read with the story's row wherever it is served (dateline.edge.memory.live_page).
    ROWS_SHOWN_WITH_PAGE = ("lead_image",)
    lead_image_credit = models.CharField(max_length=200, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    updated_at = models.DateTimeField(
        "Updated at",
        null=True,
        blank=True,
        help_text='Set when the story changed materially; readers see "Updated <date>".',
    )
    word_count = models.PositiveIntegerField(default=0, editable=False)
    comment_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Approved comments, kept by the comment services for listings "
        "(`dateline comments recount` reconciles it).",
    )
    comments_mode = models.CharField(
        "Comments", max_length=20, blank=True, default="", choices=CommentsMode.choices
    )
    comments_close_after_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Close comments this many days after publishing. Empty: the site default.",
    )
    embargo_until = models.DateTimeField(
        "Embargoed until",
        null=True,
        blank=True,
        help_text=(
            "Nothing of the story is public before this time: publishing schedules it for "
            "then (dateline.desk.embargo). Partners can read it through a preview link."
        ),
    )
    corrected_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the latest correction was published (dateline.desk).",
    )

    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    template = "pages/article_page.html"
    allowed_http_methods = READER_HTTP_METHODS

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        InlinePanel("authors", heading="Byline", label="Author", min_num=1),
        FieldPanel("dateline_place"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("updated_at"),
        InlinePanel("related_links", heading="Related stories", label="Related story"),
    ]
    settings_panels = [FieldPanel("embargo_until"), *Page.settings_panels] + [
        MultiFieldPanel(
            [FieldPanel("comments_mode"), FieldPanel("comments_close_after_days")],
            heading="Comments",
        )
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        # Byline names, so a search for a reporter finds their stories.
        index.RelatedFields(
            "authors", [index.RelatedFields("author", [index.SearchField("title")])]
        ),
    ]
    # Indexed by dateline.search.indexing (as Wagtail does, or a task per import batch),
    # not by modelsearch's own signal handlers.
    search_auto_update = False
    search_index_batched = True

    # A copy starts with no comments and no corrections.
    exclude_fields_in_copy = ["comment_count", "corrected_at"]

    def clean(self):
        super().clean()
        hold_until_embargo(self)

    def minimal_clean(self):
        # What Wagtail runs instead of clean() when it saves a draft's row.
        super().minimal_clean()
        hold_until_embargo(self)

    def save(self, *args, **kwargs):
        self.word_count = count_words(self.body)
        new = self.pk is None
        # The byline and tag rows held in memory are written by this save, dated.
        held = getattr(self, "_cluster_related_objects", {})
        for link in (*held.get("authors", ()), *held.get("tagged_items", ())):
            link.published_at = self.first_published_at
        saved = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if not new and (update_fields is None or "first_published_at" in update_fields):
            self.date_listing_links()
        return saved

    def date_listing_links(self):
        """Copy the first publication onto the byline and tag rows, whose indexes order
        an author's and a tag's listing: after every save of a stored page (modelcluster
        has just written whichever of those rows it held, dated; taggit leaves the others
        as they were; a new page has no others), and by anyone who sets
        `first_published_at` with a queryset update."""
        published = self.first_published_at
        for links in (ArticleAuthor.objects.filter(article=self),
                      ArticleTag.objects.filter(content_object=self)):  # fmt: skip
            links.exclude(published_at=published).update(published_at=published)

    def serializable_data(self):
        """What a revision keeps: not the comment counter nor the listing rows' copies of
        the publication time (`date_listing_links`), which are no content."""
        data = super().serializable_data()
        data.pop("comment_count", None)
        for link in (*data.get("authors", ()), *data.get("tagged_items", ())):
            link.pop("published_at", None)
        return data

    def with_content_json(self, content):
        """A revision as a page keeps today's comment count and corrections: neither is
        content, and publishing an old revision must not bring back what it was saved with."""
        page = super().with_content_json(content)
        page.comment_count = self.comment_count
        page.corrected_at = self.corrected_at
        return page

    @cached_property
    def correction_list(self) -> list:
        """The story's published corrections, oldest first; no query for a story never
        corrected (dateline.desk.services.correction_add sets `corrected_at`)."""
        if self.corrected_at is None or self.pk is None:
            return []
        return list(self.corrections.order_by("published_at", "pk"))

    @property
    def editors_notes(self) -> list:
        """Editor's notes, shown above the story."""
        return [note for note in self.correction_list if note.shown_first]

    @property
    def corrections_after_body(self) -> list:
        """Corrections and clarifications, shown at its foot."""
        return [note for note in self.correction_list if not note.shown_first]

    @cached_property
    def sections(self) -> list[SectionPage]:
        """The sections this article is filed under, outermost first (dateline.edge.memory
        keeps them between renders; else one query).

        Articles live under sections and sections under sections or the home page, so
        the ancestors below the home page are exactly these (the page's breadcrumb trail).
        """
        return pages_at(SectionPage, lineage(self) - {self.path})

    @cached_property
    def section(self):
        """The section this article is filed under (its parent page), as its specific page."""
        sections = self.sections
        if sections and sections[-1].depth == self.depth - 1:
            return sections[-1]
        return self.get_parent().specific

    @cached_property
    def lead_picture(self):
        """The lead image with its renditions, read by the first part of the render that
        shows it (one query). The body, the page head and the JSON-LD show it in seven
        sizes between them: found in Wagtail's rendition cache instead, each was unpickled
        and stored again with the image, more work than the query. Prefetched, Wagtail's
        look-ups find them before asking its cache or the database."""
        if self.lead_image is not None:
            prefetch_related_objects([self.lead_image], "renditions")
        return self.lead_image

    @cached_property
    def tag_list(self) -> list:
        """The article's tags in the order of their names, loaded once (or taken from a
        listing's prefetch) for the template, page head, structured data, feeds and API.
        The database returns them in no set order: PostgreSQL's changed between runs."""
        return sorted(self.tags.all(), key=lambda tag: (tag.name.casefold(), tag.name))

    @cached_property
    def byline(self) -> list[AuthorPage]:
        """The authors in byline order: a listing's prefetch, a preview's unsaved ones, or
        for a stored article which authors (one query) and their pages, kept between renders
        (shared by its header, page head and JSON-LD). Each author's page in the article's
        language where it was translated."""
        links = self.authors.all()
        if isinstance(links, QuerySet) and links._result_cache is None:
            return selectors.stored_byline(links)
        return selectors.bylines([list(links)])[0]

    @property
    def display_updated_at(self):
        """The "Updated" time readers see (an editorial update or the latest correction),
        only when it is after first publication."""
        published = self.first_published_at
        updated = max(filter(None, [self.updated_at, self.corrected_at]), default=None)
        if updated and (published is None or updated > published):
            return updated
        return None


class ArticleAuthor(Orderable):
    """One name in an article's byline, in order."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    author = models.ForeignKey(AuthorPage, on_delete=models.PROTECT, related_name="article_links")
    # The story's first publication, kept by ArticlePage.save: an author's listing reads
    # (author, published_at, story) in index order, newest first (decision 0021).
    published_at = models.DateTimeField(null=True, editable=False)

    panels = [PageChooserPanel("author", "news.AuthorPage")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_author_per_article")
        ]
        indexes = [
            models.Index(
                fields=["author", "published_at", "article"],
                name="news_author_listing_idx",
                condition=PUBLISHED_ROWS,
            )
        ]


class RelatedArticle(Orderable):
    """A story the editor picked to show under this one."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("related", "news.ArticlePage")]
