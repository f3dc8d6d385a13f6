from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.api.routes import api
from dateline.core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("dateline.ops.urls")),  # /healthz and /readyz
    path("api/v1/", api.urls),
    path("comments/", include("dateline.comments.urls")),
    path("live/", include("dateline.live.urls")),
    path("newsletters/", include("dateline.newsletters.urls")),
    path("newsroom/", include("dateline.editorial.urls")),
    path("", include("dateline.desk.urls")),  # /preview/<token>/, /corrections/
]

# Uploaded files, answered by Django on `dateline serve` (a CDN or Varnish in front keeps
# them): docs/operations.md.
urlpatterns.append(
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", core_views.media_file)
)

# What readers read, in their language: feeds, sitemaps, search and the page tree.
# Wagtail's page tree answers everything not matched above; keep it last.
reader_urlpatterns = [
    path("", include("dateline.discovery.urls")),
    path("search/", include("dateline.search.urls")),
    path("", include(wagtail_urls)),
]
if settings.WAGTAIL_I18N_ENABLED:
    # /uk/..., /ar/...; the first language keeps its unprefixed URLs (decision 0022).
    urlpatterns += i18n_patterns(*reader_urlpatterns, prefix_default_language=False)
else:
    urlpatterns += reader_urlpatterns

handler404 = core_views.page_not_found
handler500 = core_views.server_error
