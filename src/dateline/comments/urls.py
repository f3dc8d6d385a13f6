from django.urls import path

from dateline.comments import views

app_name = "comments"

urlpatterns = [
    path("post/<int:article_id>/", views.post_comment, name="post"),
    path("article/<int:article_id>/", views.thread_page, name="threads"),
    path(
        "article/<int:article_id>/thread/<int:root_id>/",
        views.thread_continuation,
        name="thread",
    ),
    path("reply/<int:comment_id>/", views.reply_form, name="reply"),
    path("report/<int:comment_id>/", views.report, name="report"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("delete/<str:token>/", views.delete, name="delete"),
    path("me/", views.me, name="me"),
]
