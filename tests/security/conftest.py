import pytest
from django.contrib.auth.models import Permission, User

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def sign_in_protection(settings):
    """django-axes is off for the rest of the suite (see settings); these tests need it."""
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(db):
    """A newsroom editor who can use the Wagtail admin but is not an administrator."""
    user = User.objects.create_user("editor", "editor@example.com", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("chief", "chief@example.com", PASSWORD)


def sign_in(client, username, password=PASSWORD, address="192.0.2.10", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )
