"""`dateline prune_revisions`: editors' history trimmed, what Wagtail needs kept."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Revision

from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def story_with_history(section, *, edits: int, days_ago: int):
    article = ArticleFactory(section=section)
    for number in range(edits):
        article.title = f"Edit {number}"
        article.save_revision()
    old = timezone.now() - timedelta(days=days_ago)
    Revision.objects.filter(object_id=str(article.pk)).update(created_at=old)
    return article


def test_keeps_the_newest_and_the_live_and_latest_revisions(home, capsys):
    world = SectionFactory(title="World", slug="world")
    old = story_with_history(world, edits=5, days_ago=200)
    young = story_with_history(world, edits=5, days_ago=1)
    live_revision = old.live_revision_id
    call_command("prune_revisions", "--keep", "2", "--older-than", "30")
    assert "Deleted 3 revision(s)." in capsys.readouterr().out
    old.refresh_from_db()
    kept = set(old.revisions.values_list("pk", flat=True))
    assert {old.latest_revision_id, live_revision} <= kept
    assert len(kept) == 3  # the two newest, and the live one beyond them
    assert young.revisions.count() == 6  # younger than 30 days: all stay
    call_command("prune_revisions", "--keep", "2", "--older-than", "30")
    assert "Deleted 0 revision(s)." in capsys.readouterr().out


def test_scheduled_revisions_stay(home):
    world = SectionFactory(title="World", slug="world")
    article = story_with_history(world, edits=3, days_ago=200)
    scheduled = article.revisions.order_by("created_at")[1]
    Revision.objects.filter(pk=scheduled.pk).update(
        approved_go_live_at=timezone.now() + timedelta(days=1)
    )
    call_command("prune_revisions", "--keep", "1", "--older-than", "0")
    assert Revision.objects.filter(pk=scheduled.pk).exists()


@pytest.mark.parametrize("arguments", [["--keep", "0"], ["--older-than", "-1"]])
def test_nonsense_is_refused(home, arguments):
    with pytest.raises(CommandError):
        call_command("prune_revisions", *arguments)
