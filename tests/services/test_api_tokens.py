"""API tokens: shown once, kept as a hash, dead when revoked or their owner is switched off."""
from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.models import ApiToken, AuditEvent
from engage.services import api_tokens, users
from engage.services.errors import AccountError


@pytest.fixture
def facilitator(ctx):
    return users.create_user("fac@example.org", "Fac", "facilitator", password="a long enough password")[0]


def test_a_new_token_is_prefixed_and_only_its_hash_is_kept(facilitator):
    token, plain = api_tokens.create_token(facilitator, "  report   script ")
    assert plain.startswith("eng_") and len(plain) > 40
    assert token.name == "report script"
    assert token.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert plain not in str([getattr(token, c.key) for c in ApiToken.__table__.columns])
    assert api_tokens.authenticate(plain) == facilitator
    assert db.session.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc())) == "created API token"


def test_a_token_needs_a_name(facilitator):
    with pytest.raises(AccountError):
        api_tokens.create_token(facilitator, "   ")


@pytest.mark.parametrize("plain", [None, "", "eng_nope", "nope"])
def test_an_unknown_token_is_nobody(facilitator, plain):
    api_tokens.create_token(facilitator, "real")
    assert api_tokens.authenticate(plain) is None


def test_a_revoked_token_is_nobody_and_revoking_again_changes_nothing(facilitator):
    token, plain = api_tokens.create_token(facilitator, "laptop")
    api_tokens.revoke_token(facilitator, token.id)
    first = token.revoked_at
    api_tokens.revoke_token(facilitator, token.id)
    assert api_tokens.authenticate(plain) is None and token.revoked_at == first
    revoked = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "revoked API token")).all()
    assert len(revoked) == 1


def test_only_the_owner_can_revoke_a_token(facilitator):
    other = users.create_user("other@example.org", "Other", "admin", password="a long enough password")[0]
    token, plain = api_tokens.create_token(facilitator, "mine")
    with pytest.raises(AccountError, match="No such token"):
        api_tokens.revoke_token(other, token.id)
    with pytest.raises(AccountError, match="No such token"):
        api_tokens.revoke_token(facilitator, 999)
    assert api_tokens.authenticate(plain) == facilitator


def test_a_switched_off_owner_makes_the_token_nobody(facilitator):
    admin = users.create_user("admin@example.org", "Admin", "admin", password="a long enough password")[0]
    _, plain = api_tokens.create_token(facilitator, "script")
    users.set_active(facilitator.id, False, by=admin)
    assert api_tokens.authenticate(plain) is None


def test_last_used_is_written_at_most_once_a_day(facilitator, monkeypatch):
    token, plain = api_tokens.create_token(facilitator, "script")
    writes = []
    monkeypatch.setattr(api_tokens, "utcnow", lambda: datetime(2026, 5, 1, 9))
    real_writing = api_tokens.writing

    def counting_writing():
        writes.append(1)
        return real_writing()

    monkeypatch.setattr(api_tokens, "writing", counting_writing)
    for _ in range(3):
        api_tokens.authenticate(plain)
    assert token.last_used_on.isoformat() == "2026-05-01" and len(writes) == 1
    monkeypatch.setattr(api_tokens, "utcnow", lambda: datetime(2026, 5, 2, 9))
    api_tokens.authenticate(plain)
    assert token.last_used_on.isoformat() == "2026-05-02" and len(writes) == 2


def test_the_list_is_ones_own_tokens_newest_first(facilitator):
    other = users.create_user("other@example.org", "Other", "admin", password="a long enough password")[0]
    for name in ("first", "second"):
        api_tokens.create_token(facilitator, name)
    api_tokens.create_token(other, "theirs")
    assert [t.name for t in api_tokens.list_tokens(facilitator)] == ["second", "first"]
