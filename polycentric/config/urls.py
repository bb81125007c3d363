from django.contrib import admin
from django.urls import include, path

from polycentric.config.api import api
from polycentric.web import views as web_views

urlpatterns = [
    path("", include("polycentric.web.urls")),
    path("", include("polycentric.issuemap.urls")),
    path("", include("polycentric.bodies.urls")),
    path("", include("polycentric.coordination.urls")),
    path("accounts/", include("polycentric.accounts.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("healthz", web_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
]
