"""Mojibake repair against ftfy's own test cases: is default `cleanmt fix` at least as good?

ftfy's repository keeps its test cases as JSON (tests/test-cases/in-the-wild.json and
synthetic.json: 100 cases, each an `original`, the expected `fixed` text and, where the
encoding fix alone differs, `fixed-encoding`). For every case that `ftfy.fix_encoding`
repairs in full, this runs `cleanmt.fix` (default settings, --lang from the expected
text: langdetect, fr/es/de where it says so, else en) and counts two ways:

- same as ftfy: cleanmt's text is ftfy's, character for character;
- encoding rules alone: the same with `--select encoding`, the repair by itself;
- mojibake repaired: cleanmt's text is what cleanmt makes of the correctly decoded
  text (ftfy's). The other rules apply the target's conventions on top of any repair
  ("„scars“" has German quotes in an English sentence; "Riga" is the English name),
  so this asks only whether the garble cost anything: fixing it ends where fixing
  the right text does.

The cases are not shipped here (ftfy is Apache-2.0; read them from a checkout or an
sdist of ftfy): pass the folder that holds the JSON files.

    git clone https://github.com/rspeer/python-ftfy /tmp/python-ftfy
    python benchmarks/ftfy_cases.py /tmp/python-ftfy/tests/test-cases [--show 20]

Precision: ftfy's negative cases (negative.json, text that only looks like mojibake)
are run through the encoding rules; the count of those they change is printed,
beside ftfy.fix_encoding's own. Prints the counts and, for each case that fails either, the case's label, what was
expected and what cleanmt gave. Exit status 0 always (a measurement, not a test).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FILES = ("in-the-wild.json", "synthetic.json")
NEGATIVE = "negative.json"  # text that only looks like mojibake: must be left alone
LANGS = ("en", "fr", "es", "de")


def load_cases(folder: Path, files=FILES) -> list[dict]:
    cases = []
    for name in files:
        path = folder / name
        if not path.is_file():
            sys.exit(f"ftfy_cases: {path}: not found (pass ftfy's tests/test-cases folder)")
        cases += json.loads(path.read_text(encoding="utf-8"))
    return cases


def target_lang(text: str) -> str:
    """The cleanmt target language a user would pass for `text`."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0  # langdetect is random without a seed
    try:
        best = detect_langs(text)[0]
    except LangDetectException:  # no letters
        return "en"
    return best.lang if best.lang in LANGS and best.prob >= 0.8 else "en"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="ftfy's tests/test-cases folder")
    ap.add_argument("--show", type=int, default=100, help="failures to print")
    args = ap.parse_args(argv)

    import ftfy

    import cleanmt

    cases = load_cases(args.folder)
    ftfy_ok, same, repaired, alone, failures = 0, 0, 0, 0, []
    for case in cases:
        expected = case.get("fixed-encoding", case["fixed"])
        if ftfy.fix_encoding(case["original"]) != expected:
            continue  # ftfy itself does not repair it in full
        ftfy_ok += 1
        lang = target_lang(expected)
        got = cleanmt.fix(case["original"], lang=lang).fixed
        on_clean = cleanmt.fix(expected, lang=lang).fixed
        same += got == expected
        alone += cleanmt.fix(case["original"], lang=lang, select=["encoding"]).fixed == expected
        repaired += got == on_clean
        if got != expected:
            failures.append((case, lang, expected, on_clean, got))
    print(f"cases: {len(cases)}; repaired in full by ftfy.fix_encoding: {ftfy_ok}")
    print(f"cleanmt fix, same text as ftfy:  {same} of {ftfy_ok}")
    print(f"encoding rules alone (--select encoding), same text as ftfy: {alone} of {ftfy_ok}")
    print(f"cleanmt fix, mojibake repaired:  {repaired} of {ftfy_ok} (same text as cleanmt fix of ftfy's)")
    negatives = load_cases(args.folder, (NEGATIVE,))
    ftfy_changed = cleanmt_changed = 0
    for case in negatives:
        text = case["original"]
        lang = target_lang(text)
        ftfy_changed += ftfy.fix_encoding(text) != text
        if cleanmt.fix(text, lang=lang, select=["encoding"]).fixed != text:
            cleanmt_changed += 1
            print(f"negative case changed: {case['label']} (--lang {lang})")
    print(f"negative cases: {len(negatives)}; changed by ftfy.fix_encoding: {ftfy_changed}; "
          f"by cleanmt's encoding rules: {cleanmt_changed}")
    for case, lang, expected, on_clean, got in failures[: args.show]:
        verdict = "repaired; other rules differ from ftfy" if got == on_clean else "NOT REPAIRED"
        print(f"\n- {case['label']} (--lang {lang}): {verdict}")
        print(f"  original:           {case['original']!r}")
        print(f"  ftfy:               {expected!r}")
        if on_clean != expected:
            print(f"  cleanmt of ftfy's:  {on_clean!r}")
        print(f"  cleanmt:            {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
