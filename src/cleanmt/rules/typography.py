"""Target-language typography: quotation marks and spacing read from `doc.profile`.

The English quote and punctuation rules (QUO001-003, PUN001) know English only.
Translations into French, Spanish and German carry the opposite artifacts: English
“ ” where French wants « », English-style “…” where German wants „…“, French
spaces inside Spanish « », a missing space before a French ":" or a space before a
German ",". Every rule here takes what is correct from the profile, so correct
French, Spanish and German typography is never flagged.

Mixed conventions in one document are flagged for es and de (QUO104), where both
styles are correct on their own; in French every top-level “ ” is already wrong
(QUO101); English is left to QUO001, which already rewrites every guillemet.
Straight quotes "..." are a keyboard convention, not an MT artifact: left alone.
"""
from __future__ import annotations

from collections import Counter

import regex

from ..registry import rule
from ..types import Hit

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space (espace fine insécable)
SPACES = " \t" + NBSP + NNBSP
CODE_LINE = regex.compile(r"[{}<>`|\\=]|\(\)|://")


def _prose_lines(doc):
    for line in doc.lines:
        if line.text.strip() and not CODE_LINE.search(line.text):
            yield line


# --------------------------------------------------------------------------- QUO101
FR_MARKS = regex.compile("[«»“”]")


def _english_pairs_at_top_level(line: str):
    """(open, close) positions of “…” pairs not nested inside « » on this line."""
    depth, opener = 0, None
    for m in FR_MARKS.finditer(line):
        i, ch = m.start(), m.group()
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth = max(0, depth - 1)
        elif ch == "“" and depth == 0 and opener is None:
            opener = i
        elif ch == "”" and opener is not None:
            yield opener, i
            opener = None


@rule(
    "QUO101",
    "quotes",
    "English quotation marks “ ” as primary quotes in French text (French uses « » with inner spaces)",
    confidence=0.85,
    langs=("fr",),
    trigger="“",
    bad=[
        ("Le ministre a parlé d’une “crise grave” vendredi.",
         "Le ministre a parlé d’une «\u00a0crise grave\u00a0» vendredi."),
        ("Il a répondu : “ Nous resterons ici. ”",
         "Il a répondu : «\u00a0Nous resterons ici.\u00a0»"),
    ],
    good=[
        "Le ministre a parlé d’une «\u00a0crise grave\u00a0» vendredi.",
        "Il a cité « la formule “tout est possible” du préfet » hier.",
        "Le ministre a parlé d’une «crise grave» vendredi.",
    ],
)
def english_quotes_in_french(doc):
    for line in _prose_lines(doc):
        for o, c in _english_pairs_at_top_level(line.text):
            inner_start, inner_end = o + 1, c
            while inner_start < inner_end and line.text[inner_start] in SPACES:
                inner_start += 1
            while inner_end > inner_start and line.text[inner_end - 1] in SPACES:
                inner_end -= 1
            msg = "French quotation marks are « » (English “ ” only inside them)"
            yield Hit(line.start + o, line.start + inner_start, msg, "«" + NBSP)
            yield Hit(line.start + inner_end, line.start + c + 1, msg, NBSP + "»")


# --------------------------------------------------------------------------- QUO102
DE_MARKS = regex.compile("[„“”]")


