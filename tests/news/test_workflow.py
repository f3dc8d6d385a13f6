"""Out of the box, reporters submit stories and editors approve and publish them."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Workflow

from tests.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def member_of(group: str) -> User:
    user = User.objects.create_user(group.lower(), password="x" * 16, is_staff=False)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_reporters_can_write_but_not_publish(home):
    article = ArticleFactory(section=SectionFactory())
    permissions = article.permissions_for_user(member_of("Reporters"))
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_editors_can_publish(home):
    article = ArticleFactory(section=SectionFactory())
    assert article.permissions_for_user(member_of("Editors")).can_publish()


def test_new_stories_go_through_the_newsroom_review_workflow(home):
    article = ArticleFactory(section=SectionFactory())
    workflow = article.get_workflow()
    assert workflow == Workflow.objects.get(name="Newsroom review")
    [task] = [task.specific for task in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]


def test_a_reporter_submission_waits_for_an_editor(home):
    reporter, editor = member_of("Reporters"), member_of("Editors")
    article = ArticleFactory(section=SectionFactory(), publish=False)
    article.get_workflow().start(article, reporter)
    state = article.current_workflow_state
    assert state.status == "in_progress"
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    article.refresh_from_db()
    assert article.live
