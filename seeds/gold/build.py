"""Turn seeds/gold/annotations.py into seeds/gold/<seed>.jsonl (offsets computed).

    python seeds/gold/build.py          # write the JSONL files
    python seeds/gold/build.py --check  # exit 1 if the committed files are stale

Why a generator: offsets counted by hand are wrong; a locator ("context⟦target⟧
context" or a whole line) is easy to check by eye and unambiguous to resolve.
"""
from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent
OPEN, CLOSE = "⟦", "⟧"


class LocatorError(ValueError):
    pass


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _pick(found: list[int], occ, what: str) -> int:
    if not found:
        raise LocatorError(f"not found: {what!r}")
    if occ is None:
        if len(found) != 1:
            raise LocatorError(f"{len(found)} occurrences, give occ=: {what!r}")
        return found[0]
    if occ >= len(found):
        raise LocatorError(f"occ={occ} but only {len(found)} occurrences: {what!r}")
    return found[occ]


def locate_span(text: str, locator: str, occ=None) -> tuple[int, int]:
    if locator.count(OPEN) != 1 or locator.count(CLOSE) != 1:
        raise LocatorError(f"locator needs exactly one {OPEN}…{CLOSE}: {locator!r}")
    left, rest = locator.split(OPEN)
    target, right = rest.split(CLOSE)
    at = _pick(_occurrences(text, left + target + right), occ, locator)
    return at + len(left), at + len(left) + len(target)


def locate_line(text: str, line: str, occ=None) -> tuple[int, int]:
    """Start/end of the line's own text (without its line break)."""
    starts = [i for i in _occurrences(text, line)
              if (i == 0 or text[i - 1] == "\n") and (i + len(line) == len(text) or text[i + len(line)] == "\n")]
    at = _pick(starts, occ, line)
    return at, at + len(line)


def _breaks_after(text: str, end: int) -> int:
    while end < len(text) and text[end] == "\n":
        end += 1
    return end


def _breaks_before(text: str, start: int) -> int:
    while start > 0 and text[start - 1] == "\n":
        start -= 1
    return start


def build_seed(text: str, annotations: list) -> list[dict]:
    """Resolve every locator; apply the whole-line deletion convention (README.md)."""
    items = []
    for kind, category, locator, fix, note, optional, occ in annotations:
        if kind == "span":
            start, end = locate_span(text, locator, occ)
        else:
            start, end = locate_line(text, locator, occ)
        items.append({"kind": kind, "start": start, "end": end, "category": category,
                      "fix": fix, "note": note, "optional": optional})
    # Whole-line deletions take the line breaks that follow them, except a run of
    # deleted lines that ends the document: that run takes the breaks before it,
    # so the text keeps its paragraph separators and its (absent) final newline.
    lines = sorted((it for it in items if it["kind"] == "line"), key=lambda it: it["start"])
    tail_from = len(text)
    for it in reversed(lines):
        if text[it["end"]:tail_from].strip("\n") == "":
            tail_from = it["start"]
        else:
            break
    for it in lines:
        if it["start"] >= tail_from:
            it["start"] = _breaks_before(text, it["start"])
        else:
            it["end"] = _breaks_after(text, it["end"])
    items.sort(key=lambda it: (it["start"], -it["end"]))
    # nesting: an item inside a deletion (an encoding slip inside a link line)
    for it in items:
        it["within"] = None
        for other in items:
            if other is not it and other["fix"] == "" and other["start"] <= it["start"] and it["end"] <= other["end"] \
                    and (other["end"] - other["start"]) > (it["end"] - it["start"]):
                it["within"] = other
    out = []
    for n, it in enumerate(items):
        it["id"] = n
    for it in items:
        out.append({
            "id": it["id"],
            "start": it["start"],
            "end": it["end"],
            "text": text[it["start"]:it["end"]],
            "category": it["category"],
            "fix": it["fix"],
            "note": it["note"],
            "optional": it["optional"],
            "whole_line": it["kind"] == "line",
            "within": None if it["within"] is None else it["within"]["id"],
        })
    return out


def render(items: list[dict]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def main(argv: list[str]) -> int:
    annotations = runpy.run_path(str(HERE / "annotations.py"))["ANNOTATIONS"]
    stale = []
    for name, anns in sorted(annotations.items()):
        text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        rendered = render(build_seed(text, anns))
        path = HERE / f"{name}.jsonl"
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != rendered:
                stale.append(path.name)
        else:
            path.write_text(rendered, encoding="utf-8")
            print(f"{path.name}: {rendered.count(chr(10))} items")
    if stale:
        print("stale gold files (run seeds/gold/build.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