@rule(
    "QUO102",
    "quotes",
    "English-style quotation marks in German text (German opens with „ and closes with “)",
    confidence=0.85,
    langs=("de",),
    trigger="[“”]",
    bad=[
        ("Der Minister sprach von einer “schweren Krise”.", "Der Minister sprach von einer „schweren Krise“."),
        ("Sie nannte es „ein Wunder” und lachte.", "Sie nannte es „ein Wunder“ und lachte."),
    ],
    good=[
        "Der Minister sprach von einer „schweren Krise“.",
        "Sie nannte es »ein Wunder« und lachte.",
        "Er zitierte „die Parole ‚alles ist möglich‘ des Präfekten“ gestern.",
    ],
)
def english_quotes_in_german(doc):
    msg = "German quotation marks are „…“ (or »…«)"
    for line in _prose_lines(doc):
        opener, opener_glyph = None, None
        for m in DE_MARKS.finditer(line.text):
            i, ch = m.start(), m.group()
            if opener is None:
                if ch in "„“":
                    opener, opener_glyph = i, ch
                continue
            if ch == "”" or (ch == "“" and opener_glyph == "„"):
                if opener_glyph == "“":
                    yield Hit(line.start + opener, line.start + opener + 1, msg, "„")
                if ch == "”":
                    yield Hit(line.start + i, line.start + i + 1, msg, "“")
                opener = None
            else:  # “ after an English-style “: not a pair we understand
                opener, opener_glyph = i, ch


# --------------------------------------------------------------------------- QUO103
GUILLEMETS = regex.compile("[«»]")
INNER_SPACES = " \u00a0\u202f"


def _guillemet_pairs(line: str, openers: str):
    """(open, close) positions of consecutive guillemets forming a pair on this line.

    Marks pair up in order (1st with 2nd, 3rd with 4th), so in German »…« text the
    stretch between a closing « and the next » is never taken for a quotation.
    """
    marks = [m.start() for m in GUILLEMETS.finditer(line)]
    for o, c in zip(marks[::2], marks[1::2]):
        if line[o] in openers and line[o] != line[c]:
            yield o, c


@rule(
    "QUO103",
    "quotes",
    "French spaces inside « » in Spanish or German text (no space inside the guillemets there)",
    confidence=0.9,
    langs=("es", "de"),
    trigger="«",
    bad=[
        ("El ministro habló de una « crisis grave » el viernes.", "El ministro habló de una «crisis grave» el viernes."),
        ("Dijo que era «\u00a0un milagro\u00a0».", "Dijo que era «un milagro»."),
    ],
    good=[
        "El ministro habló de una «crisis grave» el viernes.",
        "Dijo que era «un milagro» y que «todo» seguía igual.",
        "Der Schlüssel »%s« konnte nicht von Engine »%s« geladen werden.",
    ],
)
def spaced_guillemets(doc):
    openers = "«" if doc.profile.primary_quotes[0] == "«" else "«»"  # German: »…« and Swiss «…»
    msg = f"no space inside guillemets in {doc.profile.name}"
    for line in _prose_lines(doc):
        for o, c in _guillemet_pairs(line.text, openers):
            inner = line.text[o + 1 : c]
            lead = len(inner) - len(inner.lstrip(INNER_SPACES))
            trail = len(inner) - len(inner.rstrip(INNER_SPACES))
            if not lead or not trail or not inner.strip(INNER_SPACES):
                continue  # spaced on both sides is the French habit; one side is a typo
            yield Hit(line.start + o + 1, line.start + o + 1 + lead, msg, "")
            yield Hit(line.start + c - trail, line.start + c, msg, "")


# --------------------------------------------------------------------------- QUO104
def _top_level_styles(doc):
    """(position, style) of each quotation opened at the top level of its line.

    The two styles are the profile's primary quotes and the other style it also
    accepts; a quotation nested inside another is not a choice of style.
    """
    p = doc.profile
    closer_of = {p.primary_quotes[0]: p.primary_quotes[1]}
    if len(p.also_correct_quotes) == 2:
        closer_of[p.also_correct_quotes[0]] = p.also_correct_quotes[1]
    marks = regex.compile("[" + regex.escape("".join(closer_of) + "".join(closer_of.values())) + "]")
    for line in _prose_lines(doc):
        stack: list[str] = []
        for m in marks.finditer(line.text):
            i, ch = m.start(), m.group()
            if stack and ch == closer_of[stack[-1]]:
                stack.pop()
            elif ch in closer_of:
                if not stack:
                    yield line.start + i, f"{ch}…{closer_of[ch]}"
                stack.append(ch)


