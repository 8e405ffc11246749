"""Characters: mojibake, markup residue, invisible characters and mixed scripts.

Character knowledge lives in the named constants below, built in one place (ftfy's way).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex

from mtcheck.document import Document
from mtcheck.text.patterns import lazy
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.chars import CYRILLIC_TO_LATIN, LATIN_TO_CYRILLIC
from mtcheck.text.codepages import CODE_PAGES, byte_of_mojibake, sloppy_decode

@lru_cache(maxsize=None)
def _code_page_letters() -> tuple[tuple[frozenset, frozenset], ...]:
    """(lead characters, continuation characters) of each of CODE_PAGES."""
    out = []
    for codec in CODE_PAGES:
        continuation = sloppy_decode(bytes(range(0x80, 0xC0)), codec)
        out.append((frozenset(sloppy_decode(bytes(range(0xC2, 0xF5)), codec)),
                    frozenset(continuation + (" " if "\xa0" in continuation else ""))))
    return tuple(out)


def _code_page_pair_possible(text: str) -> bool:
    """Does ``text`` hold a lead character followed by a continuation character of one code
    page? Tested with a pattern of only the characters the text has (a few, compiled in
    microseconds), which spares most texts the full pattern's compilation.

    >>> _code_page_pair_possible("It’s “fine”, José."), _code_page_pair_possible("cittÃ  è")
    (False, True)
    """
    chars = frozenset(text)
    for leads, continuations in _code_page_letters():
        present_leads, present_continuations = chars & leads, chars & continuations
        if present_leads and present_continuations and re.search(
                f"[{re.escape(''.join(sorted(present_leads)))}][{re.escape(''.join(sorted(present_continuations)))}]", text):
            return True
    return False


@lru_cache(maxsize=None)
def mojibake_pair() -> re.Pattern:
    """A lead character followed by a continuation character, in any of CODE_PAGES. Compiled
    with the standard ``re``: plain character classes, which it compiles three times faster than
    ``regex`` (12 ms of a one-file run's start-up)."""
    pairs = []
    for codec in CODE_PAGES:
        lead = sloppy_decode(bytes(range(0xC2, 0xF5)), codec)
        continuation = sloppy_decode(bytes(range(0x80, 0xC0)), codec)
        if "\xa0" in continuation:
            continuation += " "
        pairs.append(f"[{re.escape(lead)}][{re.escape(continuation)}]")
    return re.compile("|".join(pairs))


# C1 control characters (U+0080–U+009F): in text, bytes of a single-byte code page read as
# Latin-1. Windows-1252 puts its quotes, dashes and ellipsis there (`\x93hello\x94` is
# `“hello”`), and leaves five bytes undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): those are not
# Windows-1252 text.
C1_CONTROL = re.compile("[\x80-\x9f]")
# Windows-1252 marks that open or close a quotation, never written between two letters: a C1
# control read so inside a word (`m\x93me` for `môme`, DOS code page 850) is not Windows-1252.
QUOTES_NOT_IN_WORDS = frozenset("„“”‹›")


def cp1252_of_c1(char: str) -> str | None:
    """The Windows-1252 character that a C1 control stands for, or None where the byte is one
    Windows-1252 leaves undefined.

    >>> cp1252_of_c1("\x93"), cp1252_of_c1("\x9d")
    ('“', None)
    """
    meant = sloppy_decode(char.encode("latin-1"), "cp1252")
    return None if meant == char else meant


# Zero-width and format characters, soft hyphens and controls that have no business inside
# running text. Tab, newline and carriage return are text; the no-break spaces are typography.
INVISIBLE = regex.compile(
    "[\u200b\u200c\u200d\u2060\u2061-\u2064\u00ad\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u180e\ufff9-\ufffb\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+"
)
# Joiners and bidirectional marks that scripts need, so never reported there: a zero-width
# (non-)joiner between letters of a script with contextual shapes or conjuncts, and left-to-right
# or right-to-left marks on a line with Hebrew or Arabic letters, where they order numbers and
# Latin words (Unicode's bidi algorithm).
JOINERS = frozenset("\u200c\u200d")
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
SHAPING_LETTER = regex.compile(r"[\p{L}\p{M}--\p{Latin}\p{Cyrillic}\p{Greek}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]",
                               regex.V1)
RTL_LETTER = regex.compile(r"[\p{Hebrew}\p{Arabic}\p{Syriac}\p{Thaana}\p{Nko}]")
INVISIBLE_NAMES = {"\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
                   "\u200d": "zero-width joiner", "\u2060": "word joiner", "\u00ad": "soft hyphen",
                   "\ufeff": "zero-width no-break space (BOM)"}

SCRIPTS = ("Latin", "Cyrillic", "Greek")
SCRIPT_OF = {name: regex.compile(rf"\p{{{name}}}") for name in SCRIPTS}
# A word written in one script only (combining marks belong to every script).
WHOLE_WORD_IN = {name: regex.compile(rf"[\p{{{name}}}\p{{M}}]+") for name in SCRIPTS}

# HTML entities in plain text: named, decimal or hexadecimal.
ENTITY = regex.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# HTML tags that MT pipelines leave behind (a closed list: `<3` or `a <b> c` in prose are rare).
HTML_TAG = regex.compile(
    r"""</?(?:a|b|i|u|s|em|strong|p|br|span|div|font|sup|sub|small|big|li|ul|ol|h[1-6]|table|tr|td|th|img|hr|blockquote|cite|code|pre|mark|del|ins)"""
    r"""(?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s<>]+))*\s*/?>""",
    regex.IGNORECASE,
)


@register
class Mojibake(Rule):
    code = "MT301"
    needs_language_data = False
    name = "mojibake"
    category = "mojibake"
    fix_availability = FixAvailability.SOMETIMES
    what = ("Finds text decoded with the wrong encoding (`Sokolovâ€™s`), as ftfy detects it, "
            "C1 control characters that are Windows-1252 quotes and dashes read as Latin-1 "
            "(`\\x93hello\\x94`), and the replacement character `�` that marks bytes lost in "
            "decoding. Other rules' findings inside a word it repairs are not reported: they "
            "judge the garbled characters.")
    why = "Readers see garbage where letters and quote marks should be."
    fix_safety = ("Safe: ftfy's `fix_encoding` reverses the wrong decoding, and a C1 control "
                  "character of Windows-1252 text read as Latin-1 (`\\x93hello\\x94`) becomes the "
                  "Windows-1252 mark it stands for (`“hello”`), as ftfy's `fix_c1_controls` does (not "
                  "a quotation mark between two letters: `m\\x93me` is `môme` in DOS code page 850). A "
                  "mojibake fix is taken before any other rule's fix that overlaps it, and the other "
                  "rules' fixes on its line wait for `fix`'s next pass. `�` has no fix, the original "
                  "character is lost.")
    examples = (
        Example("en", "⟦Sokolovâ€™s⟧ office", "Sokolov’s office"),
        Example("es", "la ⟦situaciÃ³n⟧ es grave", "la situación es grave"),
        Example("de", "die ⟦MÃ¤nner⟧ kamen", "die Männer kamen"),
        Example("fr", "le ⟦ministÃ¨re⟧ a dit", "le ministère a dit"),
        Example("ru", "это ⟦Ð¼Ð¸Ñ€⟧ сегодня", "это мир сегодня"),
        Example("en", "the ⟦�⟧ sign", None),
        Example("it", "la ⟦cittÃ⟧ è grande", "la città è grande"),
        Example("pt", "a ⟦situaÃ§Ã£o⟧ é grave", "a situação é grave"),
        Example("nl", "de ⟦CuraÃ§aose⟧ regering", "de Curaçaose regering"),
        Example("en", "he said ⟦\x93⟧hello⟦\x94⟧", "he said “hello”"),
        Example("de", "er sagte ⟦\x84⟧hallo⟦\x93⟧", "er sagte „hallo“"),
    )
    clean = (("fr", "Le ministère a déclaré à 14 h « très » bien."), ("de", "Männer, Größe, Übermaß."),
             ("pt", "A situação não é fácil."), ("es", "Ésta es la situación: ¿qué pasó?"))

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.text
        for m in regex.finditer("\ufffd+", text):
            yield self.finding(m.start(), m.end(), "replacement character: bytes were lost in decoding")
        if text.isascii() or not (_code_page_pair_possible(text) or C1_CONTROL.search(text)):
            return  # no character pair that mojibake makes, no C1 control: ftfy's import is skipped
        import ftfy  # lazily: ftfy's import is a third of a one-file run's start-up
        import ftfy.badness
        import ftfy.fixes

        offset = 0
        for line in text.split("\n"):
            if not line.isascii() and (mojibake_pair().search(line) or C1_CONTROL.search(line)) \
                    and ftfy.badness.is_bad(line):
                fixed = ftfy.fix_encoding(line)
                if fixed != line and fixed == ftfy.fixes.fix_c1_controls(line):
                    yield from self._c1_controls(line, offset, doc)
                elif fixed != line:
                    yield from self._diff(line, fixed, offset, doc)
                else:
                    yield from self._words_alone(line, offset, doc)
            offset += len(line) + 1

    def _c1_controls(self, line: str, offset: int, doc: Document) -> Iterable:
        """A line whose only repair is its C1 controls read as Windows-1252 (ftfy's
        ``fix_c1_controls``): one finding per control, on the control alone. Held back where
        the mark would be a quotation mark between two letters (MT304 then reports the control).

        >>> [(f.start, f.fix.edits[0].replacement) for f in Mojibake()._c1_controls("\x93hi\x94 m\x93me", 0, Document("", "en"))]
        [(0, '“'), (3, '”')]
        """
        for m in C1_CONTROL.finditer(line):
            meant = cp1252_of_c1(m.group())
            start = m.start()
            if meant is None or doc.is_protected(offset + start, offset + start + 1):
                continue
            if meant in QUOTES_NOT_IN_WORDS and 0 < start < len(line) - 1 \
                    and line[start - 1].isalpha() and line[start + 1].isalpha():
                continue
            yield self.finding(offset + start, offset + start + 1,
                               f"C1 control U+{ord(m.group()):04X}: Windows-1252's `{meant}` read as Latin-1",
                               Fix.replace(offset + start, offset + start + 1, meant))

    # A run between spaces, the marks around it apart (group 1: the word without them).
    _WORD_IN_MARKS = lazy(r"(?<!\S)[\p{P}\p{S}]*+(\S+?)[\p{P}\p{S}]*(?!\S)")

    def _words_alone(self, line: str, offset: int, doc: Document) -> Iterable:
        """A line ftfy cannot re-encode as a whole, since its other letters are outside the code
        page (a Czech `ř`, a Polish `ę`), may hold one garbled word pasted from elsewhere: each
        word that ftfy finds bad is repaired alone. On the 149,000 lines of ../shared/data no
        line is bad yet unrepairable, so this never speaks on the human text measured there.

        >>> [f.fix.edits for f in Mojibake()._words_alone("řekla, že potÅ™ebujeme", 0, Document("", "cs"))]
        [(Edit(start=10, end=22, replacement='potřebujeme'),)]
        """
        import ftfy
        import ftfy.badness

        # The whole run between spaces (a garbled mark may end it: `Ñ–` is `і`), or the word
        # without the punctuation around it (`lÄ“ni,”`: the ” would not re-encode with it): the
        # first whose repair leaves nothing bad, else the first repaired at all.
        for w in self._WORD_IN_MARKS.finditer(line):
            repairs = []
            for start, word in ((w.start(), w.group()), (w.start(1), w.group(1))):
                if mojibake_pair().search(word) and ftfy.badness.is_bad(word):
                    fixed = ftfy.fix_encoding(word)
                    if fixed != word:
                        repairs.append((ftfy.badness.is_bad(fixed), start, word, fixed))
            if repairs:
                _, start, word, fixed = min(repairs, key=lambda r: r[0])  # stable: the whole run first
                yield from self._diff(word, fixed, offset + start, doc)

    def _diff(self, line: str, fixed: str, offset: int, doc: Document) -> Iterable:
        """One finding per broken word: changed runs widened to whole words, runs that then
        touch merged, so that one edit repairs the word whole (as ``ftfy.fix_text`` would).

        Only the stretch between the common start and end of the two is compared: difflib is
        quadratic, and a text without line breaks is one long line.

        >>> [f.fix.edits for f in Mojibake()._diff("Ã©tÃ© x", "été x", 0, Document("Ã©tÃ© x", "fr"))]
        [(Edit(start=0, end=5, replacement='été'),)]
        """
        for i1, i2, j1, j2 in self._word_runs(line, fixed):
            start, end = offset + i1, offset + i2
            if doc.is_protected(start, end):
                continue
            # An invisible character the repair brings back, which MT304 would remove (safely),
            # is removed with it: one edit for both. A joiner that Persian needs, a C1 control
            # that stands for a lost character, stay.
            meant = "".join(
                "" if kind == "invisible" and InvisibleCharacter.removable(fixed, j1 + k, j1 + k + len(piece)) else piece
                for kind, piece, k in _invisible_pieces(fixed[j1:j2]))
            yield self.finding(start, end, f"mojibake `{line[i1:i2]}`, meant `{fixed[j1:j2]}`",
                               Fix.replace(start, end, meant))

    @staticmethod
    def _word_runs(line: str, fixed: str) -> list[tuple[int, int, int, int]]:
        """(i1, i2, j1, j2): ``line[i1:i2]`` becomes ``fixed[j1:j2]``, each run widened to whole
        words and runs that overlap or touch merged.

        >>> Mojibake._word_runs("Ã©tÃ© et Ã©tÃ©", "été et été")
        [(0, 5, 0, 3), (9, 14, 7, 10)]
        """
        head = len(os.path.commonprefix([line, fixed]))
        tail = len(os.path.commonprefix([line[head:][::-1], fixed[head:][::-1]]))
        import difflib  # only for a line with mojibake (imports kept off the start-up)

        matcher = difflib.SequenceMatcher(None, line[head:len(line) - tail], fixed[head:len(fixed) - tail],
                                          autojunk=False)
        runs: list[tuple[int, int, int, int]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
            while i1 > 0 and j1 > 0 and line[i1 - 1].isalnum() and line[i1 - 1] == fixed[j1 - 1]:
                i1, j1 = i1 - 1, j1 - 1
            while i2 < len(line) and j2 < len(fixed) and line[i2].isalnum() and line[i2] == fixed[j2]:
                i2, j2 = i2 + 1, j2 + 1
            if runs and i1 <= runs[-1][1]:  # the same word: one finding
                i1, j1 = runs[-1][0], runs[-1][2]
                runs.pop()
            runs.append((i1, i2, j1, j2))
        return runs


def _invisible_pieces(text: str) -> Iterable[tuple[str, str, int]]:
    """(``"invisible"`` or ``"text"``, piece, offset) for the runs of ``text``, in order.

    >>> list(_invisible_pieces("a\u200bb"))
    [('text', 'a', 0), ('invisible', '\u200b', 1), ('text', 'b', 2)]
    """
    pos = 0
    for m in INVISIBLE.finditer(text):
        if m.start() > pos:
            yield "text", text[pos:m.start()], pos
        yield "invisible", m.group(), m.start()
        pos = m.end()
    if pos < len(text):
        yield "text", text[pos:], pos


DOUBLE_QUOTES = "\"“”„‟«»"


def _odd_quotes(doc: Document, offset: int) -> bool:
    """Has the paragraph around ``offset`` an odd number of double quotation marks once its
    entities are decoded?

    >>> _odd_quotes(Document("a &quot;b&quot; c", "en"), 2), _odd_quotes(Document("a &quot;b c", "en"), 2)
    (False, True)
    """
    import html

    start, end = next(((s, e) for s, e in doc.paragraphs if s <= offset < e), (0, len(doc.text)))
    decoded = html.unescape(doc.text[start:end])
    return sum(decoded.count(c) for c in DOUBLE_QUOTES) % 2 == 1


@register
class HtmlEntity(Rule):
    code = "MT302"
    needs_language_data = False
    name = "html-entity"
    category = "markup-residue"
    what = "Finds HTML character references in plain text: `&quot;propaganda&quot;`, `&#39;`."
    why = "An escaping step of the pipeline leaked into the text."
    fix_safety = ("Safe: the reference is replaced by the character it stands for (not in Markdown, where it "
                  "is valid); unsafe for a quotation mark that would leave its paragraph's quotes unbalanced.")
    examples = (
        Example("en", "so-called ⟦&quot;⟧propaganda⟦&quot;⟧", "so-called \"propaganda\""),
        Example("fr", "l⟦&#39;⟧armée", "l'armée"),
        Example("de", "Tom ⟦&amp;⟧ Jerry", "Tom & Jerry"),
        Example("es", "el llamado ⟦&laquo;⟧plan", "el llamado «plan", applicability=Applicability.UNSAFE),
        Example("it", "l⟦&#39;⟧esercito", "l'esercito"),
        Example("pt", "Tom ⟦&amp;⟧ Jerry", "Tom & Jerry"),
        Example("nl", "het ⟦&quot;⟧plan", "het \"plan", applicability=Applicability.UNSAFE),
        Example("ru", "так называемый ⟦&laquo;⟧план", "так называемый «план", applicability=Applicability.UNSAFE),
    )
    clean = (("en", "AT&T and R&D; Q&A."),)

    def check(self, doc: Document, lang: Language) -> Iterable:
        if doc.markdown:
            return
        for m in ENTITY.finditer(doc.masked):
            import html  # only where an entity is found

            char = html.unescape(m.group())
            if char != m.group():
                # A quotation mark that would leave its paragraph with an odd count is MT205's next
                # finding: then only an unsafe fix.
                safe = char not in DOUBLE_QUOTES or not _odd_quotes(doc, m.start())
                yield self.finding(m.start(), m.end(), f"HTML entity `{m.group()}` for `{char}`",
                                   Fix.replace(m.start(), m.end(), char, safe=safe))


@register
class HtmlTag(Rule):
    code = "MT303"
    needs_language_data = False
    name = "html-tag"
    category = "markup-residue"
    fix_applicability = Applicability.UNSAFE
    what = ("Finds HTML tags of the common elements in plain text (`<b>`, `</i>`, `<br>`, "
            "`<span class=\"x\">`); Markdown allows HTML and is skipped. A tag that the record's "
            "source has too is content (a text about HTML), not residue.")
    why = "Formatting of the source page leaked into the text."
    fix_safety = "Unsafe: the tag is removed (a `<br>` becomes a space); the formatting it carried is lost."
    examples = (
        Example("en", "the ⟦<b>⟧ministry⟦</b>⟧ said", "the ministry said"),
        Example("es", "el ministerio⟦<br>⟧dijo", "el ministerio dijo"),
        Example("de", "das ⟦<i>⟧Ministerium", "das Ministerium"),
        Example("fr", "le ministère⟦</b>⟧ a dit", "le ministère a dit"),
        Example("it", "il ⟦<span class=\"x\">⟧ministero", "il ministero"),
        Example("pt", "o ministério⟦<br/>⟧disse", "o ministério disse"),
        Example("nl", "het ⟦<em>⟧ministerie", "het ministerie"),
        Example("ru", "министерство⟦</p>⟧", "министерство"),
    )
    clean = (("en", "if a <b and c> d, then 3 < 4 > 2"),)

    def check(self, doc: Document, lang: Language) -> Iterable:
        if doc.markdown:
            return
        for m in HTML_TAG.finditer(doc.masked):
            source = doc.source_at(m.start())
            if source and _tag_name(m.group()) in _tags_of(source):
                # The source has the element too: content (a text about HTML) or a tag the
                # translation keeps, not residue. One whose attributes changed is MT701's.
                continue
            replacement = " " if m.group().lower().startswith("<br") else ""
            yield self.finding(m.start(), m.end(), f"HTML tag `{m.group()}` in plain text",
                               Fix.replace(m.start(), m.end(), replacement, safe=False))


@register
class InvisibleCharacter(Rule):
    code = "MT304"
    needs_language_data = False
    name = "invisible-character"
    category = "invisible-character"
    what = ("Finds zero-width spaces and joiners, soft hyphens, bidirectional and other control "
            "characters inside text. Not reported: a byte order mark that starts the text, a "
            "zero-width joiner inside an emoji sequence, a joiner or non-joiner between two "
            "letters of a script that shapes them by context (Arabic, Persian, the Indic "
            "scripts), and left-to-right and right-to-left marks on a line with Hebrew or "
            "Arabic letters, where they order numbers and Latin words.")
    why = "They break search, spell-checking and line wrapping, and no reader can see them."
    fix_safety = ("Safe: the characters are removed. Unsafe where the character may stand for one the "
                  "text lost: a C1 control character (U+0080–U+009F), a byte of another code page (MT301 "
                  "repairs those that read as Windows-1252, and this rule does not report them), or a "
                  "soft hyphen or no-break space that, read back as a byte with its neighbours in a code "
                  "page, completes a UTF-8 sequence (`êµ\\xad` is `국` garbled).")
    examples = (
        Example("en", "Zaporizhzhia⟦\u200b⟧ plant", "Zaporizhzhia plant"),
        Example("de", "Verteidi⟦\u00ad⟧gungsministerium", "Verteidigungsministerium"),
        Example("ru", "Воро⟦\u200b⟧неж", "Воронеж"),
        Example("es", "Cádiz⟦\u200b⟧ ganó", "Cádiz ganó"),
        Example("fr", "le minis⟦\u00ad⟧tère", "le ministère"),
        Example("it", "il ministero⟦\u2060⟧ ha detto", "il ministero ha detto"),
        Example("pt", "o ministério⟦\u200e⟧ disse", "o ministério disse"),
        Example("nl", "het ministerie⟦\ufeff⟧ zei", "het ministerie zei"),
        Example("fr", "Jolie m⟦\x93⟧me", "Jolie mme", applicability=Applicability.UNSAFE),
    )
    clean = (("en", "A family emoji 👨\u200d👩\u200d👧 and a\u00a0no-break space, tabs\tand\r\nCRLF."),
             ("he", "הוא נולד ב־2 בינואר 1836\u200f ומת ב־1917."),
             ("hi", "उसकी टिप्पणि\u200dयों में"), ("fa", "می\u200cخواهم"))

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.text
        for m in INVISIBLE.finditer(text):
            if not self.reported(text, m.start(), m.end()):
                continue
            names = ", ".join(sorted({INVISIBLE_NAMES.get(c, f"U+{ord(c):04X} {unicodedata.name(c, 'control')}".strip())
                                      for c in m.group()}))
            yield self.finding(m.start(), m.end(), f"invisible character: {names}",
                               Fix.replace(m.start(), m.end(), "", safe=self._safe_to_remove(text, m.start(), m.end())))

    @classmethod
    def reported(cls, text: str, start: int, end: int) -> bool:
        """Is the run of invisible characters ``text[start:end]`` one this rule reports?"""
        run = text[start:end]
        if start == 0 and run == "\ufeff":
            return False
        if set(run) == {"\u200d"} and cls._in_emoji(text, start, end):
            return False
        if set(run) <= JOINERS and cls._joins_letters(text, start, end):
            return False
        if set(run) <= BIDI_MARKS and RTL_LETTER.search(text, *cls._line(text, start)):
            return False
        return True

    @staticmethod
    def _safe_to_remove(text: str, start: int, end: int) -> bool:
        """Removing the run is safe unless it may stand for a character the text lost: a C1
        control (a byte of another code page), or a character that, read back as a byte with
        its neighbours, completes a UTF-8 sequence (the soft hyphen of `êµ\xad`, bytes EA B5
        AD: `국` read as Windows-1252, which ftfy's badness measure does not flag in a Korean
        line, so MT301 does not report it).

        >>> InvisibleCharacter._safe_to_remove("a\u00adb", 1, 2), InvisibleCharacter._safe_to_remove("ê²°êµ\xad", 5, 6)
        (True, False)
        """
        return not C1_CONTROL.search(text, start, end) and not any(
            byte_of_mojibake(text, i) for i in range(start, end) if text[i] in "\xad\xa0")

    @classmethod
    def removable(cls, text: str, start: int, end: int) -> bool:
        """Would this rule remove the run ``text[start:end]`` with a safe fix?

        >>> InvisibleCharacter.removable("a\u200bb", 1, 2), InvisibleCharacter.removable("می\u200cشود", 2, 3)
        (True, False)
        """
        return cls.reported(text, start, end) and cls._safe_to_remove(text, start, end)

    @staticmethod
    def _joins_letters(text: str, start: int, end: int) -> bool:
        """A joiner between two letters of a script that shapes by context (Arabic, Persian,
        the Indic scripts): it writes a half form or keeps two letters apart, as intended."""
        return start > 0 and end < len(text) and bool(SHAPING_LETTER.match(text[start - 1])) \
            and bool(SHAPING_LETTER.match(text[end]))

    @staticmethod
    def _line(text: str, pos: int) -> tuple[int, int]:
        end = text.find("\n", pos)
        return text.rfind("\n", 0, pos) + 1, len(text) if end == -1 else end

    @staticmethod
    def _in_emoji(text: str, start: int, end: int) -> bool:
        def symbol(ch: str) -> bool:
            return unicodedata.category(ch) in ("So", "Sk") or ord(ch) >= 0x1F000
        return start > 0 and end < len(text) and symbol(text[start - 1]) and symbol(text[end])


@register
class MixedScript(Rule):
    code = "MT305"
    name = "mixed-script"
    category = "mixed-script"
    fix_availability = FixAvailability.SOMETIMES
    what = ("Finds words that mix letters of two scripts, such as a Latin `a` inside a Russian "
            "word (`Вoронежа`): homoglyphs that look right and break search and spelling.")
    why = "Homoglyphs come from keyboard switching and OCR; they make words unfindable."
    fix_safety = ("Safe when every odd letter has a look-alike in the word's main script: it is "
                  "replaced by that look-alike. No fix otherwise.")
    examples = (
        Example("ru", "город ⟦Вoронеж⟧ вырос", "город Воронеж вырос"),
        Example("en", "the city of ⟦Rіga⟧", "the city of Riga"),
        Example("de", "die ⟦Stаdt⟧ fiel", "die Stadt fiel"),
        Example("es", "la ⟦ciudаd⟧ cayó", "la ciudad cayó"),
        Example("fr", "la ⟦villе⟧ est tombée", "la ville est tombée"),
        Example("it", "la ⟦cittа⟧ è caduta", "la citta è caduta"),
        Example("pt", "a ⟦cidаde⟧ caiu", "a cidade caiu"),
        Example("nl", "de ⟦stаd⟧ viel", "de stad viel"),
    )
    clean = (("ru", "Компания Apple и iPhone, COVID-19, Т-34."), ("en", "Greek α-helix and Cyrillic Ж letter."))
    WORD = regex.compile(r"[\p{L}\p{M}]+")

    @staticmethod
    def _one_script(word: str) -> bool:
        """Are all letters of ``word`` in the script of its first letter?"""
        for name, pattern in SCRIPT_OF.items():
            if pattern.match(word):
                return bool(WHOLE_WORD_IN[name].fullmatch(word))
        return False

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in self.WORD.finditer(doc.masked):
            word = m.group()
            if word.isascii() or self._one_script(word):
                continue  # the common case, decided without counting
            counts = {name: len(p.findall(word)) for name, p in SCRIPT_OF.items()}
            present = [name for name, n in counts.items() if n]
            if len(present) < 2:
                continue
            main = max(present, key=lambda s: (counts[s], s == lang.script))
            table = {"Cyrillic": LATIN_TO_CYRILLIC, "Latin": CYRILLIC_TO_LATIN}.get(main, {})
            odd = [c for c in word if not SCRIPT_OF[main].match(c) and c.isalpha()]
            fixes = []
            if table and all(c in table for c in odd):
                fixed = "".join(table.get(c, c) if not SCRIPT_OF[main].match(c) else c for c in word)
                fixes.append(Fix.replace(m.start(), m.end(), fixed))
            yield self.finding(m.start(), m.end(),
                               f"`{word}` mixes {' and '.join(present)} letters ({', '.join(sorted(set(odd)))} in a {main} word)",
                               *fixes)


@lru_cache(maxsize=8)
def _tag_name(tag: str) -> str:
    """A tag's element, as ``<name`` or ``</name``, in lower case.

    >>> _tag_name('<A href="/x">'), _tag_name("</b>"), _tag_name("<br/>")
    ('<a', '</b', '<br')
    """
    return regex.match(r"</?[\w:-]+", tag).group().lower()


@lru_cache(maxsize=256)
def _tags_of(source: str) -> frozenset[str]:
    """The elements of a source's HTML tags (``_tag_name``), read once per source (a search
    of the whole source for each tag of a long document was quadratic).

    >>> sorted(_tags_of('Use <B>bold</b> and <a href="/x">a link</a>'))
    ['</a', '</b', '<a', '<b']
    """
    return frozenset(_tag_name(m.group()) for m in HTML_TAG.finditer(source))
