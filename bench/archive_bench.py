"""How reader pages, feeds, sitemaps and the API cost as the archive grows (issue 19).

    DATELINE_DATA_DIR=bench/var/archive/site DATELINE_PAGE_CACHE=off \\
        .venv/bin/python bench/archive_bench.py [--runs 5]

Run against a site built by bench/archive (a synthesized WordPress export, imported).
Every URL goes through Django in this process (no server, no page cache): one warm-up,
then the median of `--runs` requests in milliseconds, with the queries each one asks.
The URLs are the expensive ends of each listing: page 1 and the last page (by cursor)
of the biggest section, author and tag, every sitemap file, a search for a word in
every story on its first and last page, the API's first page and a page nine tenths
down, and the redirects an old deep page number of the biggest author answers (its
own `?page=N` and WordPress's `/author/<slug>/page/N/`). Memory:
this process's resident size after the first page, and after rendering every sitemap
file and the last page of every section, author and tag.

`--before` asks the URLs a site without issue 19's changes has (`?page=N` to the last
page, one `/sitemap-articles.xml`) and imports nothing of them: run it with that code
first on the path, against the same data, for a before/after in one sitting:

    git archive main src | tar -x -C /tmp/main && PYTHONPATH=/tmp/main/src \
        DATELINE_DATA_DIR=... .venv/bin/python bench/archive_bench.py --before
"""

import argparse
import os
import statistics
import sys
import time
from urllib.parse import urlsplit