@rule(
    "QUO104",
    "quotes",
    "two styles of primary quotation marks in one Spanish or German document (each correct alone)",
    confidence=0.5,
    langs=("es", "de"),
    trigger="[«»„“]",
    bad=[
        ("El presidente habló de «paz». Su rival respondió con una “traición”. La prensa citó su «firmeza».", None),
        ("Pidió «calma» y «diálogo». Luego habló de “unidad”.", None),
    ],
    good=[
        "El presidente habló de «paz». Su rival respondió con una «traición».",
        "Dijo: «Es la “última oportunidad” del país».",
        "El presidente habló de “paz”. Su rival respondió con una “traición”.",
    ],
)
def mixed_quote_styles(doc):
    found = list(_top_level_styles(doc))
    counts = Counter(style for _, style in found)
    if len(counts) < 2:
        return
    majority = counts.most_common(1)[0][0]
    for pos, style in found:
        if style != majority:
            yield Hit(pos, pos + 1,
                      f"quotation marked {style} in a document that otherwise uses {majority}", None)


# --------------------------------------------------------------------------- QUO105
def _closing_marks(doc, line: str):
    """Offsets of the closing marks of the quotations on a line, paired with their
    openers (the profile's primary quotes and the other style it accepts)."""
    p = doc.profile
    closer_of = {p.primary_quotes[0]: p.primary_quotes[1]}
    if len(p.also_correct_quotes) == 2:
        closer_of[p.also_correct_quotes[0]] = p.also_correct_quotes[1]
    marks = regex.compile("[" + regex.escape("".join(closer_of) + "".join(closer_of.values())) + "]")
    stack: list[str] = []
    for m in marks.finditer(line):
        ch = m.group()
        if stack and ch == closer_of[stack[-1]]:
            stack.pop()
            yield m.start()
        elif ch in closer_of:
            stack.append(ch)


# a comma or full stop (not the last dot of "..." or of an initialism, "EE. UU.") and
# the spaces before the closing mark
_MARK_BEFORE_CLOSER = regex.compile(r"(?<![.\p{Lu}]|\betc)([,.])([ \u00a0\u202f]*)\Z")


@rule(
    "QUO105",
    "quotes",
    "comma or full stop inside the closing quotation mark in Spanish, French or German text, the English way ('…temprana.» Así', '…angekommen,“ sagte')",
    confidence=0.85,
    langs=("es", "fr", "de"),
    trigger="[»“”«]",
    bad=[
        ("«Nunca vimos algo así.» Lo dijo el alcalde.", "«Nunca vimos algo así». Lo dijo el alcalde."),
        ("«No vamos a ceder,» afirmó la ministra.", "«No vamos a ceder», afirmó la ministra."),
        ("“Es el final,” dijo el técnico.", "“Es el final”, dijo el técnico."),
    ],
    good=[
        "«Nunca vimos algo así». Lo dijo el alcalde, que habló del «plan B.» y de «un largo etc.».",
        "«¿Quién pagará?», preguntó. «No lo sé...», respondió la ministra.",
    ],
)
def punctuation_inside_closing_quote(doc):
    """Flags a comma (Spanish also a full stop) written inside the closing quotation mark,
    where English puts it: "«No vamos a ceder,» afirmó" in Spanish, "„Wir kommen,“ sagte
    er" in German, "« Non, » a-t-il dit" in French. Why: the three targets put the
    sentence's own punctuation after the closing mark (Ortografía de la lengua española
    2010; Duden; Imprimerie nationale); the quotation keeps only its own ? ! and …, and in
    French and German its final full stop when it is a whole sentence (the profile's
    `punctuation_inside_closing_quote`). Example: "«Nunca vimos algo así.» Lo dijo" ->
    "«Nunca vimos algo así». Lo dijo". Near misses left alone: "...", the dot of an
    initialism or of "etc." ("«plan B.»"), ? and ! inside. Fix safety: the mark moves
    after the closing quote, the spaces stay where they were; 0.85."""
    keep = doc.profile.punctuation_inside_closing_quote
    for line in _prose_lines(doc):
        for c in _closing_marks(doc, line.text):
            m = _MARK_BEFORE_CLOSER.search(line.text, max(0, c - 12), c)
            if m is None or m.group(1) in keep:
                continue
            closer = line.text[c]
            yield Hit(line.start + m.start(), line.start + c + 1,
                      f"{doc.profile.name} puts {m.group(1)!r} after the closing quotation mark",
                      m.group(2) + closer + m.group(1))


