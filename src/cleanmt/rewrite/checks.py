"""Hard faithfulness checks: each finds one way a rewrite changes what a sentence says.

Both sides are compared as keys (rewrite/equivalence.py), so what the project's
tables call the same thing (Moscou/Moscow, OTSC/CSTO, 5,6/5.6, per cent/percent)
is never a change. The token sequences are aligned (rapidfuzz's Levenshtein
opcodes over keys); each changed region is then

  * licensed when it lies in a finding of the original and writes that finding's
    replacement (the rules' own fix, or a deletion of boilerplate);
  * a model repair when it lies in a finding but writes something else: allowed,
    if it passes every specific check below;
  * unflagged otherwise: a content word changed, dropped or added where nothing
    was flagged is a hard failure ("figures" -> "figsures", "allowed" -> "banned",
    a dropped clause, a hallucinated addition).

Specific checks, over the whole sentence: every new word is a word of the target
language (Hunspell list or wordfreq) unless the original had it or a table gives
it as a canonical form; numbers, numbers inside tokens (Covid-19) and number/date
words are the same multiset; names (capitalised mid-sentence, in a gazetteer, or
not a lower-case dictionary word) are kept at any position; no antonym by a
negation prefix (legal -> illegal), the same count of negators; modal verbs keep
their class (could -> will is not might -> could); quantifiers and the unit after
a number are the same; words that occur once on both sides keep their order
(who did what to whom).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from rapidfuzz.distance import Levenshtein

from . import equivalence as eq

NEGATORS = {"en": set("not no never nor neither none nobody nothing nowhere cannot without".split()),
            "fr": set("ne n pas jamais aucun aucune rien personne sans ni".split()),
            "es": set("no nunca jamás ningún ninguna nada nadie sin ni".split()),
            "de": set("nicht kein keine keinen keinem keiner nie niemals nichts niemand ohne weder".split())}
# Modal verbs by what they assert; a repair may swap within a class (might -> could).
MODAL_CLASSES = {"en": {"possible": "can could may might", "predicted": "will would shall 'll",
                        "required": "must should ought"}}
QUANTIFIERS = {"en": set("all every each some any few many most several both either much more less fewer "
                         "least no none half".split())}
NUMBER_WORDS = {"en": set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions trillion dozen dozens twice thrice first second "
    "third fourth fifth sixth seventh eighth ninth tenth january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tomorrow tonight".split())}
# Prefixes that make an antonym of an English word (legal/illegal, likely/unlikely).
NEGATION_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-", "anti", "anti-", "a", "mis", "de")
FUNCTION_WORDS_N = 120  # the most frequent words of a language: dropping "the" is not a dropped clause


@cache
def function_words(lang: str) -> frozenset:
    from wordfreq import top_n_list

    content = {"said", "people", "time", "year", "years", "day", "new", "good", "world", "life", "man", "home",
               "work", "way", "right", "great", "best", "love", "long", "last"} | NUMBER_WORDS.get(lang, set())
    return frozenset(w for w in top_n_list(lang, FUNCTION_WORDS_N) if w not in content and w.isalpha())


@lru_cache(maxsize=1 << 15)
def is_word(word: str, lang: str) -> bool:
    """A word of `lang`: in its Hunspell list, or common enough in wordfreq (zipf >= 3)."""
    from wordfreq import zipf_frequency

    from ..knowledge import dictionary

    parts = [p for p in word.replace("’", "'").split("-") if p]
    for p in parts:
        p = p[:-2] if p.lower().endswith("'s") else p
        if not p.isalpha():
            continue
        if dictionary.forms(p, lang) or zipf_frequency(p, lang) >= 3.0:
            continue
        return False
    return True


def _modal(k: str, lang: str):
    for cls, words in MODAL_CLASSES.get(lang, {}).items():
        if k in words.split():
            return cls
    return None


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“”‘’«»([")
    return not before or before[-1] in ".!?:;…"


def is_name(tok, text: str, lang: str) -> bool:
    """A capitalised token that names someone or something: mid-sentence, or at the
    start of a sentence when the dictionary has no lower-case form of it."""
    k, surface, start, _ = tok
    if not surface[:1].isupper() or k.startswith("#"):
        return False
    if not _at_sentence_start(text, start):
        return True
    from ..knowledge import dictionary

    if k in eq.canonical_forms(lang):
        return True
    return not (dictionary.case_class(surface, lang) & dictionary.LOWER) and not _common(k, lang)


def _common(k: str, lang: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(k, lang) >= 4.5 and k in _lower_words(lang)


@cache
def _lower_words(lang: str) -> frozenset:
    from ..knowledge import dictionary

    return dictionary.lower_words(lang)


def _antonym(a: str, b: str, lang: str) -> bool:
    if lang != "en" or a == b:
        return False
    for x, y in ((a, b), (b, a)):
        for p in NEGATION_PREFIXES:
            if y == p + x and is_word(x, lang):
                return True
    return False


def regions(ta, tb):
    """Changed regions of the key sequences: (tag, i1, i2, j1, j2)."""
    ops = Levenshtein.opcodes([t[0] for t in ta], [t[0] for t in tb])
    return [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in ops if o.tag != "equal"]


def _span(ta, i1, i2, text_len):
    if i1 < i2:
        return ta[i1][2], ta[i2 - 1][3]
    pos = ta[i1 - 1][3] if i1 else 0
    return pos, (ta[i1][2] if i1 < len(ta) else text_len)


def _region_finding(findings, a, b):
    return [f for f in findings if f.start < b and f.end > a or (a == b and f.start <= a <= f.end)
            or (f.start == f.end and a <= f.start <= b)]


def check(original: str, rewrite: str, lang: str = "en", findings=()) -> tuple[list[str], dict]:
    """(reasons, facts): reasons is empty when no hard check fails; facts counts the
    regions that were licensed, repaired inside a finding, or unflagged."""
    ta, tb = eq.tokens(original, lang), eq.tokens(rewrite, lang)
    reasons: list[str] = []
    facts = {"licensed": 0, "in_finding": 0, "unflagged": 0, "changed_regions": 0}
    fw = function_words(lang)
    orig_keys = {t[0] for t in ta}
    canon = eq.canonical_forms(lang)
    new_tokens = []
    edits = _equal_surfaces(ta, tb)
    for tag, i1, i2, j1, j2 in regions(ta, tb):
        facts["changed_regions"] += 1
        a, b = _span(ta, i1, i2, len(original))
        fs = _region_finding(findings, a, b)
        new = [t[0] for t in tb[j1:j2]]
        if i2 - i1 == j2 - j1 and all(x[0][:1] == y[0][:1] == "#" and eq.same_number(x[0], y[0])
                                      for x, y in zip(ta[i1:i2], tb[j1:j2])):
            continue  # the same number in another convention: 5,6 -> 5.6, 20,000 -> 20000
        if any(f.replacement is not None and set(new) <= {t[0] for t in eq.tokens(f.replacement, lang)}
               for f in fs):
            facts["licensed"] += 1
            if i1 < i2 and j1 < j2:
                edits.append((a, b, rewrite[tb[j1][2] : tb[j2 - 1][3]]))
            continue
        new_tokens.extend(tb[j1:j2])
        old = [t[0] for t in ta[i1:i2]]
        content_old = [k for k in old if k not in fw and not k.startswith("#")]
        content_new = [k for k in new if k not in fw and not k.startswith("#")]
        if fs:
            facts["in_finding"] += 1
            # a repair replaces the flagged words; it does not grow a clause out of them
            # (" ." -> ", the ministry said.")
            letters = any(c.isalpha() for f in fs for c in original[f.start : f.end])
            if len(content_new) > len(content_old) + 1 or (content_new and not letters and not content_old):
                reasons.append(f"adds words at a finding: {' '.join(t[1] for t in tb[j1:j2])!r}")
            elif content_old and not content_new:  # "d’adresser la question" -> "de la question"
                reasons.append(f"drops flagged words without a replacement: {' '.join(t[1] for t in ta[i1:i2])!r}")
            elif not any(f.start - 1 <= a and b <= f.end + 1 for f in fs):
                reasons.append(f"changes words beyond the finding: {original[a:b]!r}")
            continue
        if tag == "delete" and all(k in fw or _repeated(ta, i, k) for i, k in zip(range(i1, i2), old)):
            continue  # "the the" -> "the"
        if tag == "insert" and not content_new:
            continue  # an article or a preposition put back
        if True:
            facts["unflagged"] += 1
            what = " ".join(t[1] for t in ta[i1:i2]) or "∅"
            to = " ".join(t[1] for t in tb[j1:j2]) or "∅"
            reasons.append(f"changes words no finding flagged: {what!r} -> {to!r}")
    if not reasons:
        reasons.extend(_unflagged_marks(original, rewrite, ta, tb, findings))
    if len(_BROKEN_MARKS.findall(rewrite)) > len(_BROKEN_MARKS.findall(original)):
        reasons.append("leaves broken punctuation (a doubled mark, or a mark after an opening bracket): "
                       + ", ".join(repr(m) for m in _BROKEN_MARKS.findall(rewrite)))
    # The rules' own repair of the original is faithful by definition: a global check
    # fails only when the rewrite differs both from the original and from that repair.
    repaired = apply_findings(original, findings)
    tr = eq.tokens(repaired, lang) if repaired != original else ta
    known = orig_keys | {t[0] for t in tr}
    bad = [t[1] for t in new_tokens if t[0] not in known and t[0] not in canon and not t[0].startswith("#")
           and any(c.isalpha() for c in t[1]) and not is_word(t[1], lang)]
    if bad:
        reasons.append("not a word of the language: " + ", ".join(bad))
    for fn, args in ((_numbers, (lang,)), (_names, (original, rewrite, lang, findings)), (_polarity, (lang,)),
                     (_classes, (lang,)), (_order, (fw,))):
        found = fn(ta, tb, *args)
        if found and tr is not ta:
            alt = (repaired,) + args[1:] if fn is _names else args
            if not fn(tr, tb, *alt):
                continue
        reasons.extend(found)
    facts["normalised_original"] = _apply(original, edits)
    return reasons, facts


# What no repair writes: "u.." from "u.a.", "blood..", ",,", "(." (an ellipsis is three dots).
_BROKEN_MARKS = re.compile(r"(?<!\.)\.\.(?!\.)|,,|;;|[,;:]\.|\(\s*[.,;:]")


def _equal_surfaces(ta, tb):
    """(start, end, surface) edits that write the rewrite's spelling over each token of
    the original with the same key (Moscou -> Moscow): what is left differs in meaning."""
    out = []
    for o in Levenshtein.opcodes([t[0] for t in ta], [t[0] for t in tb]):
        if o.tag == "equal":
            for x, y in zip(ta[o.src_start : o.src_end], tb[o.dest_start : o.dest_end]):
                if x[1] != y[1]:
                    out.append((x[2], x[3], y[1]))
    return out


def _apply(text: str, edits) -> str:
    out, pos = [], 0
    for a, b, r in sorted(set(edits)):
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(r)
        pos = b
    out.append(text[pos:])
    return "".join(out)


def apply_findings(text: str, findings) -> str:
    """`text` with every finding that has a replacement applied (the first of overlapping ones)."""
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.replacement is None or f.start < pos:
            continue
        out.append(text[pos : f.start])
        out.append(f.replacement)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def _unflagged_marks(original: str, rewrite: str, ta, tb, findings) -> list[str]:
    """Punctuation or spacing changed between two kept words where no finding was:
    "blood." -> "blood..", "said (." (the gaps around changed words are the regions')."""
    ops = Levenshtein.opcodes([t[0] for t in ta], [t[0] for t in tb])
    pairs = [(-1, -1)]
    for o in ops:
        if o.tag == "equal":
            pairs.extend(zip(range(o.src_start, o.src_end), range(o.dest_start, o.dest_end)))
    pairs.append((len(ta), len(tb)))

    def gap(text, toks, i, j):
        a = toks[i][3] if i >= 0 else 0
        b = toks[j][2] if j < len(toks) else len(text)
        return a, b, text[a:b]

    for (i, j), (i2, j2) in zip(pairs, pairs[1:]):
        if i2 != i + 1 or j2 != j + 1:
            continue  # a changed region lies between: checked as a region
        if (0 <= i and i2 < len(ta) and ta[i][2] == ta[i2][2]) or (0 <= j and j2 < len(tb) and tb[j][2] == tb[j2][2]):
            continue  # the two halves of one contraction: couldn't = could not
        a, b, was = gap(original, ta, i, i2)
        _, _, now = gap(rewrite, tb, j, j2)
        if was != now and not (was.strip() == now.strip() and (i < 0 or i2 == len(ta))):
            if not any(f.start - 1 <= b and f.end + 1 >= a for f in findings):
                return [f"changes punctuation or spacing no finding flagged: {was!r} -> {now!r}"]
    return []


def _repeated(ta, i, k) -> bool:
    return (i > 0 and ta[i - 1][0] == k) or (i + 1 < len(ta) and ta[i + 1][0] == k)


def _numbers(ta, tb, lang):
    out = []
    na = [t[0] for t in ta if t[0].startswith("#")]
    nb = [t[0] for t in tb if t[0].startswith("#")]
    left = list(nb)
    lost = []
    for k in na:
        m = next((x for x in left if eq.same_number(k, x)), None)
        if m is None:
            lost.append(k[1:])
        else:
            left.remove(m)
    if lost or left:
        out.append(f"changes numbers: {lost} -> {[x[1:] for x in left]}")
    inner_a = Counter(t[0] for t in ta if not t[0].startswith("#") and any(c.isdigit() for c in t[0]))
    inner_b = Counter(t[0] for t in tb if not t[0].startswith("#") and any(c.isdigit() for c in t[0]))
    if inner_a != inner_b:
        out.append(f"changes a number inside a token: {sorted((inner_a - inner_b).elements())} -> "
                   f"{sorted((inner_b - inner_a).elements())}")
    words = NUMBER_WORDS.get(lang, set())
    wa = Counter(t[0] for t in ta if t[0] in words and (t[0] not in ("may", "march", "second") or t[1][0].isupper()))
    wb = Counter(t[0] for t in tb if t[0] in words and (t[0] not in ("may", "march", "second") or t[1][0].isupper()))
    if wa != wb:
        out.append(f"changes number or date words: {sorted((wa - wb).elements())} -> {sorted((wb - wa).elements())}")
    return out


def _names(ta, tb, original, rewrite, lang, findings=()):
    """Names kept at any position; a common word capitalised mid-sentence, unless it
    follows another name ("Emmanuel macron" -> "Emmanuel Macron"), is a new name."""
    out = []
    na = Counter(t[0] for t in ta if is_name(t, original, lang))
    nb = Counter(t[0] for t in tb if is_name(t, rewrite, lang))
    keys_a, keys_b = Counter(t[0] for t in ta), Counter(t[0] for t in tb)
    dropped = [k for k in na if keys_b[k] < keys_a[k]]
    added = [k for k in nb if keys_a[k] < keys_b[k]]
    if dropped:
        out.append("drops or changes name(s): " + ", ".join(dropped))
    if added:
        out.append("adds name(s): " + ", ".join(added))
    surf_a = {t[0]: t[1] for t in ta}
    flagged = {t[0] for t in ta if _region_finding(findings, t[2], t[3])}
    caps = [t[1] for n, t in enumerate(tb) if t[0] in surf_a and t[0] not in flagged
            and surf_a[t[0]][:1].islower() and t[1][:1].isupper() and not _at_sentence_start(rewrite, t[2])
            and t[0] in _lower_words(lang) and t[0] not in eq.canonical_forms(lang)
            and not (n and tb[n - 1][1][:1].isupper() and not _at_sentence_start(rewrite, tb[n - 1][2]))]
    if caps:
        out.append("capitalises common word(s) as names: " + ", ".join(caps))
    return out


def _polarity(ta, tb, lang):
    out = []
    neg = NEGATORS.get(lang, set())
    ca = sum(t[0] in neg for t in ta)
    cb = sum(t[0] in neg for t in tb)
    if ca != cb:
        out.append(f"{'drops' if cb < ca else 'adds'} a negation ({ca} -> {cb})")
    for tag, i1, i2, j1, j2 in regions(ta, tb):
        if tag == "replace":
            for x in ta[i1:i2]:
                for y in tb[j1:j2]:
                    if _antonym(x[0], y[0], lang):
                        out.append(f"antonym by a negation prefix: {x[1]!r} -> {y[1]!r}")
    return out


def _classes(ta, tb, lang):
    out = []
    ma = Counter(c for c in (_modal(t[0], lang) for t in ta) if c)
    mb = Counter(c for c in (_modal(t[0], lang) for t in tb) if c)
    if ma != mb:
        out.append(f"changes modality: {dict(ma)} -> {dict(mb)}")
    q = QUANTIFIERS.get(lang, set())
    qa, qb = Counter(t[0] for t in ta if t[0] in q), Counter(t[0] for t in tb if t[0] in q)
    if qa != qb:
        out.append(f"changes quantifiers: {sorted((qa - qb).elements())} -> {sorted((qb - qa).elements())}")
    ua, ub = _units(ta), _units(tb)
    if ua != ub:
        out.append(f"changes units: {sorted((ua - ub).elements())} -> {sorted((ub - ua).elements())}")
    return out


def _units(tokens) -> Counter:
    """The word after each number when CLDR calls it a unit or currency (babel)."""
    from ..knowledge import numbers

    units = numbers.unit_words() | numbers.currency_words()
    out = Counter()
    for t, nxt in zip(tokens, tokens[1:]):
        if t[0].startswith("#") and nxt[0] in units and len(nxt[0]) > 1:
            out[nxt[0].rstrip("s")] += 1
    return out


def _order(ta, tb, fw):
    """Content words that occur once on each side and swap places: who did what to whom."""
    ca, cb = Counter(t[0] for t in ta), Counter(t[0] for t in tb)
    once = [t[0] for t in ta if ca[t[0]] == 1 and cb[t[0]] == 1 and t[0] not in fw and not t[0].startswith("#")]
    pos_b = {t[0]: i for i, t in enumerate(tb)}
    seq = [pos_b[k] for k in once]
    for i in range(len(seq)):
        for j in range(i + 1, len(seq)):
            if seq[i] > seq[j]:
                return [f"changes word order: {once[i]!r} and {once[j]!r} swap places"]
    return []
