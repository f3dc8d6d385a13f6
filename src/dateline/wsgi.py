import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

application = get_wsgi_application()

# Anonymous readers are answered from the page cache before Django runs (production only),
# static files (compressed, hashed names cached for a year) behind it. Every response,
# cache hits included, carries a request id (see the page cache and
# dateline.ops.request_context).
from dateline.edge.static import static_files  # noqa: E402 - needs the settings loaded above
from dateline.edge.wsgi import page_cache  # noqa: E402

application = page_cache(static_files(application))
