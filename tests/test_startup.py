"""What a plain `cleanmt fix` loads: the modules only some commands or texts need stay out.

Start-up is most of the cost of fixing one small file, and most of it was imports and
tables no rule consulted. These tests pin the structure (which modules a run loads),
not a timing: they fail when a module-level import brings a heavy package back.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# never needed by `fix` without --rewrite, whatever the text
NEVER = ("torch", "transformers", "sentence_transformers", "jinja2", "markupsafe", "datatrove", "babel",
         "langdetect", "rapidfuzz", "sacrebleu", "multiprocessing", "xml.etree.ElementTree",
         "cleanmt.jsonl", "cleanmt.hints", "cleanmt.scoring", "cleanmt.rewrite",
         "cleanmt.report.build", "cleanmt.report.model")
# needed only once a rule looks a word up, or meets non-ASCII text
REFERENCE = ("wordfreq", "langcodes", "ftfy")

PROBE = """
import json, runpy, sys
sys.argv = ["cleanmt", *sys.argv[1:]]
try:
    runpy.run_module("cleanmt", run_name="__main__")
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*args: str, stdin: str = "", cache=None) -> set:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if cache is not None:
        env["CLEANMT_CACHE"] = str(cache)
    p = subprocess.run([sys.executable, "-c", PROBE, *args], input=stdin.encode(), capture_output=True, env=env,
                       timeout=600)
    return set(json.loads(p.stderr.decode().strip().splitlines()[-1]))


