"""Settings from a file, found as ruff finds its own: `cleanmt.toml` or the
`[tool.cleanmt]` table of `pyproject.toml`, in the current directory or the
nearest one above it (a `pyproject.toml` without that table is passed over;
in one directory `cleanmt.toml` wins). `--config FILE` names the file, `--isolated`
reads none. Options given on the command line win over the file.

    [tool.cleanmt]            # or, in cleanmt.toml, the same keys at top level
    lang = "fr"
    select = ["quotes", "PUN"]
    ignore = ["PUN002"]
    include = ["*.txt", "*.md"]
    exclude = ["drafts"]

    [tool.cleanmt.fix]        # keys for one command only
    min-confidence = 0.9

Relative paths in the file (`names`) are read from the file's directory. An
unknown key, a value of the wrong type or a file that is not TOML is a usage
error (exit 2) that names the file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Optional

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .io import InputError

COMMANDS = ("detect", "fix")


def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and 0.0 <= v <= 1.0


# key -> (check, what it must be)
KEYS = {
    "select": (_str_list, "a list of rule selectors"),
    "ignore": (_str_list, "a list of rule selectors"),
    "lang": (lambda v: v in ("auto", "en", "fr", "es", "de"), "one of auto, en, fr, es, de"),
    "source": (lambda v: isinstance(v, str), "a language code or auto"),
    "min-confidence": (_number, "a number from 0 to 1"),
    "keep-boilerplate": (lambda v: isinstance(v, bool), "true or false"),
    "include": (_str_list, "a list of file name patterns"),
    "exclude": (_str_list, "a list of file or directory name patterns"),
    "output-format": (lambda v: isinstance(v, str), "an output format name"),
    "names": (lambda v: isinstance(v, str), "a path to a names file"),
}


@dataclass
class Config:
    path: Optional[str] = None  # the file read, None when none was
    values: dict = field(default_factory=dict)  # merged keys for one command, '-' spelling

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def find_config(start: Optional[str] = None) -> Optional[str]:
    """The nearest cleanmt.toml, or pyproject.toml with [tool.cleanmt], at or above `start`."""
    d = os.path.abspath(start or os.getcwd())
    while True:
        own = os.path.join(d, "cleanmt.toml")
        if os.path.isfile(own):
            return own
        py = os.path.join(d, "pyproject.toml")
        if os.path.isfile(py) and _has_table(py):
            return py
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _has_table(path: str) -> bool:
    try:
        return "cleanmt" in _read(path).get("tool", {})
    except InputError:
        return False  # someone else's broken pyproject.toml is not our business unless named


def _read(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(f"{path}: no such config file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a config file") from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: not valid TOML ({e})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8") from None


def load_config(command: str, path: Optional[str] = None, isolated: bool = False) -> Config:
    """The settings for `command` (detect or fix): the named file, else the one found."""
    if isolated:
        return Config()
    path = path or find_config()
    if path is None:
        return Config()
    raw = _read(path)
    if os.path.basename(path) == "pyproject.toml" or "tool" in raw and "cleanmt" in raw.get("tool", {}):
        raw = raw.get("tool", {}).get("cleanmt", {})
    if not isinstance(raw, dict):
        raise InputError(f"{path}: [tool.cleanmt] must be a table")
    values: dict = {}
    for scope in (None, command):
        table = raw if scope is None else raw.get(scope, {})
        if not isinstance(table, dict):
            raise InputError(f"{path}: [{scope}] must be a table")
        for key, v in table.items():
            if scope is None and key in COMMANDS:
                continue
            if key not in KEYS:
                known = ", ".join(sorted(KEYS) + list(COMMANDS))
                raise InputError(f"{path}: unknown key {key!r} (known: {known})")
            check, what = KEYS[key]
            if not check(v):
                raise InputError(f"{path}: {key} must be {what}, not {v!r}")
            values[key] = v
    for scope in COMMANDS:  # the other command's table is checked too: a typo shows at once
        if scope != command and isinstance(raw.get(scope), dict):
            for key in raw[scope]:
                if key not in KEYS:
                    raise InputError(f"{path}: unknown key {key!r} in [{scope}]")
    if "names" in values:
        values["names"] = os.path.join(os.path.dirname(os.path.abspath(path)), values["names"])
    return Config(path=path, values=values)
