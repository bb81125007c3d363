from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IssueMapConfig(AppConfig):
    name = "polycentric.issuemap"
    label = "issuemap"
    verbose_name = _("Issue map")

    def ready(self) -> None:
        from polycentric.issuemap import permissions  # noqa: F401 - registers the rules
