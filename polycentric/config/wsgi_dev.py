"""WSGI application for `polycentric serve`: the settings from DJANGO_SETTINGS_MODULE (dev default)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polycentric.config.settings.dev")
application = get_wsgi_application()
