from __future__ import annotations

import pytest

from gongkai.proposer import Proposer as Reviewer
from gongkai.settings import Settings


@pytest.fixture(scope="session")
def rules_reviewer():
    """Rules only (model=None): the classifier is trained elsewhere; loading the rules once is enough."""
    return Reviewer(Settings(environ={}), model=None)
