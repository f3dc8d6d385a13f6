from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "dateline.i18n"
    label = "dateline_i18n"
    verbose_name = "Languages"
