from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "dateline.editorial"
    label = "editorial"
    verbose_name = "Editorial: the newsroom's day in the admin"

    def ready(self):
        from wagtail.signals import init_new_page

        from dateline.editorial import services

        # Wagtail's own place to fill in a new page before its form is built.
        init_new_page.connect(services.prefill_new_story, dispatch_uid="editorial-byline")
