"""Fixtures for the bodies API: API tokens."""

from __future__ import annotations

import pytest

from polycentric.accounts.tokens import api_token_create


@pytest.fixture
def editor_token(wanjiru) -> str:
    _, plain = api_token_create(user=wanjiru, name="wanjiru's script", actor=wanjiru)
    return plain


@pytest.fixture
def participant_token(ana) -> str:
    _, plain = api_token_create(user=ana, name="ana's script", actor=ana)
    return plain
