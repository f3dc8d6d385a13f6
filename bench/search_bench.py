"""Reader search benchmark: 10,000 real, searchable articles; median time per search.

    .venv/bin/python bench/search_bench.py                      # SQLite (FTS5), fresh temp DB
    .venv/bin/python bench/search_bench.py --postgres           # PostgreSQL full-text,
        # database dateline_bench_search on 127.0.0.1:5432 (created if missing, rebuilt each
        # run; --database NAME for another, to keep two sizes side by side)

Articles are real, live Wagtail pages in the page tree (paths computed as treebeard
does, rows inserted in bulk), with bylines and tags, indexed by `update_index`; they
have no revisions, which search never reads. Creating them one by one through
add_child took about 0.25 s each on this machine, too slow for 10,000.

Each query runs through the same code as /search/: once as the search alone (rank,
count, first page of cards with snippets) and once as the full page through Django's
test client, in a fresh process started after the build (as a server would be).
`--reuse` keeps the database and skips the build when it is already there.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
WORDS = (
    "government minister election parliament budget talks ceasefire border trade tariff "
    "market bank inflation energy climate storm flood drought harvest farmers union strike "
    "court judge ruling police protest city council hospital doctors school teachers "
    "university research science space rocket satellite football league final match coach "
    "player season festival film music theatre museum art book author history war peace "
    "treaty summit leaders ocean river mountain village railway airport port shipping oil "
    "gas solar wind nuclear water housing rent prices wages jobs factory company profits "
    "shares investors technology software data privacy security hackers election campaign "
    "vote referendum president senate reform health vaccine virus outbreak"
).split()
VOCABULARY: list = []


def say(*parts) -> None:
    sys.stdout.write(" ".join(str(part) for part in parts) + "\n")
    sys.stdout.flush()


QUERIES = [
    {"q": "ceasefire"},
    {"q": "election"},
    {"q": "climate flood"},
    {"q": "football final"},
    {"q": "inflation prices wages"},
    {"q": "harbour"},  # no match
    {"q": "nuclear", "sort": "newest"},
    {"q": "budget", "section": "SECTION"},
    {"q": "vaccine", "author": "AUTHOR"},
    {"q": "treaty summit", "published_from": "2025-01-01"},
    {"q": "Reporter"},  # author names
    {"q": "railway strike"},
]


def prepare_database(use_postgres: bool, *, reuse: bool, name: str) -> str:
    if use_postgres:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", autocommit=True) as db:
            exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not (reuse and exists):
                db.execute(f'DROP DATABASE IF EXISTS "{name}"')
                db.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = PG_URL.format(name=name)
        return f"PostgreSQL ({name})"
    if reuse:
        data_dir = str(Path(tempfile.gettempdir()) / "dateline-search-bench")
        Path(data_dir).mkdir(exist_ok=True)
    else:
        data_dir = tempfile.mkdtemp(prefix="dateline-search-bench-")
    os.environ["DATELINE_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    return f"SQLite ({data_dir}/dateline.sqlite3)"


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """4,000 made-up words plus the news words, drawn with Zipf's law like real text."""
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "pel", "dru", "sen", "ga", "ti", "mor"]
    made_up = sorted({"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(6000)})
    rng.shuffle(made_up)
    words = made_up[:300] + WORDS + made_up[300:4000]
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    return words, weights


def story_text(rng: random.Random, words: int) -> str:
    sentences, sentence = [], []
    drawn = rng.choices(VOCABULARY[0], weights=VOCABULARY[1], k=words)
    for word in drawn:
        sentence.append(word)
        if len(sentence) >= rng.randint(8, 18):
            sentences.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    return " ".join(sentences)


def build(count: int, seed: int = 7) -> dict:
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Page

    from dateline.news import services
    from dateline.news.models import (
        ArticleAuthor,
        ArticlePage,
        ArticleTag,
        AuthorIndexPage,
        HomePage,
        SectionPage,
    )
    from dateline.news.text import count_words

    rng = random.Random(seed)
    VOCABULARY[:] = vocabulary(rng)
    home = HomePage.objects.get()
    sections = [
        services.section_create(parent=home, title=title)
        for title in ("World", "Politics", "Business", "Science", "Sport", "Culture")
    ]
    index = AuthorIndexPage.objects.get()
    authors = [
        services.author_create(index=index, name=f"Reporter {name}")
        for name in ("Ribeiro", "Okafor", "Fischer", "Tanaka", "Novak", "Haddad", "Silva", "Berg")
    ]
    now = timezone.now()
    started = time.perf_counter()
    page_type = ContentType.objects.get_for_model(ArticlePage)
    tags = {word: Tag.objects.get_or_create(name=word, slug=word)[0] for word in WORDS}
    children = {section.pk: 0 for section in sections}
    for start in range(0, count, 500):
        with transaction.atomic():
            pages, articles = [], []
            for number in range(start, min(count, start + 500)):
                section = rng.choice(sections)
                children[section.pk] += 1
                published = now - timedelta(minutes=37 * number)
                title = f"{story_text(rng, rng.randint(5, 10)).rstrip('.')[:90]} ({number})"
                slug = f"story-{number}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=page_type,
                        locale_id=home.locale_id,
                        translation_key=uuid.uuid4(),
                        path=Page._get_path(section.path, section.depth + 1, children[section.pk]),
                        depth=section.depth + 1,
                        numchild=0,
                        url_path=f"{section.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        latest_revision_created_at=published,
                    )
                )
                article = ArticlePage(
                    standfirst=story_text(rng, 25),
                    body=[
                        {"type": "paragraph", "value": f"<p>{story_text(rng, 60)}</p>"}
                        for _ in range(5)
                    ],
                )
                article.word_count = count_words(article.body)
                articles.append(article)
            # Wagtail pages are two rows (wagtailcore_page + news_articlepage): Django's
            # bulk_create cannot do multi-table models, so insert the two tables in turn.
            Page.objects.bulk_create(pages)
            for page, article in zip(pages, articles, strict=True):
                article.page_ptr_id = page.pk
            ArticlePage.objects._insert(
                articles, fields=ArticlePage._meta.local_concrete_fields, raw=False
            )
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article_id=page.pk, author=rng.choice(authors), sort_order=0)
                for page in pages
            )
            ArticleTag.objects.bulk_create(
                ArticleTag(content_object_id=page.pk, tag=tags[word])
                for page in pages
                for word in rng.sample(WORDS, 2)
            )
        say(f"  {min(count, start + 500):>6} articles, {time.perf_counter() - started:.0f} s")
    for section in sections:
        SectionPage.objects.filter(pk=section.pk).update(numchild=children[section.pk])
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        # Fresh bulk-loaded tables have no planner statistics or visibility map yet;
        # autovacuum would see to both within minutes on a live site.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    say(f"  indexed, {time.perf_counter() - started:.0f} s")
    return {
        "section": sections[0],
        "author": authors[0],
        "build_seconds": time.perf_counter() - started,
        "articles": ArticlePage.objects.live().count(),
    }


