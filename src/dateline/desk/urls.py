from django.urls import path

from dateline.desk import views

app_name = "desk"
urlpatterns = [
    path("preview/<str:token>/", views.preview, name="preview"),
]
