"""Fixtures several page tests share; a module may define its own of the same name."""
from __future__ import annotations

import pytest

from engage.services.consultations import create_from_template


@pytest.fixture
def ballot(app):
    """A draft youth ballot's join code."""
    with app.app_context():
        return create_from_template("youth-ballot").join_code


@pytest.fixture
def facilitator(staff):
    return staff("facilitator")
