"""A big lookup table read key by key from disk, until a run has asked enough to load it.

Why: the foreign-word table of UNT004 (knowledge/wordstats.py) and wordfreq's English
list (frequency.py) cost a tenth of a second or more to load, and a run over one small
file asks them about a few dozen words. Those are read from an SQLite copy of the table
beside its pickle in a millisecond. (The spinner's swap index is a packed table that
loads in ~30 ms: it is read whole.) A run that asks about
many keys (a corpus, a big file) loads the whole table once, after LOAD_AFTER keys,
and answers from memory from then on: the answers are the same either way, only
where they come from changes.

The SQLite copy is written from the table the first time it is needed (atomically,
beside the pickle, so it shares its name's versions); where it cannot be written or
read, the table is loaded whole, as before.
"""
from __future__ import annotations

import os
import pickle
import threading
import weakref
from pathlib import Path
from typing import Callable, Iterable

LOAD_AFTER = 20_000  # keys asked before the whole table is loaded (~15 ms of queries)
QUERY_KEYS = 20  # what one query costs beyond its keys, in keys (a rule asking word by word)
_CHUNK = 500  # keys per query (SQLite allows at least 999 parameters)
_STORES: "weakref.WeakSet[KeyedStore]" = weakref.WeakSet()  # for load_all


def load_all() -> None:
    """Load every store's table now: worker processes forked after this (`cleanmt -j N`,
    after Cleaner.warm) inherit the tables instead of each loading its own."""
    for store in list(_STORES):
        store.table()


class KeyedStore:
    """`get_many(keys)`: the entries of `load()`'s dict for those keys, from `path`
    (an SQLite file made from the dict) until LOAD_AFTER keys were asked, then from
    the dict itself."""

    def __init__(self, path: Path, load: Callable[[], dict], load_after: float = LOAD_AFTER,
                 register: bool = True):
        self.path = Path(path)
        self._load = load
        self._load_after = load_after
        self._asked = 0
        self._table = None
        self._keys = None
        self._db = None
        self._lock = threading.Lock()
        self._pid = None
        if register:  # (a store whose owner loads its data otherwise: see frequency.load_asked)
            _STORES.add(self)

    def table(self) -> dict:
        """The whole table, loaded once."""
        if self._table is None:
            self._table = self._load()
        return self._table

    def get_many(self, keys: Iterable) -> dict:
        """{key: entry} for the keys of `keys` (str or bytes, repeats allowed) that the
        table holds."""
        if self._table is None:
            wanted = list(set(keys))
            if self._asked + len(wanted) + QUERY_KEYS <= self._load_after:
                self._asked += len(wanted) + QUERY_KEYS
                found = self._query(wanted)
                if found is not None:
                    return found
        table = self.table()
        if self._keys is None:
            self._keys = frozenset(table)
        return {k: table[k] for k in self._keys.intersection(keys)}  # (one C-speed pass)

    def _query(self, keys: list) -> dict | None:
        with self._lock:  # one connection, used by one thread at a time
            db = self._connect()
            if db is None:
                return None
            out = {}
            try:
                for i in range(0, len(keys), _CHUNK):
                    part = keys[i : i + _CHUNK]
                    marks = ",".join("?" * len(part))
                    for k, v in db.execute(f"SELECT k, v FROM t WHERE k IN ({marks})", part):
                        out[k] = pickle.loads(v)
            except Exception:  # sqlite3.Error, a damaged file: the dict answers instead
                self._db = False
                return None
            return out

    def _connect(self):
        if self._pid != os.getpid():  # a forked process never shares its parent's connection
            self._db, self._pid = None, os.getpid()
        if self._db is None:
            import sqlite3

            if not self.path.exists():
                self._write(self.table())
            try:
                self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                self._db.execute("SELECT count(*) FROM t LIMIT 1")
            except sqlite3.Error:
                self._db = False
        return self._db or None

    def _write(self, table: dict) -> None:
        import sqlite3

        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(tmp)
            db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")
            db.executemany("INSERT INTO t VALUES (?, ?)",
                           ((k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in table.items()))
            db.commit()
            db.close()
            os.replace(tmp, self.path)
        except (OSError, sqlite3.Error):
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def __getstate__(self):  # (a worker given a store reopens its own connection)
        state = dict(self.__dict__)
        state.update(_db=None, _lock=None, _pid=None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.Lock()
