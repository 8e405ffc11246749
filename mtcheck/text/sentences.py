"""Sentence splitting for any language: character spans of the sentences of a text.

``split(text, lang)`` returns ``(start, end)`` spans into ``text``, in order, each sentence
without the white space around it. A line break always ends a sentence (headlines, list items,
paragraphs); within a line a sentence ends at ``.`` ``!`` ``?`` ``…`` (and the full stops of other
scripts) with the closing quotes and brackets after them, before white space, where the next word
does not continue the sentence. Chinese and Japanese full stops (``。！？``) need no space after
them.

What decides (docs/benchmarks.md, "Sentence splitting", has the measurements):

- the next sentence would start with ``,`` ``;`` ``:`` ``)`` or another mark: no end
  (``¿Por qué? -, se pregunta``, ``great! :)``);
- ``!`` ``?`` ``…``: an end before anything but lower case; before lower case only a bare ``?``
  or ``!`` ends (``what? why``, not ``“Why?” he asked`` nor ``Wait... what``);
- a closing quote or bracket after the period: an end before anything but lower case (``."``,
  ``.»``, ``.”``);
- the word before the period never ends a sentence (titles, ``e.g.``: ``Dr.``, ``Sr.``,
  ``z. B.``, ``p. ej.``, ``т. е.``; ``[sentences] never_final`` of
  ``languages/<code>/language.toml``): no end; ``etc.`` and its kind (``final``): an end before
  anything but lower case;
- the word before the period is an abbreviation (the language's ``[words] abbreviations`` and
  ``[sentences] abbreviations``, a single letter as in ``J. R. R. Tolkien``, a word with inner
  periods such as ``U.S.``, a short word without vowels such as ``Hr.``), or, in languages that
  write ordinals with a dot (``[sentences] ordinal_dot``: German ``am 3. Mai``), a number of up to
  three digits: an end only before one of the language's frequent function words
  (``glue_words.txt`` and ``[sentences] starters``: ``Inc. The``, never ``No. 5`` nor
  ``Inc. Chief``);
- otherwise (a word, a number such as ``2010.``): an end, and before lower case too where the
  language's abbreviations are known (informal writing: ``i loved it. why not``); a number before
  lower case, or alone at the start of a sentence (``1. First``), is no end.

Languages without word lists (Ukrainian, Czech, Chinese, Japanese…: all but the target languages)
get the same rules without them: single letters and vowel-less words (in the scripts that write
vowels as letters: Latin, Cyrillic, Greek) are abbreviations, no period before lower case ends a
sentence, and Czech, Slovak, Polish and the other languages that write
ordinals with a dot (``ordinal_dot`` of their language.toml, or of ``languages/without_folder.toml``
for those without a folder: Estonian, Serbian) keep ``3.`` inside the sentence before a word in
capitals.

>>> text = "Byl to 3. Pražský maraton. Vyhrál Jan."
>>> [text[s:e] for s, e in split(text, "cs")], len(split(text, "uk"))
(['Byl to 3. Pražský maraton.', 'Vyhrál Jan.'], 3)
>>> text = "See oli 3. Tallinna maraton. Võitis Jaan."
>>> [text[s:e] for s, e in split(text, "et")]
['See oli 3. Tallinna maraton.', 'Võitis Jaan.']

>>> text = "Dr. J. R. R. Tolkien wrote it in 1937. It sold 3.5 million copies, approx. five times more!"
>>> [text[s:e] for s, e in split(text, "en")]
['Dr. J. R. R. Tolkien wrote it in 1937.', 'It sold 3.5 million copies, approx. five times more!']
>>> text = "Sie kam am 3. Mai an, z. B. mit dem Zug. „Endlich.“ Dann ging sie."
>>> [text[s:e] for s, e in split(text, "de")]
['Sie kam am 3. Mai an, z. B. mit dem Zug.', '„Endlich.“', 'Dann ging sie.']
>>> split("  Headline\\nFirst line. Second one.  ", "en")
[(2, 10), (11, 22), (23, 34)]
>>> text = "今日は晴れです。明日は雨でしょう！"
>>> [text[s:e] for s, e in split(text, "ja")]
['今日は晴れです。', '明日は雨でしょう！']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

__all__ = ["split"]

# Marks that end a sentence when white space follows: Latin, Armenian, Ethiopic, Myanmar,
# Devanagari, Arabic and Urdu.
_TERMINALS = ".!?…‽⁇⁈⁉‼։።፧။।॥؟۔"
# Full stops of Chinese and Japanese (and their half-width and small forms): no space follows them.
_CJK_TERMINALS = "。！？｡．﹒﹖﹗"
# Closing quotes and brackets that stay with the sentence they end. `“` and `‘` close German
# quotes, `«` and `‹` close the »…« quotes of German and Danish.
_CLOSERS = "\"'”’“‘»«›‹)]}」』）〕】》〉］｝"
# What may stand before the first letter of a sentence: opening quotes, brackets, dashes, the
# inverted marks of Spanish.
_OPENERS = "\"'“‘„‚«‹»›([{¿¡-–—―*•·「『（〔【《〈［｛"
# A next "sentence" starting with these goes on with the one before…
_CONTINUING = frozenset(",;:/%)]}」』）〕】》〉］｝" + _TERMINALS)
# … but for an omission: `. (...) Then`.
_OMISSIONS = ("(...)", "(…)", "[...]", "[…]")
# Web addresses start in lower case.
_ADDRESSES = ("http://", "https://", "www.")
_VOWELS = set("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœаеёиоуыэюяіїєѣαεηιουωάέήίόύώϊϋΐΰ")
# A period in round brackets closed within these many characters after it is no end for a word
# that may be an abbreviation the data lacks (`(např. Vánoce)`).
_SHORT_ASIDE = 40


@dataclass(frozen=True)
class _Rules:
    kinds: dict[str, str]  # abbreviation → never, final or abbreviation
    heads: frozenset[str]  # first parts of abbreviations in parts: `ee` of `ee.uu`
    starters: frozenset[str]
    ordinal_dot: bool
    known: bool  # the language has data


class _Patterns:
    """The regular expressions, compiled on first use so that importing the module costs
    nothing, and what the splitter reads in every language's data."""

    def __init__(self):
        from mtcheck.languages import every_language

        # After a quotation closed by a full stop, these continue the sentence (`「行く！」と言った`):
        # ``[sentences] quotative`` of every language (Japanese).
        self.quotative = frozenset(every_language("sentences", "quotative"))
        closers, terminals = regex.escape(_CLOSERS), regex.escape(_TERMINALS)
        cjk = r"\p{Han}\p{Hiragana}\p{Katakana}"
        # Possessive quantifiers (`++`) and no look-ahead after a run of marks: a run is read
        # once, `......x` costs linear time. split() checks that white space follows.
        self.candidate = regex.compile(
            # Chinese and Japanese: no space needed; neither after ASCII `!?` between CJK characters.
            rf"[{regex.escape(_CJK_TERMINALS)}][{regex.escape(_TERMINALS + _CJK_TERMINALS)}]*+[{closers}]*+"
            rf"|(?<=[{cjk}])[!?]++[{closers}]*+(?=[{cjk}])"
            # The others: the marks and closers, then French ` »` or Dutch ` ''` after a space.
            rf"|(?P<mark>[{terminals}]++(?:[{closers}]++[{terminals}]++)*+[{closers}]*+)(?P<tail>\s(?:''|[»›”]))?")
        self.line = regex.compile(r"[^\n\r\v\f\x85\u2028\u2029]+")
        self.word = regex.compile(r"\w+(?:['’]\w+)?")
        self.emoticon = regex.compile(r"[:;=][-'^]?[()\[\]DPp/|*3]{1,3}(?=\s|$)")
        self.closing = regex.compile(r"[^.!?()]*\)")  # the rest of an aside in round brackets
        self.roman = regex.compile(r"[IVXLC]{2,}")
        self.unit_after = regex.compile(r"\d\s*$")  # `200 mm.`
        self.number = regex.compile(r"\d+(?:[.,:]\d+)*")  # `2010`, `1.000`, `6.2`, `10:30`
        self.wordlike = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
        self.dotted = regex.compile(r"\w{1,4}(?:\.\w{1,4})+")  # `U.S`, `e.g`, `Ph.D`, not `example.com`
        # Scripts that write vowels as letters of their own (_VOWELS): only there does a word
        # without one look like an abbreviation. Korean `있다.`, Arabic `الأحد.` end sentences.
        self.vowel_script = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}]+")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


