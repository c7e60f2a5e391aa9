"""Regenerate src/cleanmt/data/romanisation_<lang>.tsv (en, fr, de, es): the romanisation index of
cleanmt.knowledge.romanisation (foreign romanisation of a Russian/Ukrainian word -> the
target language's form). Run after changing the schemes or filters there (bump its
SCHEMA_VERSION) or after upgrading wordfreq or iuliia. Takes about 20 s per language.

Sources and licences: wordfreq word lists (code Apache-2.0, data CC BY-SA 4.0); iuliia
schemes (MIT); the French, German, Spanish and Ukrainian schemes written in the module
from the references its docstring cites.
"""
import time
from pathlib import Path

from cleanmt.knowledge import romanisation as R

DATA = Path(__file__).resolve().parent.parent / "src" / "cleanmt" / "data"

for lang in R.TARGET_LANGS:
    t = time.time()
    rows = R._build(lang)
    out = DATA / f"romanisation_{lang}.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        R.write_tsv(lang, rows, fh)
    print(out, len(rows), "rows", f"{time.time() - t:.0f} s")
