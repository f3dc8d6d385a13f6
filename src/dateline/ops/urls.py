from django.urls import path

from dateline.ops import views

urlpatterns = [
    path("healthz", views.liveness, name="healthz"),
    path("readyz", views.readiness, name="readyz"),
]
