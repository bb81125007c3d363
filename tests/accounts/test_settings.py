import importlib

from django.contrib.auth.hashers import identify_hasher, make_password
from django.test import override_settings

from polycentric.config.settings import base


def test_base_settings_hash_passwords_with_argon2():
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_argon2_is_installed_and_used_with_the_base_settings():
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        encoded = make_password("a-long-test-passphrase-42")
        assert encoded.startswith("argon2$argon2id$")
        assert identify_hasher(encoded).algorithm == "argon2"


def test_without_configuration_mail_goes_to_the_console(monkeypatch):
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    try:
        reloaded = importlib.reload(base)
        assert reloaded.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    finally:
        monkeypatch.undo()
        importlib.reload(base)
