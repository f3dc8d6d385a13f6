# The page cache in front of Django, as `dateline serve` runs it (tests/edge/conftest.py).
from tests.edge.conftest import backend, django_wsgi, site  # noqa: F401
