"""Targeted tests of single rules' gates (cheap necessary conditions checked before
the rule's detailed work): each case is one the gate must let through, or one it
must stop, so a gate that grows too strict or too loose fails here."""
import sys

import pytest
import regex

from cleanmt.document import Document
from cleanmt.registry import all_rules

RULES = {r.id: r for r in all_rules()}


@pytest.mark.parametrize(
    "text, may",
    [
        ("Can the ceasefire hold? [Décryptage]\nBody.", True),  # at a line end
        ("Can the ceasefire hold? [Décryptage] \t", True),  # at the text end, blanks after
        ("[Entrevista] The mayor on water prices", True),  # at the text start
        ("Body.\n \t[Entrevista] The mayor", True),  # at a line start, after its indent
        ("He said [sic] that it was over. [Video]", True),  # a second "[" that qualifies
        ("He said [sic] that it was over.", False),  # mid-line
        ("Body.\nx [Entrevista] The mayor", False),  # a word before it on its line
        ("Can the ceasefire hold? [Décryptage].", False),  # not at the line end
        ("Can the ceasefire hold? [Dé-cryptage]", False),  # not a label
        ("Can the ceasefire hold? [" + "x" * 30 + "]", False),  # too long for a label
        ("[]\n[1] The mayor", False),
    ],
)
def test_section_label_gate(text, may):
    from cleanmt.rules.untranslated import _may_have_label

    assert _may_have_label(Document(text)) is may
