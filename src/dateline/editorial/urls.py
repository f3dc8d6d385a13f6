from django.urls import path

from dateline.editorial import views

urlpatterns = [
    path("calendar/<str:token>.ics", views.calendar_feed, name="editorial_calendar"),
]
