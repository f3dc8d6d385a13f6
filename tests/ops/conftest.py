from tests.comments.conftest import comment_settings  # noqa: F401 - shared fixtures
from tests.edge.conftest import django_wsgi  # noqa: F401
