from django.http import HttpRequest

from polycentric.core.permissions import is_editor


def site(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {"platform_name": "Polycentric", "user_is_editor": bool(user and is_editor(user))}
