from django.apps import AppConfig


class EdgeConfig(AppConfig):
    name = "dateline.edge"
    label = "edge"
    verbose_name = "Edge cache"

    def ready(self):
        from dateline.edge.invalidation import connect_signals

        connect_signals()
