from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "dateline.live"
    label = "live"
    verbose_name = "Live coverage"

    def ready(self):
        from dateline.live import signals

        signals.connect()
