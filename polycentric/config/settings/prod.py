"""Production: every secret from the environment, HTTPS cookies, collected static files."""

from polycentric.config.env import env_bool, required

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = required("SECRET_KEY")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
