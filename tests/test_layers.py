"""The three layers stay apart: rules say where they live, and hold no per-document state."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cleanmt
from cleanmt.registry import all_rules

ROOT = Path(cleanmt.__file__).resolve().parent.parent.parent
RULE_FILES = sorted((Path(cleanmt.__file__).parent / "rules").glob("*.py"))


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.id)
def test_rule_location_is_its_registration(r):
    """`cleanmt rules ID` shows file:line: the line where the rule's @rule( opens, with
    its id (or the module's constant holding it) on the line after."""
    path, line = r.location.rsplit(":", 1)
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    assert lines[int(line) - 1].startswith("@rule(")
    after = lines[int(line)].strip().rstrip(",")
    assert after == f'"{r.id}"' or f'{after} = "{r.id}"' in lines


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_rule_modules_hold_no_scan_machinery(path):
    """Rule modules read the scan layer's results (doc.anchor_hits) and never build
    automata themselves."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + ([node.module] if getattr(node, "module", None) else [])
            assert not any(n and n.split(".")[0] in ("ahocorasick_rs", "ahocorasick") for n in names), path.name


SOURCE_FILES = sorted(Path(cleanmt.__file__).parent.rglob("*.py"))
# modules whose functions rules call per document: no module-level cache may live there
DOCUMENT_PATH = [p for p in SOURCE_FILES
                 if p.parent.name == "rules" or p.name in (
                     "names.py", "tokens.py", "memo.py", "document.py", "prescan.py", "engine.py", "blocks.py", "lexicon.py",
                     "frequency.py", "mojibake.py", "suppression.py", "anchors.py")]
# parameter names that carry a document or something made from one (its text, a block, its
# token scan); per-word and per-table functions take a word, a key or a language instead
DOCUMENT_PARAMS = {"text", "doc", "document", "block", "paragraph", "line", "lines", "data", "scan",
                   "scan_utf8", "strings", "tokens"}
_CACHES = {"lru_cache", "cache", "cached"}


def _decorator_name(d: ast.expr) -> str:
    d = d.func if isinstance(d, ast.Call) else d
    return d.attr if isinstance(d, ast.Attribute) else getattr(d, "id", "")


def _cached_functions(tree: ast.Module):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                _decorator_name(d) in _CACHES for d in node.decorator_list):
            yield node


def _document_params(fn: ast.FunctionDef) -> list[str]:
    args = fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs
    return [a.arg for a in args
            if a.arg in DOCUMENT_PARAMS or "Document" in ast.unparse(a.annotation or ast.Constant(""))]


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_no_module_level_cache_is_keyed_by_a_document(path):
    """A cache of a function of the document (its text, its token scan) at module level is
    hidden per-document state: it outlives the document, is shared by every Cleaner, and
    holds texts. Such facts are Document facts (document.py: `once`, `doc.shared`); what
    holds across documents is per word, in the Cleaner's memo."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [f"{fn.name}({', '.join(_document_params(fn))})" for fn in _cached_functions(tree) if _document_params(fn)]
    assert not bad, f"{path.name}: cached functions keyed by a document: {bad}"


def test_the_document_check_catches_a_text_keyed_cache():
    """The check above fails on the shapes it is meant for (and passes a per-word cache)."""
    tree = ast.parse("from functools import lru_cache, cache\n"
                     "@lru_cache(maxsize=8)\ndef a(text: str): ...\n"
                     "@functools.cache\ndef b(doc): ...\n"
                     "@cache\ndef c(x: 'Document'): ...\n"
                     "@lru_cache(maxsize=None)\ndef d(word: str, lang: str): ...\n")
    assert [fn.name for fn in _cached_functions(tree) if _document_params(fn)] == ["a", "b", "c"]


# process-wide stores of reference data that start empty and fill as words are looked up;
# each is named here with why it holds no document state
REFERENCE_STORES = {
    ("frequency.py", "_LOADED"): "wordfreq lists loaded whole: the same values for every document",
    ("frequency.py", "_ASKED"): "how many words each list was asked on disk: decides when the list is "
                                "loaded whole, never what a lookup answers (tests/test_frequency.py)",
}
_EMPTY_MUTABLE = ("dict", "set", "list", "defaultdict", "Counter", "OrderedDict", "deque")


def _is_empty_mutable(value: ast.expr) -> bool:
    if isinstance(value, (ast.Dict, ast.List, ast.Set)):
        return not (value.keys if isinstance(value, ast.Dict) else value.elts)
    if isinstance(value, ast.Call):
        return _decorator_name(value) in _EMPTY_MUTABLE and not value.keywords and not value.args[1:] and (
            not value.args or _decorator_name(value) == "defaultdict")
    return False


@pytest.mark.parametrize("path", DOCUMENT_PATH, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_no_module_level_mutable_state_on_the_document_path(path):
    """No module the rules run through keeps an empty dict or set at module level to fill
    while checking (the shape of a hidden cache): state lives in objects a Cleaner owns
    (its memo) or on the Document."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and _is_empty_mutable(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bad += [ast.unparse(t) for t in targets if (path.name, ast.unparse(t)) not in REFERENCE_STORES]
    assert not bad, f"{path.name}: module-level mutable state: {bad}"