@lru_cache(maxsize=None)
def _rules(lang: str) -> _Rules:
    from mtcheck.languages import available, get_language, language_settings, settings
    from mtcheck.languages.codes import InvalidLanguageCode, canonical

    try:
        code = canonical(lang) if lang else ""
    except InvalidLanguageCode:
        code = ""
    if code not in available():
        # No word lists, but whether ordinals take a period: language.toml of a folder, or
        # languages/without_folder.toml (`et`, `sr`).
        ordinal_dot = language_settings(code)["sentences"]["ordinal_dot"] if code else False
        return _Rules({}, frozenset(), frozenset(), ordinal_dot, False)
    language = get_language(code)
    table = settings(code)["language"]["sentences"]
    kinds = dict.fromkeys(language.abbreviations, "abbreviation")
    kinds.update(dict.fromkeys(table.get("abbreviations", ()), "abbreviation"))
    kinds.update(dict.fromkeys(table.get("final", ()), "final"))
    kinds.update(dict.fromkeys(table.get("never_final", ()), "never"))
    starters = frozenset(language.glue_words) | frozenset(table.get("starters", ()))
    heads = frozenset(key.split(".")[0] for key in kinds if "." in key)
    return _Rules(kinds, heads, starters, table["ordinal_dot"], True)


def split(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text``, in order, without surrounding white
    space; a line break always ends a sentence. ``lang`` is a language code (``en``, ``pt-BR``);
    one without data gets the generic rules.

    >>> split("", "en"), split(" \\n\\n ", "xx")
    ([], [])
    >>> text = "El Sr. García llegó. ¿Vino solo? No, p. ej. con Ana."
    >>> [text[s:e] for s, e in split(text, "es")]
    ['El Sr. García llegó.', '¿Vino solo?', 'No, p. ej. con Ana.']
    """
    pat = _patterns()
    rules = _rules(lang)
    spans: list[tuple[int, int]] = []
    for line in pat.line.finditer(text):
        start, stop = line.span()
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if start == stop:
            continue
        sentence = start
        depth, counted = 0, start  # open round brackets of the sentence, counted up to `counted`
        for m in pat.candidate.finditer(text, start, stop):
            end = m.end()
            if m.group("mark") and end < stop and not text[end].isspace():
                if m.group("tail") is None:
                    continue  # `3.5`, `example.com`, `...x`
                end = m.start("tail")
            nxt = end
            while nxt < stop and text[nxt].isspace():
                nxt += 1
            if nxt >= stop:
                break
            smiley = pat.emoticon.match(text, nxt, stop)
            if smiley:  # `Great! :) We…`: the smiley goes with the sentence before it
                end = nxt = smiley.end()
                while nxt < stop and text[nxt].isspace():
                    nxt += 1
                if nxt >= stop:
                    break
            depth += text.count("(", counted, m.start()) - text.count(")", counted, m.start())
            counted = m.start()
            if _ends(text, sentence, m.start(), end, nxt, stop, rules, pat,
                     depth > 0 and pat.closing.match(text, nxt, min(stop, nxt + _SHORT_ASIDE)) is not None):
                close = end
                while text[close - 1].isspace():
                    close -= 1
                spans.append((sentence, close))
                sentence = counted = nxt
                depth = 0
        spans.append((sentence, stop))
    return spans


def _ends(text: str, sentence: int, mark: int, end: int, nxt: int, stop: int, rules: _Rules, pat: _Patterns,
          bracketed: bool) -> bool:
    """Does the sentence that started at ``sentence`` end with the marks ``text[mark:end]``, the
    next one starting at ``nxt``? ``bracketed``: the marks stand in a short aside in round brackets
    (`(např. Vánoce)`)."""
    marks = text[mark:end]
    first = marks[0]
    if text[nxt] in _CONTINUING and text[nxt] not in _TERMINALS and not text.startswith(",,", nxt):
        return False  # `ください ！ 」`, `?, se pregunta`
    if first in _CJK_TERMINALS or (first in "!?" and end == nxt):
        if first in "．﹒" and end == nxt and (text[nxt].isdigit() or text[nxt].isascii()):
            return False  # full-width `３．５`, `ｗｗｗ．`
        # Chinese, Japanese: an end, but for a quotation that goes on (`「…！」と言った`).
        return not (marks[-1] in _CLOSERS and text[nxt] in pat.quotative)
    closed = any(ch in _CLOSERS for ch in marks)
    if mark > sentence and text[mark - 1] in "([{":
        # `(...)`, `[…]`, `(?)`: an omission or a doubt, not an end; `(...).` ends
        after = marks.lstrip(_TERMINALS)[1:]
        if not any(ch in _TERMINALS for ch in after):
            return False
        first, closed = ".", False
        marks = "..."
    # The first character of the next sentence, after opening quotes and dashes.
    letter = nxt
    while letter < stop:  # `"`, `(`, `—`, `-- `, and `,,` the Dutch opening quote of typewriters
        if text[letter] in _OPENERS or letter > nxt and text[letter].isspace():
            letter += 1
        elif text.startswith(",,", letter):
            letter += 2
        else:
            break
    if letter == stop:
        return False  # a lone quote mark or dash: it stays with the sentence
    c = text[letter]
    if c in _CONTINUING and not text.startswith(_OMISSIONS, nxt):
        return False  # `?, se pregunta`, `hab. / km²`, `. . .`, `great! :)`
    lower = c.islower() and not text.startswith(_ADDRESSES, letter)
    if first != "." or "…" in marks or ".." in marks:  # `!`, `?`, `…`
        # Before lower case only a bare `?` or `!`: `what? why`, not `“Why?” he asked`, `Wait... what`
        return not lower or (letter == nxt and not closed and "." not in marks and "…" not in marks)
    # The period: look at the word before it.
    token_start = mark
    while token_start > sentence and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:mark].lstrip(_OPENERS)
    if token_start == sentence and (len(token) == 1 or pat.number.fullmatch(token)):
        return False  # `1. First`, `2.) Next`, `2.1. Scope`, `a. First`, `P. -- Question`: a label
    if closed:
        return not lower  # `."`, `.)`, `. »`: the quotation or bracket closes with the sentence
    if not token or not token[-1].isalnum():
        return not lower  # `5 %.`, `(TSJ).`
    if pat.number.fullmatch(token):
        if lower:
            return False
        if rules.ordinal_dot and len(token) <= 3 and token.isdigit():
            return _starts(text, letter, rules, pat)  # `am 3. Mai`
        return True
    if token.lower() in rules.heads:  # `EE. UU.`: the first part of an abbreviation in parts
        m = pat.word.match(text, letter)
        if m and text.startswith(".", m.end()) and f"{token}.{m.group()}".lower() in rules.kinds:
            return False
    kind = ""
    keys = _keys(text, sentence, token_start, token)
    if token.isupper() and len(token) > 1 and "." not in token:
        keys = keys[1:]  # an acronym (`PP.`, `IT.`) is no listed word, but `EE. UU.` is listed
    for key in reversed(keys):  # the longest first: `т. д.`, not `д.`
        kind = rules.kinds.get(key, "")
        if kind:
            break
    if kind == "never":
        return False
    if kind == "final":
        return not lower  # `etc. The`, `etc. and`
    if (kind or len(token) == 1 or pat.dotted.fullmatch(token) or bracketed
            or (token.isalpha() and not token.isupper() and pat.vowel_script.fullmatch(token)
                and not _VOWELS.intersection(token.lower())
                and not pat.unit_after.search(text, max(sentence, token_start - 20), token_start))  # `Hr.`, not `200 mm.`
            or (rules.ordinal_dot and pat.roman.fullmatch(token))):
        return not lower and not c.isdigit() and _starts(text, letter, rules, pat)
    if lower:
        # A word of the language, then lower case: informal writing (`and i loved it. why do`);
        # only where the language's abbreviations are known.
        return (rules.known and len(token) > 1 and pat.wordlike.fullmatch(token) is not None
                and not _VOWELS.isdisjoint(token.lower()))
    return True


def _keys(text: str, sentence: int, token_start: int, token: str) -> list[str]:
    """The lower-case forms the abbreviation ending at a period may be listed under: the word
    (`ej`) and with up to three short abbreviated words before it, spaces dropped (`p.ej`)."""
    key = token.lower()
    keys = [key]
    pos = token_start
    for _ in range(3):
        # The previous word must end with a period and be short: `p.`, `z.`, `т.`
        end = pos - 1
        if end <= sentence or not text[end].isspace():
            break
        while end > sentence and text[end - 1].isspace():
            end -= 1
        if end <= sentence or text[end - 1] != ".":
            break
        begin = end - 1
        while begin > sentence and not text[begin - 1].isspace():
            begin -= 1
        word = text[begin:end].lstrip(_OPENERS).lower()
        if len(word) > 5:
            break
        key = word + key
        keys.append(key)
        pos = begin
    return keys


def _starts(text: str, letter: int, rules: _Rules, pat: _Patterns) -> bool:
    """Does the word at ``letter`` start a sentence after an abbreviation? Only a frequent
    function word of the language does (`The`, `Der`, `Он`): a name or noun after `Inc.` or
    `3.` is read as going on."""
    m = pat.word.match(text, letter)
    if m is None or len(m.group()) == 1 and text.startswith(".", m.end()):
        return False  # `А. С. Пушкин`: initials go on
    return m.group().lower() in rules.starters

