from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.api.routes import api
from dateline.core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("dateline.ops.urls")),  # /healthz and /readyz
    path("", include("dateline.discovery.urls")),
    path("search/", include("dateline.search.urls")),
    path("api/v1/", api.urls),
    path("comments/", include("dateline.comments.urls")),
    path("live/", include("dateline.live.urls")),
    path("newsletters/", include("dateline.newsletters.urls")),
    path("newsroom/", include("dateline.editorial.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree answers everything not matched above; keep it last.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = core_views.page_not_found
handler500 = core_views.server_error