import django


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", action="store_true", help="the URLs of the old code")
    parser.add_argument(
        "--part",
        choices=["all", "pages", "search"],
        default="all",
        help="search needs `dateline update_index` first: measure the rest while it runs",
    )
    parser.add_argument("--word", default="harbour", help="the word searched for")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    os.environ.setdefault("DATELINE_PAGE_CACHE", "off")
    django.setup()

    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from lxml import etree
    from taggit.models import Tag

    from dateline.news import selectors
    from dateline.news.models import CARDS_PER_PAGE, ArticlePage, AuthorPage, SectionPage

    client = Client(HTTP_HOST="127.0.0.1")
    host = {"SERVER_NAME": "127.0.0.1"}

    def measure(url: str) -> tuple[float, int, int]:
        response = client.get(url, **host)
        status = response.status_code
        timings, counted = [], 0
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, **host)
                timings.append((time.perf_counter() - started) * 1000)
            counted = len(queries)
        return statistics.median(timings), counted, status

    def last_page(cards) -> str:
        """The query string of a listing's last page: before the (per page + 1)th oldest,
        or (--before) its page number."""
        if args.before:
            count = cards.count()
            return f"?page={-(-count // CARDS_PER_PAGE)}" if count > CARDS_PER_PAGE else ""
        from dateline.news.pagination import Cursor

        oldest = list(cards.reverse()[: CARDS_PER_PAGE + 1])
        if len(oldest) <= CARDS_PER_PAGE:
            return ""
        return f"?before={Cursor.of(oldest[-1])}"

    stories = ArticlePage.objects.live().count()
    sections = SectionPage.objects.live()
    section = max(sections, key=lambda s: selectors.section_articles(s).count())
    author = AuthorPage.objects.live().annotate(n=Count("article_links")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("news_articletag_items")).order_by("-n").first()
    word = args.word  # harbour: in thousands of the stories of a synthesized archive

    rows = []
    started_mb = None

    def row(label: str, url: str, *, search: bool = False) -> None:
        nonlocal started_mb
        if args.part == ("pages" if search else "search"):
            return
        median, queries, status = measure(url)
        if started_mb is None:
            started_mb = resident_mb()
        rows.append((label, url, median, queries, status))
        sys.stderr.write(f"{label}: {median:.1f} ms, {queries} queries, {status}\n")

    row("home", "/")
    row("section, page 1", section.url)
    row("section, last page", section.url + last_page(selectors.section_articles(section)))
    row("author, page 1", author.url)
    row("author, last page", author.url + last_page(selectors.articles_by(author)))
    if not args.before:
        from dateline.news.pagination import NUMBERED_PAGES

        count = selectors.articles_by(author).count()
        old_number = max(NUMBERED_PAGES + 1, -(-count // CARDS_PER_PAGE))
        row("author, old page number (302)", f"{author.url}?page={old_number}")
        row(
            "author, WordPress archive page (302)",
            f"/author/{author.slug}/page/{old_number}/",
        )
    row("authors index", "/authors/")
    if tag is not None:
        tag_url = f"/tags/{tag.slug}/"
        row("tag, page 1", tag_url)
        row("tag, last page", tag_url + last_page(selectors.articles_tagged(tag)))
    article = (
        ArticlePage.objects.live()
        .annotate(n=Count("comments"))
        .order_by("-n", "pk")
        .only("pk", "url_path", "path", "depth")
        .first()
    )
    row(f"article ({article.n} comments)", article.url)
    row("RSS feed", "/feeds/rss/")
    row("section RSS feed", f"/feeds/rss/section/{section.slug}/")
    row("sitemap index", "/sitemap.xml")
    index = etree.fromstring(client.get("/sitemap.xml", **host).content)
    locations = index.xpath("//*[local-name()='loc']/text()")
    month_files = [urlsplit(loc).path + (f"?{urlsplit(loc).query}" if urlsplit(loc).query else "")
                   for loc in locations if "articles" in loc]  # fmt: skip
    biggest_month = max(
        month_files, key=lambda path: client.get(path, **host).content.count(b"<url>")
    )
    row("sitemap, biggest article file", biggest_month)
    row("sitemap, sections", "/sitemap-sections.xml")
    row("sitemap, authors", "/sitemap-authors.xml")
    row("sitemap, tags", "/sitemap-tags.xml")
    row("news sitemap", "/news-sitemap.xml")
    row("search, page 1", f"/search/?q={word}", search=True)
    row("search, page 50", f"/search/?q={word}&page=50", search=True)
    row("search newest, page 1", f"/search/?q={word}&sort=newest", search=True)
    if not args.before:
        row("API search, page 1", f"/api/v1/search/?q={word}", search=True)
        row("API search newest, last page", f"/api/v1/search/?q={word}&sort=newest&page=50",
            search=True)  # fmt: skip
    row("API articles, page 1", "/api/v1/articles/?page=1&page_size=20")
    deep = max(1, stories * 9 // 10 // 20)  # nine tenths of the way down
    row(f"API articles, page {deep}", f"/api/v1/articles/?page={deep}&page_size=20")
    if not args.before:
        cursor = ""
        for _ in range(3):  # a cursor from a client walking down the list
            listed = client.get(f"/api/v1/articles/?page_size=20{cursor}", **host).json()
            cursor = f"&before={listed['next_cursor']}"
        row("API articles, by cursor", f"/api/v1/articles/?page_size=20{cursor}")

    out = [
        f"{stories:,} live stories; median of {args.runs}, page cache off, in-process",
        "",
        "| URL | median ms | queries | status |",
        "| --- | --- | --- | --- |",
        *(
            f"| {label} (`{url[:60]}`) | {median:.1f} | {queries} | {status} |"
            for label, url, median, queries, status in rows
        ),
    ]
    if args.part != "search":
        # Memory after every sitemap file and the last page of every listing.
        for path in month_files:
            client.get(path, **host)
        for other in ("/sitemap-sections.xml", "/sitemap-authors.xml", "/sitemap-tags.xml"):
            client.get(other, **host)
        for each in sections:
            client.get(each.url + last_page(selectors.section_articles(each)), **host)
        for each in AuthorPage.objects.live():
            client.get(each.url + last_page(selectors.articles_by(each)), **host)
        for each in Tag.objects.all():
            client.get(f"/tags/{each.slug}/" + last_page(selectors.articles_tagged(each)), **host)
        after_mb = resident_mb()
        out += [
            "",
            f"Resident memory: {started_mb:.0f} MB after the first page, {after_mb:.0f} MB "
            f"after {len(month_files)} month files, the other sitemaps and the last page of "
            f"{sections.count()} sections, {AuthorPage.objects.live().count()} authors and "
            f"{Tag.objects.count()} tags ({after_mb - started_mb:+.0f} MB).",
        ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
