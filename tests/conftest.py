import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def lee_articles():
    from cleanmt.corpora import lee_background

    return lee_background()


@pytest.fixture
def seed_text():
    def read(prefix: str) -> str:
        (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
        return path.read_text(encoding="utf-8")

    return read