# --------------------------------------------------------------------------- QUO106
_STRAIGHT_PAIR = regex.compile(r'(?<![\p{L}\p{N}])"([ \u00a0\u202f]*)([^"\n]*?[^"\s])([ \u00a0\u202f]*)"(?![\p{L}\p{N}])')


@rule(
    "QUO106",
    "quotes",
    "straight quotes \"…\" in a French, Spanish or German document that otherwise uses the target's quotation marks",
    confidence=0.85,
    langs=("fr", "es", "de"),
    trigger='"',
    bad=[
        ("Le maire parle d’une « crise ». Son adjoint évoque un \"malentendu\" passager.",
         "Le maire parle d’une « crise ». Son adjoint évoque un «\u00a0malentendu\u00a0» passager."),
    ],
    good=[
        "Le maire parle d’une \"crise\". Son adjoint évoque un \"malentendu\" passager.",
        "Le maire parle d’une « crise » ; l’écran mesure 17\" et pèse 2 kg.",
    ],
)
def straight_quotes_beside_target_quotes(doc):
    """Flags a pair of straight quotes "…" in a French, Spanish or German document whose
    other quotations use the target's marks (« » in French and Spanish, „ “ in German).
    Why: straight quotes alone are a keyboard habit and left alone, but beside the
    target's marks they are the English source's quotation kept by a translation (the
    translated sentences got « », the copied ones kept "). Example: "un \"malentendu\""
    -> "un « malentendu »". Near misses left alone: a document with straight quotes only,
    an unpaired mark (inches: 17"). Fix safety: the profile's primary marks (with French's
    no-break spaces inside); 0.85."""
    p = doc.profile
    if p.primary_quotes[0] not in doc.text:
        return
    opener, closer = p.primary_quotes
    if p.space_inside_guillemets:
        opener, closer = opener + NBSP, NBSP + closer
    msg = f"straight quotes beside {p.name} {p.primary_quotes[0]}…{p.primary_quotes[1]}"
    for line in _prose_lines(doc):
        if line.text.count('"') % 2:
            continue  # an unpaired mark: inches, or a quotation over lines
        for m in _STRAIGHT_PAIR.finditer(line.text):
            yield Hit(line.start + m.start(), line.start + m.start(2), msg, opener)
            yield Hit(line.start + m.end(2), line.start + m.end(), msg, closer)


# --------------------------------------------------------------------------- PUN101
# A mark that ends a word (not a URL "a:b", a time "14:30" or an emoticon) and needs
# a space before it in French: followed by a space, a closing quote or the line end.
# The space after may be a no-break one: "causée?\u00a0»" (the closing guillemet's).
FR_MISSING_SPACE = regex.compile(r"(?<=[\p{L}\p{N}\)\]»”%])([;:!?][!?]*)(?=[ \t\u00a0\u202f]|$|[”»\"])", regex.M)


