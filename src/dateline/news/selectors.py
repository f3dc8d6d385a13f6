"""Named reads for the reader pages, with their eager loading built in.

Every listing goes through `article_cards()`, so a teaser costs the same fixed
number of queries wherever it is shown: page, feed or API. A teaser's "N comments" is
the article's own counter (kept by the comment services), not a count per row.
"""

import copy

from django.apps import apps
from django.db.models import (
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import Col
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page

from dateline.desk.embargo import embargo_applies
from dateline.i18n.languages import is_multilingual
from dateline.i18n.selectors import READER, in_language

CARD_IMAGE = "fill-640x360"
# Every width a card's picture comes in (components/card.html's srcset), loaded with it.
CARD_IMAGE_WIDTHS = (CARD_IMAGE, "fill-320x180", "fill-960x540")
AUTHOR_PHOTO = "fill-160x160"
LATEST_PER_SECTION = 4
FRONT_STORIES = 7  # the lead and six top stories


def _model(name: str):
    return apps.get_model("news", name)


def private_pages() -> Q:
    """What Wagtail's `.public()` excludes (pages under a view restriction), read once for
    a response that lists several things: the worker's copy kept by the edge while no
    restriction changed, else one query."""
    from dateline.edge.memory import private_pages  # the edge's rules import this module

    return private_pages()


def _live_public(queryset: QuerySet, private: Q | None) -> QuerySet:
    return queryset.live().exclude(private_pages() if private is None else private)


# Newest first, on the two columns of Wagtail's page table that news/0006 indexes
# together. Not "-pk" or "-id": on a page type both name its own table's key column
# (page_ptr_id), which that index cannot sort by, and SQLite sorts again in a temporary
# B-tree. Every article query joins the page table under its own name.
BY_PUBLICATION = (F("first_published_at"), Col(Page._meta.db_table, Page._meta.pk))
# A listing orders by, and pages on (news.pagination), the two columns `article_cards`
# names `listed_at` and `listed_id`: the page table's, or an author's or tag's copy of
# them (news/0007), the columns of the index that listing reads in order.
NEWEST_FIRST = (F("listed_at").desc(), F("listed_id").desc())
BY_BYLINE = (F("authors__published_at"), F("authors__article"))
BY_TAGGING = (F("tagged_items__published_at"), F("tagged_items__content_object"))


def article_cards(
    queryset: QuerySet | None = None,
    *,
    language: str | None = READER,
    private: Q | None = None,
    listed_by: tuple = BY_PUBLICATION,
) -> QuerySet:
    """Live, public articles with everything a teaser shows, newest first.

    In the reader's language when several are configured (`language=None`: all of them).
    `listed_by`: the publication time and story id to order by, from the table whose
    index the listing reads (the byline's for an author's stories).

    The one way every public output lists stories: a draft, a story scheduled or under
    embargo (dateline.desk.embargo) and a restricted one are not live and public, so no
    listing, feed, sitemap, search result or API answer can show them. `private`: the
    restrictions already read by `private_pages()` for this response.
    """
    ArticlePage = _model("ArticlePage")
    ArticleAuthor = _model("ArticleAuthor")
    queryset = ArticlePage.objects.all() if queryset is None else queryset
    renditions = get_image_model().get_rendition_model().objects
    return (
        _live_public(in_language(queryset, language), private)
        .defer_streamfields()
        .select_related("lead_image")  # joined: one query fewer than a prefetch
        .prefetch_related(
            # Where Wagtail's `prefetch_renditions` puts them, so get_rendition finds them.
            Prefetch(
                "lead_image__renditions",
                queryset=renditions.filter(filter_spec__in=CARD_IMAGE_WIDTHS),
                to_attr="prefetched_renditions",
            ),
            Prefetch("authors", queryset=byline_links(ArticleAuthor.objects.all())),
        )
        .alias(listed_at=listed_by[0], listed_id=listed_by[1])
        # Never published (a draft) is no time at all, and PostgreSQL puts those first in
        # a newest-first walk: 40,000 imported drafts read before the first live story of
        # every listing. Asked as a condition, the walk of the page table's index starts
        # past them, and an author's or tag's index, which leaves drafts out (news/0009),
        # can serve the listing at all.
        .filter(listed_at__isnull=False)
        .order_by(*NEWEST_FIRST)
    )


def byline_links(links: QuerySet) -> QuerySet:
    """An article's byline links in order, with their author pages; with several
    languages each also names (`author_in_language`) the author's live page in the
    article's language, when the author page was translated into it."""
    links = links.select_related("author").order_by("sort_order")
    if not is_multilingual():
        return links
    translation = _model("AuthorPage").objects.filter(
        live=True,
        translation_key=OuterRef("author__translation_key"),
        locale_id=OuterRef("article__locale_id"),
    )
    return links.annotate(author_in_language=Subquery(translation.values("pk")[:1]))


def bylines(links_of_articles: list[list]) -> list[list]:
    """Each article's byline from its links: an author's page in the article's language
    where there is one, else the page the byline links to. One query for all the bylines,
    none when no author in them is translated."""
    translated_ids = {
        link.author_in_language
        for links in links_of_articles
        for link in links
        if getattr(link, "author_in_language", None) not in (None, link.author_id)
    }
    translated = _model("AuthorPage").objects.in_bulk(translated_ids) if translated_ids else {}
    return [
        [translated.get(getattr(link, "author_in_language", None)) or link.author for link in links]
        for links in links_of_articles
    ]


def stored_byline(links: QuerySet) -> list:
    """A stored article's byline from its links: which authors, in order (one query), and
    their pages as this worker keeps them while unchanged (dateline.edge.memory). Where
    nothing is kept (development, tests), the links and their pages in one query. An
    author's page in the article's language where it was translated."""
    from dateline.edge.memory import keeps_rows, pages_with_ids  # the edge imports this module

    ordered = byline_links(links)
    if not keeps_rows():
        return bylines([list(ordered)])[0]
    if is_multilingual():
        rows = ordered.values_list("author_id", "author_in_language")
        ids = [translated or author for author, translated in rows]
    else:
        ids = list(ordered.values_list("author_id", flat=True))
    return pages_with_ids(_model("AuthorPage"), ids)


def attach_sections(articles) -> list:
    """Give each article its section from one query, instead of one parent lookup each."""
    from dateline.edge.memory import pages_at  # the edge's rules import this module

    articles = list(articles)
    parent_paths = {article.path[: -Page.steplen] for article in articles}
    sections = {section.path: section for section in pages_at(_model("SectionPage"), parent_paths)}
    for article in articles:
        section = sections.get(article.path[: -Page.steplen])
        if section is not None:
            article.__dict__["section"] = section  # fills ArticlePage.section's cache
    if is_multilingual():
        # Translated authors for every card at once (ArticlePage.byline's cache).
        prefetched = [
            a for a in articles if "authors" in getattr(a, "_prefetched_objects_cache", {})
        ]
        links = [list(article.authors.all()) for article in prefetched]
        for article, byline in zip(prefetched, bylines(links), strict=True):
            article.__dict__["byline"] = byline
    return articles


def navigation_sections(*, private: Q | None = None) -> list:
    """Top-level sections, in the editors' menu order."""
    sections = _live_public(in_language(_model("SectionPage").objects.filter(depth=3)), private)
    return list(sections.in_menu().order_by("path") or sections.order_by("path"))


def section_articles(section, *, private: Q | None = None) -> QuerySet:
    """Every article in a section and its subsections."""
    return article_cards(_model("ArticlePage").objects.descendant_of(section), private=private)


def reader_home():
    """The home page in the reader's language (the only one with one language)."""
    return in_language(_model("HomePage").objects.all()).first()


def articles_by(author) -> QuerySet:
    """An author's stories, read in the order of their byline rows' index (news/0007)."""
    return article_cards(
        _model("ArticlePage").objects.filter(authors__author=author), listed_by=BY_BYLINE
    )


def articles_tagged(tag) -> QuerySet:
    """A tag's stories, read in the order of their tag rows' index (news/0007)."""
    return article_cards(
        _model("ArticlePage").objects.filter(tagged_items__tag=tag), listed_by=BY_TAGGING
    )


def author_profiles() -> QuerySet:
    photos = get_image_model().objects.prefetch_renditions(AUTHOR_PHOTO)
    return (
        _model("AuthorPage")
        .objects.live()
        .public()
        .exact_type(_model("AuthorPage"))  # news/0008's index of the page table, in order
        .prefetch_related(Prefetch("photo", queryset=photos))
        .order_by("title")
    )


def front_page(*, picks=(), section_ids=()) -> dict:
    """The lead story, the next few, and the latest from each section block.

    `picks`: the editors' lead and top stories in order (dateline.desk.selectors.
    front_lineup); slots they leave, and picks that are not live, take the newest stories.
    `section_ids`: the section blocks in the editors' order; none, the menu's.

    Which stories go where is read as ids (the listing index, a few rows a block); the
    cards shown are then loaded together, once each: loading every block's candidates
    as cards built about twice as many page objects as the front shows.
    """
    private = private_pages()  # one read of the restrictions for every list below
    latest = picked_ids(article_cards(private=private), picks, limit=FRONT_STORIES)
    blocks = _front_sections(section_ids, private)
    block_ids = [_newest_in(section, private, besides=set(latest)) for section in blocks]
    wanted = {*latest, *(pk for ids in block_ids for pk in ids)}
    loaded = attach_sections(article_cards(private=private).filter(pk__in=wanted))
    cards = {card.pk: card for card in loaded}
    lead_and_top = [cards[pk] for pk in latest if pk in cards]
    lead, top = (lead_and_top[0], lead_and_top[1:]) if lead_and_top else (None, [])
    sections = []
    for section, ids in zip(blocks, block_ids, strict=True):
        # A copy each: a story in two blocks (a section and its subsection) names each.
        block_cards = [copy.copy(cards[pk]) for pk in ids if pk in cards]
        for article in block_cards:
            article.__dict__["section"] = section
        if block_cards:
            sections.append({"section": section, "articles": block_cards})
    return {"lead": lead, "top_stories": top, "section_blocks": sections}


def _front_sections(section_ids, private: Q) -> list:
    """The front page's section blocks: the editors' choice in their order, or the menu."""
    if not section_ids:
        return navigation_sections(private=private)
    chosen = _live_public(_model("SectionPage").objects.filter(pk__in=section_ids), private)
    by_id = {section.pk: section for section in chosen}
    return [by_id[pk] for pk in section_ids if pk in by_id]


def _newest_in(section, private: Q, *, besides: set[int]) -> list[int]:
    """The ids of a section's LATEST_PER_SECTION newest stories, leaving out `besides`
    (shown higher up the page): read from the listing index, a few rows."""
    listed = section_articles(section, private=private).prefetch_related(None)
    newest = listed.values_list("pk", flat=True)[: LATEST_PER_SECTION + len(besides)]
    return [pk for pk in newest if pk not in besides][:LATEST_PER_SECTION]


def picked_ids(cards: QuerySet, picks, *, limit: int) -> list[int]:
    """The ids of the first `limit` of these cards, the editors' picks that are among
    them first in their order, then the newest."""
    cards = cards.prefetch_related(None)
    newest = list(cards.values_list("pk", flat=True)[:limit])
    if not picks:
        return newest
    listed = set(cards.filter(pk__in=picks).values_list("pk", flat=True))
    first = [pk for pk in dict.fromkeys(picks) if pk in listed]
    return (first + [pk for pk in newest if pk not in listed])[:limit]


def section_front(section, *, picks=()) -> list:
    """The editors' picks shown at the top of a section page, in order (live ones only)."""
    if not picks:
        return []
    cards = section_articles(section).filter(pk__in=picks)
    return in_order(attach_sections(cards), dict.fromkeys(picks))


def related_choice(article) -> tuple[tuple[int, ...], bool]:
    """Which stories to show under an article (up to three ids, in the order shown), and
    whether they were chosen by tag.

    The editor's picks that are live and public when there are any, else the newest
    stories sharing a tag (which any new publication can change). Only the ids: an edit
    that leaves the picks and tags as they were chooses the same cards, which need not be
    loaded again to be shown (dateline.edge.fragments). Kept on the article: the fragment
    and its rule (dateline.edge.dependencies) read the same choice.
    """
    return _kept_on(article, "related_choice", _related_choice)


def related_articles(article) -> list:
    """The cards of the stories chosen to show under an article (`related_choice`), in
    that order, with everything a card shows."""

    def load(article) -> list:
        ids, _by_tag = related_choice(article)
        cards = article_cards(_model("ArticlePage").objects.filter(pk__in=ids)) if ids else []
        return attach_sections(in_order(cards, ids))

    return _kept_on(article, "related_articles", load)


def related_pick_ids(article) -> list[int]:
    """The ids of the stories the editors picked for the article, live or not yet."""

    def load(article) -> list[int]:
        return list(article.related_links.values_list("related_id", flat=True))  # in order

    return _kept_on(article, "related_pick_ids", load)


def _kept_on(article, name: str, load):
    """`load(article)`, kept on this article instance for the rest of its render: the
    fragment that shows it and the fragment's rule (dateline.edge.dependencies) read the
    same value."""
    if name not in article.__dict__:
        article.__dict__[name] = load(article)
    return article.__dict__[name]


def in_order(items, ids) -> list:
    """`items` (rows with a `pk`) in the order of `ids`; an id with no row is left out."""
    by_id = {item.pk: item for item in items}
    return [by_id[pk] for pk in ids if pk in by_id]


def _related_choice(article) -> tuple[tuple[int, ...], bool]:
    ArticlePage = _model("ArticlePage")
    picks = related_pick_ids(article)
    if picks:
        candidates, by_tag = ArticlePage.objects.filter(pk__in=picks), False
    else:
        tag_ids = [tag.pk for tag in article.tag_list]
        candidates = ArticlePage.objects.filter(tagged_items__tag_id__in=tag_ids).distinct()
        candidates, by_tag = candidates.exclude(pk=article.pk), True
    listed = _live_public(in_language(candidates, READER), None)
    newest = listed.alias(listed_at=BY_PUBLICATION[0], listed_id=BY_PUBLICATION[1])
    return tuple(newest.order_by(*NEWEST_FIRST).values_list("pk", flat=True)[:3]), by_tag


def sections_at(slug_or_path: str) -> list:
    """The sections a slug ("europe") or a path below the home page ("world/europe") names;
    a slug can name several sections in different places."""
    path = slug_or_path.strip().strip("/")
    if not path:
        return []
    sections = _model("SectionPage").objects.exact_type(_model("SectionPage"))  # not every page
    return list(sections.filter(url_path__endswith=f"/{path}/")[:5])


def authors_with_slugs(slugs) -> dict:
    """Author pages by slug, for the slugs that name one."""
    return {author.slug: author for author in _model("AuthorPage").objects.filter(slug__in=slugs)}


def existing_tag_names(names) -> dict:
    """For each name or slug naming an existing tag ("City council", "city-council"), that
    tag's own name, so a story is tagged with the tag readers already follow."""
    by_slug = {tag.slug: tag.name for tag in Tag.objects.filter(slug__in=map(slugify, names))}
    return {name: by_slug[slugify(name)] for name in names if slugify(name) in by_slug}


def story_status(article) -> str:
    """Where a story stands, in one word: draft, in_review, scheduled, embargoed (scheduled
    for its embargo time), expired or live."""
    if article.live:
        return "live"
    if article.expired:
        return "expired"
    if article.approved_schedule:
        return "embargoed" if embargo_applies(article.embargo_until) else "scheduled"
    if article.workflow_in_progress:
        return "in_review"
    return "draft"
