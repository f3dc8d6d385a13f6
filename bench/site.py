"""The benchmark's conversations with the demo site's database (called by bench/run).

Runs in production mode against DATELINE_DATA_DIR, so its purges reach the running
`dateline serve` exactly as an editor's or moderator's would.

  site.py facts                     the long read and an article to post comments to
  site.py open-comments             lift the per-address comment rate limit for the load test
  site.py comments-limit COUNT      set the comment rate limit (posts per window; 0 = off)
  site.py count-comments MARKER     how many stored comments carry MARKER, and distinct ones
  site.py freshness BASE_URL PATH   time from a change to its first anonymous appearance
"""

import os
import sys
import time
import urllib.request
import uuid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
os.environ.pop("DATELINE_DEBUG", None)

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.db.models import Count  # noqa: E402

from dateline.news.models import ArticlePage  # noqa: E402


def say(text: str) -> None:
    sys.stdout.write(f"{text}\n")


def comment_model():
    return apps.get_model("comments", "Comment") if apps.is_installed("dateline.comments") else None


def facts() -> None:
    comment = comment_model()
    articles = ArticlePage.objects.live().public().order_by("-word_count")
    if comment is not None:
        approved = comment.objects.filter(status="approved").values("article")
        counts = dict(approved.annotate(n=Count("id")).values_list("article", "n"))
    else:
        counts = {}
    long_read = next((a for a in articles if counts.get(a.pk, 0) >= 20), None) or articles[0]
    other = ArticlePage.objects.live().exclude(pk=long_read.pk).order_by("-first_published_at")[0]
    # Freshness is checked on the story with the fewest comments, so the new one is on
    # the article page itself and not on a later page of threads.
    quiet = min(
        ArticlePage.objects.live().exclude(pk__in=[long_read.pk, other.pk]),
        key=lambda article: (counts.get(article.pk, 0), -article.pk),
    )
    say(f"LONG_PATH={long_read.url}")
    say(f"LONG_ID={long_read.pk}")
    say(f"LONG_WORDS={long_read.word_count}")
    say(f"LONG_COMMENTS={counts.get(long_read.pk, 0)}")
    say(f"POST_ID={other.pk}")
    say(f"POST_PATH={other.url}")
    say(f"FRESH_PATH={quiet.url}")


def comments_limit(count: str) -> None:
    from wagtail.models import Site

    settings_model = apps.get_model("comments", "CommentSettings")
    for site in Site.objects.all():
        comment_settings = settings_model.for_site(site)
        comment_settings.rate_limit_count = int(count)
        comment_settings.first_time_hold = 0
        comment_settings.save()
    say(f"comment rate limit {count} per window (0: off) for the load test")


def open_comments() -> None:
    comments_limit("0")


def count_comments(marker: str) -> None:
    rows = comment_model().objects.filter(text__contains=marker)
    say(f"STORED={rows.count()}")
    say(f"DISTINCT={rows.values('text').distinct().count()}")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def wait_for(url: str, marker: str, started: float, timeout: float = 10.0) -> tuple[float, float]:
    """Seconds from `started` (the click) and from now (the commit) to the first GET showing it."""
    committed = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if marker in fetch(url):
            now = time.perf_counter()
            return now - started, now - committed
        time.sleep(0.005)
    return float("inf"), float("inf")


def freshness(base_url: str, path: str, rounds: int = 5) -> None:
    """Approve a comment and publish an edit; time until the next anonymous GET shows it."""
    url = base_url.rstrip("/") + path
    article = ArticlePage.objects.get(url_path__endswith=path.rstrip("/").rsplit("/", 1)[-1] + "/")
    comment = comment_model()
    comment_times, edit_times = [], []
    for number in range(rounds):
        fetch(url), fetch(url)  # both workers hold the page
        if comment is not None:
            marker = f"freshness-{uuid.uuid4().hex[:12]}"
            pending = comment.objects.create(
                article=article,
                author_name="Freshness check",
                text=f"Checking {marker}",
                html=f"<p>Checking {marker}</p>",
                status="pending",
            )
            started = time.perf_counter()
            approve(pending)
            comment_times.append(wait_for(url, marker, started))
        marker = f"edit-{uuid.uuid4().hex[:12]}"
        revision = article.get_latest_revision_as_object()
        revision.standfirst = f"{article.standfirst.split(' [')[0]} [{marker}]"
        started = time.perf_counter()
        revision.save_revision().publish()
        edit_times.append(wait_for(url, marker, started))
        article.refresh_from_db()
        say(f"round {number + 1}: comment {comment_times[-1:]}, edit {edit_times[-1]}")
    # From the click (the service call, its commit and purge included) / from the commit.
    if comment_times:
        say(f"COMMENT_MAX={max(t[0] for t in comment_times):.3f}")
        say(f"COMMENT_AFTER_COMMIT_MAX={max(t[1] for t in comment_times):.3f}")
    say(f"EDIT_MAX={max(t[0] for t in edit_times):.3f}")
    say(f"EDIT_AFTER_COMMIT_MAX={max(t[1] for t in edit_times):.3f}")


def approve(pending) -> None:
    try:
        from dateline.comments.services import comment_approve
    except ImportError:
        pending.status = "approved"
        pending.save()
    else:
        comment_approve(comment=pending)


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {
        "facts": facts,
        "open-comments": open_comments,
        "comments-limit": comments_limit,
        "count-comments": count_comments,
        "freshness": freshness,
    }[command](*arguments)