@rule(
    "PUN101",
    "punctuation",
    "no space before ; : ! ? in French (Imprimerie nationale: narrow no-break space, no-break space before :)",
    confidence=0.9,
    langs=("fr",),
    trigger="[;:!?]",
    bad=[
        ("Pourquoi attendre? Le gouvernement doit agir.", "Pourquoi attendre\u202f? Le gouvernement doit agir."),
        ("Il l’a dit clairement: la réforme aura lieu.", "Il l’a dit clairement\u00a0: la réforme aura lieu."),
        ("Le bilan est lourd; les secours continuent.", "Le bilan est lourd\u202f; les secours continuent."),
        ("«\u00a0Pourquoi payer?\u00a0» a-t-il demandé.", "«\u00a0Pourquoi payer\u202f?\u00a0» a-t-il demandé."),
    ],
    good=[
        "Pourquoi attendre ? Le gouvernement doit agir.",
        "Il l’a dit clairement\u00a0: la réforme aura lieu.",
        "Pourquoi attendre\u202f? Rendez-vous à 14:30 sur https://exemple.fr.",
    ],
)
def french_space_before_punctuation(doc):
    for line in _prose_lines(doc):
        for m in FR_MISSING_SPACE.finditer(line.text):
            mark = m.group(1)
            if mark == ":" and line.text[m.start() - 1].isdigit():
                continue  # "3:1", scores and references
            space = NBSP if mark == ":" else NNBSP
            yield Hit(line.start + m.start(), line.start + m.end(),
                      f"French puts a no-break space before {mark!r}", space + mark)


# --------------------------------------------------------------------------- PUN102
GUILLEMET_OPEN_TIGHT = regex.compile(r"«(?=[\p{L}\p{N}“\"(])")
GUILLEMET_CLOSE_TIGHT = regex.compile(r"(?<=[\p{L}\p{N}.!?,;…”\")])»")


@rule(
    "PUN102",
    "punctuation",
    "no space inside « » in French (Imprimerie nationale: no-break space after « and before »)",
    confidence=0.9,
    langs=("fr",),
    trigger="[«»]",
    bad=[
        ("Il a parlé d’une «crise grave» vendredi.", "Il a parlé d’une «\u00a0crise grave\u00a0» vendredi."),
        ("Elle a répondu «non».", "Elle a répondu «\u00a0non\u00a0»."),
    ],
    good=[
        "Il a parlé d’une «\u00a0crise grave\u00a0» vendredi.",
        "Elle a répondu « non ».",
        "Elle a répondu «\u202fnon\u202f».",
    ],
)
def french_space_inside_guillemets(doc):
    msg = "French puts a no-break space inside « »"
    for line in _prose_lines(doc):
        for m in GUILLEMET_OPEN_TIGHT.finditer(line.text):
            yield Hit(line.start + m.start(), line.start + m.end(), msg, "«" + NBSP)
        for m in GUILLEMET_CLOSE_TIGHT.finditer(line.text):
            yield Hit(line.start + m.start(), line.start + m.end(), msg, NBSP + "»")


# --------------------------------------------------------------------------- PUN103
# One space (or a French no-break space) between a word and , ; : ! ? then a space,
# a closing quote or the end of the line. French: only "," (the others take a space).
SPACE_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N}\)\]%])([ \u00a0\u202f])([,;:!?][!?]*)(?=[ \t]|$|[\"”»“«])", regex.M
)


@rule(
    "PUN103",
    "punctuation",
    "space before , ; : ! ? in Spanish or German (or before , in French): a French typographic habit",
    confidence=0.9,
    langs=("es", "de", "fr"),
    trigger="[ \u00a0\u202f][,;:!?]",
    bad=[
        ("Llegaron al puerto , donde esperaban los barcos.", "Llegaron al puerto, donde esperaban los barcos."),
        ("Dos cosas importan : la rapidez y el precio.", "Dos cosas importan: la rapidez y el precio."),
        ("¿Puede durar esto ?", "¿Puede durar esto?"),
    ],
    good=[
        "Llegaron al puerto, donde esperaban los barcos.",
        "El marcador fue 3 : 1 en el descanso.",
        "¿Puede durar esto?",
    ],
)
def space_before_punctuation_es_de(doc):
    allowed_after_space = set(doc.profile.space_before)
    for line in _prose_lines(doc):
        for m in SPACE_BEFORE.finditer(line.text):
            mark = m.group(2)
            if mark[0] in allowed_after_space:
                continue
            if mark == ":" and line.text[m.start() - 1].isdigit():
                continue  # scores and ratios: "3 : 1"
            yield Hit(line.start + m.start(), line.start + m.end(),
                      f"no space before {mark!r} in {doc.profile.name}", mark)
