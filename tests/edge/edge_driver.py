"""The newsroom side of the Varnish tests: changes made as editors and moderators make them.

Runs inside a node's own production settings (`dateline shell`, started by
tests/edge/front.py), on the same database and data folder as the `dateline serve`
behind Varnish: a change purges the page cache's counters at once and queues the purge
of Varnish, which that server's task worker sends. Reads one JSON command a line on
stdin and answers each with one line starting with ``@@``:

- ``{"do": "build"}``: a small site (sections, stories, tags, comments, a lead image).
- ``{"do": "<change>", ...}``: one change (see CHANGES); answers once the purges it
  queued have been sent (the worker has run them), with what changed.
- ``{"do": "random", "seed": n}``: one change chosen at random.
- ``{"do": "pages"}``: every URL of the site a reader can ask for.
- ``{"do": "fresh", "paths": [...]}``: those URLs rendered now, through Django with no
  cache of any kind (no page cache, fragments, remembered rows or routes).
"""

import json
import random
import sys
import time
from unittest import mock

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Site

from dateline.comments import services as comment_services
from dateline.comments.models import Comment, CommentSettings
from dateline.core.models import SiteSettings
from dateline.edge import store
from dateline.news import services as news_services
from dateline.news.builders import demo_image
from dateline.news.models import ArticlePage, AuthorPage, SectionPage
from tests.comments.factories import CommentFactory
from tests.edge.front import normalise
from tests.news.factories import ArticleFactory, AuthorFactory, SectionFactory

TAGS = ["harbour", "elections", "storms"]
MAX_LIVE_STORIES = 8
PURGE_TASK = "dateline.edge.tasks.purge_edge_keys"


