from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "polycentric.core"
    label = "core"
    verbose_name = "Core"
