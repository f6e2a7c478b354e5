"""Fixtures shared by the Slack tests: no proxy for loopback, the real core on a temp database."""

from __future__ import annotations

import pytest

from bot.app import build
from bot.config import Settings


@pytest.fixture
def no_proxy(monkeypatch):
    """slack_sdk sends even 127.0.0.1 through HTTPS_PROXY when one is set."""
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def study(tmp_path):
    """The real core (bundled notes and question bank) on a temporary database."""
    study = build(Settings(db=tmp_path / "t.db"))
    yield study
    study.db.close()