def reused(count: int) -> dict | None:
    """The previously built site, if the database already holds `count` live articles."""
    from dateline.news.models import ArticlePage, AuthorPage, SectionPage

    articles = ArticlePage.objects.live().count()
    if articles < count:
        return None
    return {
        "section": SectionPage.objects.get(title="World"),
        "author": AuthorPage.objects.get(title="Reporter Ribeiro"),
        "articles": articles,
    }


def run_queries(built: dict, repeat: int, *, pages: bool) -> dict:
    from django.test import Client

    from dateline.news.text import stream_text
    from dateline.search.forms import SearchForm
    from dateline.search.highlight import query_terms, snippet
    from dateline.search.selectors import article_search, result_cards

    def params_for(query):
        values = dict(query)
        if values.get("section") == "SECTION":
            values["section"] = str(built["section"].pk)
        if values.get("author") == "AUTHOR":
            values["author"] = built["author"].slug
        return values

    def search_only(params):
        form = SearchForm(params)
        assert form.is_valid(), form.errors
        results = article_search(
            query=form.cleaned_data["q"], filters=form.filters(), sort=form.sort_order
        )
        total = results.count()
        terms = query_terms(form.cleaned_data["q"])
        cards = result_cards(results[:10])
        for card in cards:
            snippet(stream_text(card.body), terms)
        return total

    client = Client()
    search_times, page_times, found = [], [], {}
    for query in QUERIES:
        params = params_for(query)
        search_only(params)  # warm caches, as a running server would have
        if pages:
            try:
                assert client.get("/search/", params).status_code == 200
            except Exception as error:  # the page stack around search is not ours to fix here
                say(f"  full-page timing skipped: {error!r}")
                pages = False
        for _ in range(repeat):
            started = time.perf_counter()
            found[params["q"]] = search_only(params)
            search_times.append(time.perf_counter() - started)
            if not pages:
                continue
            started = time.perf_counter()
            response = client.get("/search/", params)
            page_times.append(time.perf_counter() - started)
            assert response.status_code == 200
    return {"search": search_times, "page": page_times, "found": found}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--database", default="dateline_bench_search", help="PostgreSQL's")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-pages", action="store_true", help="time the search code only")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the built database (SQLite in $TMPDIR/dateline-search-bench) and reuse it "
        "when it already holds the articles, to time code changes without rebuilding",
    )
    parser.add_argument("--timing-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.timing_only:  # the child of a run that just built the database
        database = os.environ["DATELINE_BENCH_DATABASE"]
    else:
        database = prepare_database(args.postgres, reuse=args.reuse, name=args.database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    os.environ["DATELINE_ALLOWED_HOSTS"] = "testserver"
    os.environ["DATELINE_PAGE_CACHE"] = "off"
    # Plain static file URLs (no collectstatic manifest); DEBUG stays off.
    os.environ["DATELINE_TESTING"] = "1"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    built = reused(args.articles) if args.reuse or args.timing_only else None
    if built is None:
        say(f"Building {args.articles} articles in {database} ...")
        built = build(args.articles)
        # Time in a fresh process, as a server would serve it: right after the bulk
        # build this process searched about three times slower (its heap and its
        # connection's state), which says nothing about serving readers.
        connections.close_all()
        child = subprocess.run(
            [sys.executable, __file__, *sys.argv[1:], "--timing-only"],
            env={**os.environ, "DATELINE_BENCH_DATABASE": database},
            check=False,
        )
        say(f"(database built in {built['build_seconds']:.0f} s)")
        sys.exit(child.returncode)

    timings = run_queries(built, args.repeat, pages=not args.no_pages)

    def ms(values, q=0.5):
        return statistics.quantiles(values, n=100)[int(q * 100) - 1] * 1000

    say(f"\nload average during the run: {os.getloadavg()}")
    say(f"{database}: {built['articles']} live articles")
    say(f"{len(QUERIES)} queries x {args.repeat} runs")
    say(
        f"search (rank + count + 10 cards + snippets): median "
        f"{statistics.median(timings['search']) * 1000:.1f} ms, "
        f"p90 {ms(timings['search'], 0.9):.1f} ms"
    )
    if timings["page"]:
        say(
            f"full /search/ page: median {statistics.median(timings['page']) * 1000:.1f} ms, "
            f"p90 {ms(timings['page'], 0.9):.1f} ms"
        )
    say("matches per query:", timings["found"])


if __name__ == "__main__":
    main()
