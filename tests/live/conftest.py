import pytest
from django.contrib.auth.models import Group, User

from dateline.live import services
from tests.news.factories import AuthorFactory, SectionFactory


@pytest.fixture
def section(db):
    return SectionFactory(title="World", slug="world")


@pytest.fixture
def reporter(db):
    """A newsroom reporter (the Reporters group: edits pages, cannot publish), with an
    author profile."""
    user = User.objects.create_user("reporter", password="pw", first_name="Rita")
    user.groups.add(Group.objects.get(name="Reporters"))
    AuthorFactory(name="Rita Reporter", user=user)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def editor(db):
    """A newsroom editor (the Editors group: may publish, so may end coverage)."""
    user = User.objects.create_user("editor", password="pw", first_name="Ed")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def blog(section, reporter):
    return services.live_blog_create(
        section=section,
        title="Drones over the border: live",
        standfirst="Updates as they come in.",
        authors=[reporter.author_profile],
        summary="<p>What we know so far.</p>",
    )


@pytest.fixture
def post(commit, reporter):
    """post(blog, text, **options): an entry posted by the reporter, after-commit work run."""

    def run(blog, text="Something happened.", **options):
        user = options.pop("user", reporter)
        return commit(
            services.live_entry_post,
            blog=blog,
            user=user,
            body=services.entry_body(text=text),
            **options,
        )

    return run
