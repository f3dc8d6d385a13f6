"""The application `dateline serve` runs (ASGI, under uvicorn): see dateline.edge.front.

The WSGI stack is dateline.wsgi's own (page cache, static files, Django), so both
interfaces serve exactly the same site.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
django.setup(set_prefix=False)

from dateline.edge.front import Front  # noqa: E402
from dateline.edge.wsgi import PageCache  # noqa: E402
from dateline.live.hub import Hub  # noqa: E402
from dateline.wsgi import application as wsgi_application  # noqa: E402

application = Front(
    wsgi_application,
    page_cache=wsgi_application if isinstance(wsgi_application, PageCache) else None,
    hub=Hub(),
    render_threads=int(os.environ.get("DATELINE_RENDER_THREADS", "2")),
)
