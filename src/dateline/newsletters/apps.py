from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "dateline.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from dateline.newsletters import receivers

        receivers.connect()
