"""Acceptance criteria on the fixed seeds: what `cleanmt fix` must repair.

These are expected to fail until the punctuation, casing and spinner rule
branches are merged; they are not skipped on purpose. The same checks run on the
gold-fixed text in tests/test_gold.py, so the gold itself meets them.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import seed_benchmark as sb  # noqa: E402

NAMES = sb.seed_names()


def _where(fixed: dict, pattern: str) -> list[str]:
    rx = re.compile(pattern)
    return [f"{n}: …{fixed[n][max(0, m.start() - 30):m.end() + 30]!r}…"
            for n in fixed for m in rx.finditer(fixed[n])]


def _none(fixed: dict, pattern: str) -> None:
    hits = _where(fixed, pattern)
    assert not hits, f"{len(hits)} left after fix:\n" + "\n".join(hits)


def no_once_morest(fixed):
    _none(fixed, r"(?i)\bonce\s+morest\b")


def no_might_not_be_verified(fixed):
    _none(fixed, r"(?i)\bmight\s+not\s+be\s+(?:\w+\s+)?verified\b")


def emmanuel_macron_capitalised(fixed):
    _none(fixed, r"Emmanuel macron")
    assert "Emmanuel Macron" in fixed["001_e7fced2b989c9f56"], "the name must be kept, capitalised"


def no_space_before_comma(fixed):
    _none(fixed, r"\w ,\s")


def no_doubled_full_stop(fixed):
    _none(fixed, r"\.\s+\.(?!\.)")


CHECKS = [no_once_morest, no_might_not_be_verified, emmanuel_macron_capitalised,
          no_space_before_comma, no_doubled_full_stop]


@pytest.fixture(scope="module")
def fixed_seeds():
    from cleanmt.engine import Cleaner

    cleaner = Cleaner(min_confidence=0.8)
    return {n: cleaner.fix(sb.read_seed(n)).fixed for n in NAMES}


def test_acceptance_no_once_morest(fixed_seeds):
    no_once_morest(fixed_seeds)


def test_acceptance_no_might_not_be_verified(fixed_seeds):
    no_might_not_be_verified(fixed_seeds)


def test_acceptance_emmanuel_macron_capitalised(fixed_seeds):
    emmanuel_macron_capitalised(fixed_seeds)


def test_acceptance_no_space_before_comma(fixed_seeds):
    no_space_before_comma(fixed_seeds)


def test_acceptance_no_doubled_full_stop(fixed_seeds):
    no_doubled_full_stop(fixed_seeds)


def test_acceptance_checks_fail_on_the_raw_seeds():
    """Each check can fail: on the unfixed seeds every one of them does."""
    raw = {n: sb.read_seed(n) for n in NAMES}
    for check in CHECKS:
        with pytest.raises(AssertionError):
            check(raw)
