from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "dateline.security"
    label = "security"
    verbose_name = "Security"

    def ready(self):
        from dateline.security import receivers

        receivers.connect()