def test_plain_fix_loads_no_heavy_module(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Riots once morest the regime , said the mayor.\n", encoding="utf-8")
    # a cache of its own, so that no other checkout's run replaces the tables between the
    # two runs: the first works them out (which may read more); the big built indexes of
    # the user's cache are linked in, not rebuilt
    from cleanmt.corpora import cache_dir

    cache = tmp_path / "cache"
    cache.mkdir()
    if cache_dir().is_dir():
        for f in cache_dir().iterdir():
            if f.is_file() and not f.name.startswith(("anchors-", "derived-")) and f.suffix != ".lock":
                (cache / f.name).symlink_to(f)
    _modules_after("fix", str(path), cache=tmp_path / "cache")
    loaded = _modules_after("fix", str(path), cache=tmp_path / "cache")
    assert not loaded & set(NEVER), sorted(loaded & set(NEVER))
    # nor, for this line, wordfreq: its few plain words are read from the SQLite copy
    # (frequency._stored_zipf), and the gazetteer from its cached table
    assert not loaded & set(REFERENCE), sorted(loaded & set(REFERENCE))


def test_imports_and_rules_load_no_reference_data():
    """Importing the CLI, building its parser and a Cleaner with every rule reads no
    reference package: each is imported where a rule first needs it."""
    code = ("import sys, json\nfrom cleanmt.cli import build_parser\nfrom cleanmt import Cleaner\n"
            "build_parser(); Cleaner()\nprint(json.dumps(sorted(sys.modules)))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True, timeout=600)
    loaded = set(json.loads(out.stdout))
    assert not loaded & set(NEVER + REFERENCE), sorted(loaded & set(NEVER + REFERENCE))


def test_api_reuses_one_cleaner():
    """`cleanmt.fix(text)` builds its Cleaner once per combination of settings."""
    import cleanmt

    cleanmt.fix("Riots once morest the regime.")
    before = cleanmt._cleaner.cache_info().misses
    cleanmt.fix("Another text, once morest.")
    cleanmt.detect("Yet another , text.")
    assert cleanmt._cleaner.cache_info().misses == before


def test_cache_keeps_other_fingerprints_tables(tmp_path):
    """Two checkouts sharing ~/.cache/cleanmt do not delete each other's tables at every
    run (each would work its own out again); the oldest beyond KEEP_STALE go."""
    from cleanmt import anchor_cache

    n = anchor_cache.KEEP_STALE + 3
    for i in range(n):
        old = tmp_path / f"derived-x-{i:020d}.pickle"
        old.write_bytes(b"")
        os.utime(old, ns=(i * 10**9, i * 10**9))
    anchor_cache._write(tmp_path / "derived-x-new.pickle", {"a": 1}, "derived-x-*.pickle")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert "derived-x-new.pickle" in left and len(left) == anchor_cache.KEEP_STALE + 1
    assert f"derived-x-{n - 1:020d}.pickle" in left and f"derived-x-{0:020d}.pickle" not in left


def test_keyed_store_answers_alike_from_disk_and_from_memory(tmp_path):
    """A KeyedStore reads its SQLite copy until `load_after` keys were asked, then the
    table itself; the answers do not depend on which (str and bytes keys, repeats, misses)."""
    from cleanmt.knowledge.keyed_store import KeyedStore

    loads = []
    table = {f"k{i}": (f"v{i}", i / 3) for i in range(3000)} | {b"\xc3\xa9t\xc3\xa9": ("fr", 5.1, 1.0, ("fr",))}

    def load():
        loads.append(1)
        return dict(table)

    store = KeyedStore(tmp_path / "t.sqlite", load, load_after=100)
    asks = [["k1", "k1", "nope", "k2999"], [b"\xc3\xa9t\xc3\xa9", b"x"], [f"k{i}" for i in range(0, 3000, 7)], ["k5"]]
    answers = [store.get_many(keys) for keys in asks]
    for keys, got in zip(asks, answers):
        assert got == {k: table[k] for k in set(keys) if k in table}
    assert store._table is not None and store._asked <= 100  # the third ask went to the table
    fresh = KeyedStore(tmp_path / "t.sqlite", load, load_after=10**6)  # the file written above
    n = len(loads)
    assert [fresh.get_many(keys) for keys in asks] == answers and len(loads) == n  # all from disk


def test_warm_loads_what_forked_workers_read():
    """`-j N` forks after Cleaner.warm: the tables read key by key from disk so far are
    then loaded whole, so each worker inherits them instead of loading its own."""
    from cleanmt import Cleaner, frequency
    from cleanmt.knowledge import keyed_store

    Cleaner().warm()
    assert ("en", "best") in frequency._LOADED
    assert all(store._table is not None for store in list(keyed_store._STORES))


def test_an_english_text_never_loads_a_source_language_whole():
    """UNT010 (a German noun), UNT009 and CAS004 (a source language's compounds) read
    German, French, Spanish and Dutch word by word from disk: an English run holds no
    source language's dictionary or large word list (German's: 150 + 70 MB)."""
    probe = """
import json, wordfreq
from cleanmt.engine import Cleaner
from cleanmt.knowledge import dictionary
asked = []
real = wordfreq.get_frequency_dict
wordfreq.get_frequency_dict = lambda lang, wordlist="best": asked.append((lang, wordlist)) or real(lang, wordlist)
real_index = dictionary._index
dictionary._index = lambda lang: asked.append(("dictionary", lang)) or real_index(lang)
text = ("The city launched an Ausschreibung for the bridge; workers asked for more Mitbestimmung. "
        "The government porte-parole spoke in the nord-est, near the sint-jan market.")
found = sorted({f.rule for f in Cleaner(lang="en").detect(text)})
print(json.dumps([found, sorted({a for a in asked if a[0] != "en" and a[1] != "en"})]))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.run([sys.executable, "-c", probe], capture_output=True, env=env, timeout=600, text=True)
    found, foreign = json.loads(p.stdout.strip().splitlines()[-1])
    assert {"UNT009", "UNT010"} <= set(found)
    assert [a for a in foreign if a[1] == "best" or a[0] == "dictionary"] == []


def test_keyed_store_counts_each_query_and_an_unbounded_store_never_loads(tmp_path):
    """Asked word by word, a store loads its table after load_after / (1 + QUERY_KEYS)
    queries (each query costs more than its one key); with load_after=inf it answers from
    disk however much it is asked (the source languages' tables of an English run)."""
    from cleanmt.knowledge import keyed_store
    from cleanmt.knowledge.keyed_store import KeyedStore

    table = {f"k{i}": i for i in range(500)}
    KeyedStore(tmp_path / "a.sqlite", lambda: dict(table)).get_many(["k0"])  # writes the SQLite copy
    bounded = KeyedStore(tmp_path / "a.sqlite", lambda: dict(table), load_after=10 * (1 + keyed_store.QUERY_KEYS))
    for i in range(10):
        assert bounded.get_many([f"k{i}"]) == {f"k{i}": i}
        assert bounded._table is None  # ten single-key queries fit
    assert bounded.get_many(["k11"]) == {"k11": 11} and bounded._table is not None
    loads = []
    unbounded = KeyedStore(tmp_path / "a.sqlite", lambda: loads.append(1) or dict(table), load_after=float("inf"))
    assert all(unbounded.get_many([f"k{i}", "nope"]) == {f"k{i}": i} for i in range(500))
    assert unbounded._table is None and loads == []
