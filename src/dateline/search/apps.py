from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "dateline.search"
    label = "dateline_search"
    verbose_name = "Reader search"

    def ready(self):
        from dateline.search import indexing

        indexing.connect()
