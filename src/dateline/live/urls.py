from django.urls import path

from dateline.live import views

app_name = "live"

urlpatterns = [
    path("<int:live_id>/stream/", views.stream, name="stream"),
    path("<int:live_id>/updates/<int:bucket>.json", views.updates, name="updates"),
]
