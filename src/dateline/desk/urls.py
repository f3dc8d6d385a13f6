from django.urls import path

from dateline.desk import views

app_name = "desk"
urlpatterns = [
    path("corrections/", views.corrections, name="corrections"),
    path("corrections/feed/rss/", views.corrections_feed, {"fmt": "rss"}, name="corrections_rss"),
    path(
        "corrections/feed/atom/", views.corrections_feed, {"fmt": "atom"}, name="corrections_atom"
    ),
    path("preview/<str:token>/", views.preview, name="preview"),
]
