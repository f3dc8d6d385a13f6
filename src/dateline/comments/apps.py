from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "dateline.comments"
    label = "comments"
    verbose_name = "Comments"

    def ready(self):
        # Registers the background jobs the services enqueue by name (comments.jobs).
        from dateline.comments import tasks  # noqa: F401
