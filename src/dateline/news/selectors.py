"""Named reads for the reader pages, with their eager loading built in.

Every listing goes through `article_cards()`, so a teaser costs the same fixed
number of queries wherever it is shown: page, feed or API. A teaser's "N comments" is
the article's own counter (kept by the comment services), not a count per row.
"""

from django.apps import apps
from django.db.models import F, Prefetch, QuerySet
from django.db.models.expressions import Col
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page

from dateline.i18n.selectors import READER, in_language

CARD_IMAGE = "fill-640x360"
# Every width a card's picture comes in (components/card.html's srcset), loaded with it.
CARD_IMAGE_WIDTHS = (CARD_IMAGE, "fill-320x180", "fill-960x540")
AUTHOR_PHOTO = "fill-160x160"
LATEST_PER_SECTION = 4


def _model(name: str):
    return apps.get_model("news", name)


def article_cards(queryset: QuerySet | None = None, *, language: str | None = READER) -> QuerySet:
    """Live, public articles with everything a teaser shows, newest first.

    In the reader's language when several are configured (`language=None`: all of them).
    """
    ArticlePage = _model("ArticlePage")
    ArticleAuthor = _model("ArticleAuthor")
    queryset = ArticlePage.objects.all() if queryset is None else queryset
    images = get_image_model().objects.prefetch_renditions(*CARD_IMAGE_WIDTHS)
    return (
        in_language(queryset, language)
        .live()
        .public()
        .defer_streamfields()
        .prefetch_related(
            Prefetch("lead_image", queryset=images),
            Prefetch(
                "authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
        )
        .order_by(*NEWEST_FIRST)
    )


# Newest first, on the two columns of Wagtail's page table that news/0006 indexes
# together. Not "-pk" or "-id": on a page type both name its own table's key column
# (page_ptr_id), which that index cannot sort by, and SQLite sorts again in a temporary
# B-tree. Every article query joins the page table under its own name.
NEWEST_FIRST = (
    F("first_published_at").desc(),
    Col(Page._meta.db_table, Page._meta.pk).desc(),
)


def attach_sections(articles) -> list:
    """Give each article its section from one query, instead of one parent lookup each."""
    articles = list(articles)
    parent_paths = {article.path[: -Page.steplen] for article in articles}
    sections = {
        section.path: section
        for section in _model("SectionPage").objects.filter(path__in=parent_paths)
    }
    for article in articles:
        section = sections.get(article.path[: -Page.steplen])
        if section is not None:
            article.__dict__["section"] = section  # fills ArticlePage.section's cache
    return articles


def navigation_sections() -> list:
    """Top-level sections, in the editors' menu order."""
    sections = in_language(_model("SectionPage").objects.live().public().filter(depth=3))
    return list(sections.in_menu().order_by("path") or sections.order_by("path"))


def section_articles(section) -> QuerySet:
    """Every article in a section and its subsections."""
    return article_cards(_model("ArticlePage").objects.descendant_of(section))


def articles_by(author) -> QuerySet:
    return article_cards(_model("ArticlePage").objects.filter(authors__author=author))


def articles_tagged(tag) -> QuerySet:
    return article_cards(_model("ArticlePage").objects.filter(tagged_items__tag=tag))


def reader_home():
    """The home page in the reader's language (the only one with one language)."""
    return in_language(_model("HomePage").objects.all()).first()


def author_profiles() -> QuerySet:
    photos = get_image_model().objects.prefetch_renditions(AUTHOR_PHOTO)
    return (
        _model("AuthorPage")
        .objects.live()
        .public()
        .prefetch_related(Prefetch("photo", queryset=photos))
        .order_by("title")
    )


def front_page() -> dict:
    """The lead story, the next few, and the latest from each top-level section."""
    latest = attach_sections(article_cards()[:7])
    lead, top = (latest[0], latest[1:]) if latest else (None, [])
    shown = {article.pk for article in latest}
    sections = []
    for section in navigation_sections():
        cards = [
            article
            for article in section_articles(section)[: LATEST_PER_SECTION + len(shown)]
            if article.pk not in shown
        ][:LATEST_PER_SECTION]
        for article in cards:
            article.__dict__["section"] = section
        if cards:
            sections.append({"section": section, "articles": cards})
    return {"lead": lead, "top_stories": top, "section_blocks": sections}


def related_articles(article) -> tuple[list, bool]:
    """Up to three stories to show under an article, and whether they were chosen by tag.

    The editor's picks when there are any, else the newest stories sharing a tag (which
    any new publication can change). Kept on the article: the fragment that shows them
    and its rule (dateline.edge.dependencies) read the same cards.
    """
    if "related_articles" not in article.__dict__:
        article.__dict__["related_articles"] = _related_articles(article)
    return article.__dict__["related_articles"]


def _related_articles(article) -> tuple[list, bool]:
    ArticlePage = _model("ArticlePage")
    related_ids = [link.related_id for link in article.related_links.all()]
    if related_ids:
        return attach_sections(
            article_cards(ArticlePage.objects.filter(pk__in=related_ids))[:3]
        ), False
    tag_ids = [tag.pk for tag in article.tag_list]
    related = article_cards(
        ArticlePage.objects.filter(tagged_items__tag_id__in=tag_ids).distinct()
    ).exclude(pk=article.pk)
    return attach_sections(related[:3]), True


def sections_at(slug_or_path: str) -> list:
    """The sections a slug ("europe") or a path below the home page ("world/europe") names;
    a slug can name several sections in different places."""
    path = slug_or_path.strip().strip("/")
    if not path:
        return []
    return list(_model("SectionPage").objects.filter(url_path__endswith=f"/{path}/")[:5])


def authors_with_slugs(slugs) -> dict:
    """Author pages by slug, for the slugs that name one."""
    return {author.slug: author for author in _model("AuthorPage").objects.filter(slug__in=slugs)}


def existing_tag_names(names) -> dict:
    """For each name or slug naming an existing tag ("City council", "city-council"), that
    tag's own name, so a story is tagged with the tag readers already follow."""
    by_slug = {tag.slug: tag.name for tag in Tag.objects.filter(slug__in=map(slugify, names))}
    return {name: by_slug[slugify(name)] for name in names if slugify(name) in by_slug}


def story_status(article) -> str:
    """Where a story stands, in one word: draft, in_review, scheduled, expired or live."""
    if article.live:
        return "live"
    if article.expired:
        return "expired"
    if article.approved_schedule:
        return "scheduled"
    if article.workflow_in_progress:
        return "in_review"
    return "draft"
