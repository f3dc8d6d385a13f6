from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "dateline.discovery"
    label = "discovery"
    verbose_name = "Discovery: feeds, sitemaps, structured data, API"

    def ready(self):
        from dateline.discovery import receivers

        receivers.connect()