class Newsroom:
    def __init__(self) -> None:
        self.counter = 0
        self.editor = None

    def _n(self) -> int:
        self.counter += 1
        return self.counter

    # The site

    def build(self) -> dict:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        self.editor = User.objects.create_superuser("editor", "editor@example.org", "x" * 20)
        site = Site.objects.get(is_default_site=True)
        SiteSettings.for_site(site)
        CommentSettings.for_site(site)
        sections = [SectionFactory(title="World", slug="world"), SectionFactory(title="Sport")]
        authors = [AuthorFactory(name="Ada Reporter"), AuthorFactory(name="Ben Writer")]
        picture = demo_image("Harbour at dawn", size=(800, 450))
        for number in range(5):
            self._publish_new(
                sections[number % 2],
                authors[number % 2],
                TAGS[: 1 + number % 3],
                lead_image=picture if number < 2 else None,
            )
        story = ArticlePage.objects.live().order_by("pk").first()
        CommentFactory(article=story, text="The first comment, approved.")
        return {"story": story.url, "story_id": story.pk}

    def _publish_new(self, section, author, tags, lead_image=None) -> ArticlePage:
        number = self._n()
        return ArticleFactory(
            section=section,
            authors=[author],
            title=f"Story number {number} from the desk",
            slug=f"story-{number}",
            tags=tags,
            lead_image=lead_image,
        )

    def pages(self) -> list[str]:
        paths = {"/", "/feeds/rss/", "/feeds/atom/", "/sitemap.xml", "/news-sitemap.xml"}
        for section in SectionPage.objects.all():
            paths.add(section.url)
            paths.add(f"/feeds/rss/section/{section.slug}/")
        for author in AuthorPage.objects.live():
            paths.add(author.url)
        for story in ArticlePage.objects.all():
            # An unpublished story has no URL now: ask for where it was.
            paths.add(f"{story.get_parent().url}{story.slug}/")
        for tag in Tag.objects.all():
            paths.add(f"/tags/{tag.slug}/")
            paths.add(f"/feeds/rss/tag/{tag.slug}/")
        return sorted(paths)

    def fresh(self, paths: list[str]) -> dict:
        """Each path rendered by Django alone, as if no cache existed."""
        from django.contrib.staticfiles.storage import staticfiles_storage

        if not getattr(staticfiles_storage, "hashed_files", True):
            # Collected by `dateline serve` after this process started.
            manifest = staticfiles_storage.load_manifest()
            staticfiles_storage.hashed_files, staticfiles_storage.manifest_hash = manifest
        client = Client(HTTP_HOST="127.0.0.1")
        with mock.patch.object(store, "_current", (0, None)):
            replies = {path: client.get(path) for path in paths}
        return {
            path: [reply.status_code, normalise(reply.content)] for path, reply in replies.items()
        }

    # Changes

    def approve_comment(self, *, text: str = "", story_id: int | None = None) -> dict:
        story = self._story(story_id)
        text = text or f"Reader comment number {self._n()}."
        waiting = CommentFactory(article=story, text=text, status=Comment.Status.PENDING)
        comment_services.comment_approve(comment=waiting, moderator=self.editor)
        return {"change": "approve_comment", "story": story.url, "text": text}

    def remove_comment(self) -> dict:
        shown = Comment.objects.filter(status=Comment.Status.APPROVED).order_by("?").first()
        if shown is None:
            return self.approve_comment()
        comment_services.comment_reject(comment=shown, moderator=self.editor)
        return {"change": "remove_comment", "story": shown.article.url, "text": shown.text}

    def edit(self, *, story_id: int | None = None, title: str = "") -> dict:
        story = self._story(story_id)
        title = title or f"Story edited, version {self._n()}"
        news_services.article_update(
            user=self.editor, article=story, changes={"title": title}, publish=True
        )
        return {"change": "edit", "story": story.url, "title": title}

    def retag(self, *, story_id: int | None = None, tags: list[str] | None = None) -> dict:
        """A published edit of a story's tags: its related stories are chosen again."""
        story = self._story(story_id)
        tags = random.sample(TAGS, random.randint(0, 2)) if tags is None else tags
        news_services.article_update(
            user=self.editor, article=story, changes={}, tags=tags, publish=True
        )
        return {"change": "retag", "story": story.url, "tags": tags}

    def pick_related(self, *, story_id: int | None = None) -> dict:
        """A published edit of the editors' picks under a story: none, or one or two other
        stories, live or not (a pick not live yet takes its place when published)."""
        from dateline.news.models import RelatedArticle

        story = self._story(story_id)
        others = ArticlePage.objects.exclude(pk=story.pk).order_by("?")[: random.randint(0, 2)]
        draft = story.get_latest_revision_as_object()
        draft.related_links = [RelatedArticle(related=other) for other in others]
        draft.save_revision(user=self.editor).publish(user=self.editor)
        return {"change": "pick_related", "story": story.url, "picks": [o.url for o in others]}

    def publish(self) -> dict:
        hidden = ArticlePage.objects.not_live().order_by("?").first()
        if hidden is not None and (
            random.random() < 0.5 or ArticlePage.objects.live().count() >= MAX_LIVE_STORIES
        ):
            hidden.get_latest_revision().publish(user=self.editor)
            return {"change": "republish", "story": hidden.url}
        if ArticlePage.objects.live().count() >= MAX_LIVE_STORIES:
            return self.unpublish()
        story = self._publish_new(
            SectionPage.objects.order_by("?").first(),
            AuthorPage.objects.order_by("?").first(),
            random.sample(TAGS, random.randint(0, 2)),
        )
        return {"change": "publish", "story": story.url}

    def unpublish(self) -> dict:
        live = ArticlePage.objects.live()
        if live.count() <= 2:
            return self.publish()
        story = live.order_by("?").first()
        story.unpublish(user=self.editor)
        return {"change": "unpublish", "story": story.get_parent().url + story.slug + "/"}

    def rename_tag(self, *, slug: str = "", name: str = "") -> dict:
        tag = Tag.objects.get(slug=slug) if slug else Tag.objects.order_by("?").first()
        tag.name = name or f"{tag.slug.title()} {self._n()}"
        tag.save()
        return {"change": "rename_tag", "slug": tag.slug, "name": tag.name}

    def change_settings(self, *, tagline: str = "") -> dict:
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.tagline = tagline or f"News that matters, edition {self._n()}"
        site_settings.save()
        return {"change": "change_settings", "tagline": site_settings.tagline}

    def replace_image(self) -> dict:
        """A new file uploaded for an image through Wagtail's own image form, as the
        admin's edit view saves it (the old file and its renditions deleted)."""
        Image = get_image_model()
        image = Image.objects.order_by("?").first()
        take = self._n()
        drawn = demo_image(f"Harbour, take {take}", size=(800, 450))
        upload = SimpleUploadedFile(f"harbour-take-{take}.jpg", drawn.file.read(), "image/jpeg")
        drawn.delete()
        form = get_image_form(Image, fields=["file"])(
            instance=image,
            data={"collection": image.collection_id},
            files={"file": upload},
            user=self.editor,
        )
        if not form.is_valid():
            raise ValueError(f"the image form refused the file: {form.errors.as_text()}")
        form.save()
        return {"change": "replace_image", "image": image.title, "file": image.file.name}

    CHANGES = (
        "publish", "edit", "unpublish", "approve_comment", "remove_comment", "rename_tag",
        "change_settings", "replace_image", "retag", "pick_related",
    )  # fmt: skip

    def random(self, *, seed: int) -> dict:
        random.seed(seed)
        return getattr(self, random.choice(self.CHANGES))()

    def _story(self, story_id: int | None) -> ArticlePage:
        live = ArticlePage.objects.live()
        return live.get(pk=story_id) if story_id else live.order_by("?").first()


def purges_sent(timeout: float = 30.0) -> None:
    """Wait until the worker has sent every Varnish purge that is due."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    purges = DBTaskResult.objects.filter(task_path=PURGE_TASK)
    # ready(): due now, including the tasks queued without run_after (which the
    # database backend stores as the year 9999, not as NULL).
    while (purges.ready() | purges.running()).exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the task worker did not send the purges")
        time.sleep(0.02)


def main() -> None:
    newsroom = Newsroom()
    for line in sys.stdin:
        command = json.loads(line)
        name = command.pop("do")
        wait = command.pop("wait", True)
        try:
            if name in ("build", "pages", "fresh"):
                answer = getattr(newsroom, name)(**command)
            else:
                if newsroom.editor is None:
                    newsroom.editor = User.objects.get(username="editor")
                answer = getattr(newsroom, name)(**command)
                answer["at"] = time.time()
                if wait:
                    purges_sent()
        except Exception as error:  # the test shows it
            answer = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write("@@" + json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
