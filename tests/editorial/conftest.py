import pytest

from tests.news.factories import AuthorFactory, SectionFactory


@pytest.fixture
def world(home):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def science(home):
    return SectionFactory(title="Science", slug="science")


@pytest.fixture
def reporter(newsroom_user):
    user = newsroom_user("Reporters", "rita")
    user.first_name, user.last_name = "Rita", "Okafor"
    user.save()
    return user


@pytest.fixture
def editor(newsroom_user):
    user = newsroom_user("Editors", "eddie")
    user.first_name, user.last_name = "Eddie", "Marsh"
    user.save()
    return user


@pytest.fixture
def rita_page(reporter, home):
    return AuthorFactory(name="Rita Okafor", user=reporter)
