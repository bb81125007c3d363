"""Development and the embedded demo: SQLite under var/, a generated secret key, console e-mail."""

from polycentric.config.env import development_secret_key, env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = development_secret_key()
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
