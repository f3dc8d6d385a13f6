"""The application `dateline serve` runs (granian's RSGI interface): see dateline.edge.front."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

django_application = get_wsgi_application()

from dateline.edge.front import Front  # noqa: E402 - needs the settings loaded above
from dateline.edge.wsgi import PageCache, page_cache  # noqa: E402
from dateline.live.hub import Hub  # noqa: E402

wsgi_application = page_cache(django_application)
application = Front(
    wsgi_application,
    page_cache=wsgi_application if isinstance(wsgi_application, PageCache) else None,
    hub=Hub(),
    render_threads=int(os.environ.get("DATELINE_RENDER_THREADS", "2")),
)
