from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "dateline.discovery"
    label = "discovery"
    verbose_name = "Discovery: feeds, sitemaps, structured data, API"
