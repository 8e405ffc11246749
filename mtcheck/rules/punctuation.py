"""Punctuation and spacing: missing and extra spaces, unbalanced quotes and brackets, marks of
another language's convention.

Which marks a language uses, and which take a space before them, is read from its
``language.toml`` (French ``Pourquoi ?`` and ``« … »`` are conventions, not errors).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from functools import lru_cache

import regex

from mtcheck.document import MASK, Document
from mtcheck.finding import Applicability, Edit, Fix
from mtcheck.languages import Language
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.codepages import byte_of_mojibake
from mtcheck.text.messages import detect_syntax
from mtcheck.text.numbers import number_words
from mtcheck.text.chars import (NARROW_NBSP, NBSP, APOSTROPHES, BRACKET_MARK, BRACKETS, CLOSERS, CLOSING_BRACKETS, DOUBLE_QUOTES, FULLWIDTH,
                                QUOTE_MARK, QUOTE_MARKS, QUOTE_TOKEN)


_SPACE = " \t\u00a0\u202f"


def _double(mark: str) -> bool:
    """Is ``mark`` a double quotation mark (“, «, ", or two single marks in a row)?"""
    return mark in DOUBLE_QUOTES or len(mark) == 2


def _symbol(ch: str) -> bool:
    """A mark that is neither a letter, a digit, a space, a quote nor a bracket."""
    return bool(ch) and not ch.isalnum() and not ch.isspace() and ch not in QUOTE_MARKS + "()[]{}"


def _flank(text: str, i: int, end: int | None = None) -> str:
    """Classify the mark at ``text[i:end]`` (one character by default) as ``open``, ``close``
    or ``?`` by its neighbours (Markdown's left- and right-flanking rule).

    >>> _flank('say "hi" now', 4), _flank('say "hi" now', 7), _flank("''so''", 4, 6)
    ('open', 'close', 'close')
    """
    end = i + 1 if end is None else end
    before = text[i - 1] if i > 0 else " "
    after = text[end] if end < len(text) else " "
    space_before = before.isspace() or before in "([{—–-/" or before in QUOTE_MARKS
    space_after = after.isspace() or after in ".,;:!?)]}…" or after in QUOTE_MARKS
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "?"


def source_quotes_unbalanced(source: str) -> bool:
    """An odd number of double quotation marks, of any convention, in a source text.

    >>> source_quotes_unbalanced('Die beste Nachricht ist, dass sie stabil sind", sagte er.')
    True
    """
    return sum(source.count(c) for c in DOUBLE_QUOTES) % 2 == 1


def _faithful(doc: Document, offset: int) -> bool:
    """Is the unit at ``offset`` a translation of a source whose quotes are unbalanced too?
    (WMT segments split multi-sentence quotations; the translation then keeps the imbalance.)"""
    source = doc.source_at(offset)
    return source is not None and source_quotes_unbalanced(source)


def _open_in_source(doc: Document, offset: int, bracket: str) -> bool:
    """Does the source of the unit at ``offset`` leave ``bracket`` open too (an aside that
    closes in the next record, a source typo the translation keeps)?

    >>> _open_in_source(Document("Guardar (opcional", "es", source="Save (optional"), 7, "(")
    True
    """
    source = doc.source_at(offset)
    return source is not None and source.count(bracket) > source.count(BRACKETS[bracket])


def lone_sentence(doc: Document) -> bool:
    """A record with no document around it (no ``doc_id`` shared with others) and no source:
    a quotation or an aside may open or close in the sentences before or after it, which are not
    here. With a source, a balanced source makes an unbalanced translation an error again."""
    return doc.has_records and len(doc.segments) == 1 and doc.segments[0].source is None


_LETTERS_BEFORE = regex.compile(r"(?r)\p{L}*")
# A Spanish opening mark belongs to the word after it (`Hola,¿qué`): the rule's lookahead admits it.
_LETTERS_AFTER = regex.compile(r"[¿¡]*\p{L}*")


MAX_COLON_ENDING = 3  # Swedish `:s`, Finnish `:n`, `:ssa`, `:lle`
FREQUENT_WORD = 4.5  # Zipf: a capitalized word this frequent before `!` is a word, not a brand


@lru_cache(maxsize=None)
def _colon_endings(code: str) -> bool:
    """Does the language write case endings after a colon (``[punctuation] colon_endings``)?"""
    from mtcheck.languages import language_settings

    return bool(language_settings(code)["punctuation"].get("colon_endings", False))


@register
class MissingSpace(Rule):
    code = "MT201"
    needs_word_spaces = True
    name = "missing-space-after-punctuation"
    category = "missing-space"
    what = ("Finds a comma, semicolon or colon between two words with no space after it "
            "(`them,including`, German `[Quelle:dpa]`), and a sentence end glued to the next "
            "sentence (`Ukraine.The`, `ended!The`, `why?The`, French `journée !Demain`), unless "
            "the word after it goes on with a period (`Report.Final.docx`, a file). A colon "
            "after a word in capitals "
            "is Swedish and Finnish inflection (`EU:s`, `USA:n`), and so is a short ending in lower "
            "case after a colon in a language whose data says it writes them (Finnish `NoMa:n`); "
            "a colon between ASCII "
            "words in lower case or inside a token of more parts (`xsi:type`, `a:b:c`) is code: "
            "neither is reported. After `!`, a capitalized word that is rare in the language before "
            "a word that is no function word is a brand (`Yahoo!News`).")
    why = "The space was lost in the MT pipeline; readers see one long token."
    fix_safety = "Safe: a space is inserted after the mark."
    examples = (
        Example("en", "all of ⟦them,including⟧ women", "all of them, including women"),
        Example("en", "in southern ⟦Ukraine.The⟧ ministry said", "in southern Ukraine. The ministry said"),
        Example("de", "die ⟦Soldaten,darunter⟧ Frauen", "die Soldaten, darunter Frauen"),
        Example("es", "los ⟦soldados;otros⟧ huyeron", "los soldados; otros huyeron"),
        Example("ru", "все ⟦они,включая⟧ женщин", "все они, включая женщин"),
        Example("fr", "les ⟦soldats,dont⟧ des femmes", "les soldats, dont des femmes"),
        Example("it", "i ⟦soldati,tra⟧ cui donne", "i soldati, tra cui donne"),
        Example("pt", "os ⟦soldados,incluindo⟧ mulheres", "os soldados, incluindo mulheres"),
        Example("nl", "de ⟦soldaten,onder⟧ wie vrouwen", "de soldaten, onder wie vrouwen"),
        Example("pt", "o exército não ⟦comentou;o⟧ presidente disse", "o exército não comentou; o presidente disse"),
        Example("de", "Die Zahl stieg weiter ⟦an!Die⟧ Behörden schwiegen.", "Die Zahl stieg weiter an! Die Behörden schwiegen."),
        Example("de", "Der Bericht erschien gestern [⟦Quelle:dpa⟧].", "Der Bericht erschien gestern [Quelle: dpa]."),
        Example("en", "Nobody came ⟦back!Then⟧ the rain started.", "Nobody came back! Then the rain started."),
    )
    clean = (
        ("en", "It cost 1,500 dollars, i.e. 8.5 percent, at 10:30 a.m. in the U.S. on Node.js and ASP.NET."),
        ("en", "Posted via Newsfeed.Com by Kyle.Jones@ on the list."),
        ("de", "Es kostete 1.500,50 Euro."),
        ("fr", "Il a dit : « Pourquoi ? »"),
        ("en", "Read Yahoo!News at 10:30, the EU:s report and xsi:type or a:b:c in code."),
        ("en", "Open the file Report.Final.docx now."),
        ("sv", "Enligt EU:s nya regler och USA:s president."),
    )
    # After a comma, semicolon or colon, two letters, or a one-letter word in lower case before a
    # space (Portuguese `comentou;o presidente`, Croatian `lipnja,a sindikati`); `x,y` lists have
    # one letter before the mark. A sentence end (`.`, `?`, `!`) before a capitalized word.
    # A spaced `!` or `?` (French `journée !Demain`) glued to the next sentence counts too.
    PATTERN = regex.compile(r"(?<=\p{L}{2})([,;:])(?=[\p{L}¿¡]{2}|\p{Ll}[ \t])|(?<=\p{Ll}{2})([.?!])(?=\p{Lu}\p{Ll}{2})|(?<=\p{Ll}{2}[ \u00a0\u202f])([?!])(?=\p{Lu}\p{Ll}{2})")

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in self.PATTERN.finditer(doc.masked):
            start, end = m.span()
            # Read from the mark outwards (a reverse match ends at ``start``), not by searching
            # the text before it: that made a document with many slips quadratic.
            left = _LETTERS_BEFORE.match(doc.masked, 0, start).group()
            right = _LETTERS_AFTER.match(doc.masked, end).group()
            if doc.masked[start - len(left) - 1: start - len(left)] == ".":
                continue  # an abbreviation chain such as U.S.A.
            if m.group() == ";" and doc.masked[start - len(left) - 1: start - len(left)] in ("&", "#"):
                continue  # an HTML entity (&quot;): markup residue, reported by MT302
            if m.group() == "." and doc.masked[end + len(right): end + len(right) + 1] == "@":
                continue  # an address cut short (Kyle.Jones@)
            if m.group() == "!" and left[:1].isupper() and lang.zipf(left) < FREQUENT_WORD \
                    and lang.lower(right) not in lang.glue_words:
                continue  # a brand with its mark: Yahoo!News (German `Tag!Morgen` is a slip)
            if m.group() in ".?!" and regex.match(r"\.\p{L}", doc.masked[end + len(right): end + len(right) + 2]):
                continue  # a dotted name: a file or a domain (`Report.Final.docx`)
            if m.group() == ":" and (left.isupper() or not left[:1].isalpha()
                                     or (left + right).isascii() and (left + right).islower()
                                     or doc.masked[start - len(left) - 1: start - len(left)] not in ("", " ", "\n", "\t", "(", "[", "\u00a0")
                                     or doc.masked[end + len(right): end + len(right) + 1] in (":", ".", "_", "/", "=", "(")):
                continue  # Swedish `EU:s`, code such as `xsi:type`, `a:b:c`, `ns:tag.x`
            if m.group() == ":" and len(right) <= MAX_COLON_ENDING and right.islower() and _colon_endings(lang.code):
                continue  # Finnish `NoMa:n`, Swedish `Nato:s`: a case ending after a colon
            yield self.finding(
                start - len(left), end + len(right),
                f"no space after `{m.group()}` in `{left}{m.group()}{right}`",
                Fix.replace(end, end, " "),
            )


@register
class SpaceBeforePunctuation(Rule):
    code = "MT202"
    needs_word_spaces = True
    name = "space-before-punctuation"
    category = "extra-space"
    what = ("Finds a space before a mark that the language writes directly after the word "
            "(English `line ;`), following the language's own convention (French keeps "
            "`Pourquoi ?`).")
    why = "Source-language or tokenizer spacing carried into the translation."
    fix_safety = "Safe: the space is removed."
    examples = (
        Example("en", "the front⟦ ⟧; the city", "the front; the city"),
        Example("en", "they said⟦ ⟧, again", "they said, again"),
        Example("de", "Warum⟦ ⟧? Darum.", "Warum? Darum."),
        Example("fr", "les soldats⟦ ⟧, disait-il", "les soldats, disait-il"),
        Example("ru", "солдаты⟦ ⟧, по его словам", "солдаты, по его словам"),
        Example("es", "los soldados⟦ ⟧, dijo", "los soldados, dijo"),
        Example("it", "i soldati⟦ ⟧; gli altri", "i soldati; gli altri"),
        Example("pt", "os soldados⟦ ⟧. Depois", "os soldados. Depois"),
        Example("nl", "Waarom⟦ ⟧? Daarom.", "Waarom? Daarom."),
    )
    clean = (("fr", "Pourquoi ? Parce que : voilà ; « oui » !"), ("en", "Smile :) and wait ... or .5 more"),
             ("en", "At 10 : 30 it ended, with .Net and the .dll file."), ("en", "Tom &amp; , Jerry"))
    # What may stand before the space: a word's end, a closing bracket or quote
    # (MT302 reports the entity, and its fix leaves the mark: `&quot;severe&quot; ,` is
    # `"severe" ,`, whose space `fix` would otherwise remove in a pass that check never showed).
    WORD_END = r"[\p{L}\p{N})\]”»\"'’]"
    ENTITY = regex.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);\Z")

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in self._pattern(lang.no_space_before).finditer(doc.masked):
            mark, after = m.group(2), doc.masked[m.end():m.end() + 1]
            entity = self.ENTITY.search(doc.masked, max(0, m.start() - 12), m.start())
            if entity and not regex.fullmatch(self.WORD_END, html.unescape(entity.group())):
                continue  # `&amp; ,`: the entity stands for no word end
            if mark in ":;" and after == ")" or mark == "." and after == ".":
                continue  # a smiley, :) or ;), or an ellipsis
            if mark == "." and (doc.masked[m.end():m.end() + 2] == " ." or doc.masked[m.start() - 1: m.start()] == "."):
                continue  # a spaced ellipsis, ". . ."
            if mark == ":" and doc.masked[m.start() - 1: m.start()].isdigit():
                continue
            yield self.finding(m.start(1), m.end(1), f"space before `{mark}`",
                               Fix.replace(m.start(1), m.end(1), ""))


    @staticmethod
    @lru_cache(maxsize=None)
    def _pattern(marks: str) -> regex.Pattern:
        # The mark must end its word: " .Net", " .5" and " ..." are not spacing errors.
        # Invisible characters (MT304's) between the word and the space: `word\u2060 !` too.
        return regex.compile(rf"(?<=(?:{SpaceBeforePunctuation.WORD_END}|&#?\w+;)[\u200b-\u200f\u2060\ufeff\u00ad]*)([{_SPACE}]+)([{regex.escape(marks)}])(?=[\s\"”»’)]|$)")


@register
class DoubledSpace(Rule):
    code = "MT203"
    needs_language_data = False
    name = "doubled-space"
    category = "extra-space"
    what = "Finds two or more spaces between words."
    why = "Leftovers of removed words or joined segments; human text has them too, less often."
    fix_safety = "Safe: the run becomes one space."
    examples = (
        Example("en", "the⟦  ⟧ministry said", "the ministry said"),
        Example("es", "el⟦   ⟧ministerio", "el ministerio"),
        Example("de", "das⟦  ⟧Ministerium", "das Ministerium"),
        Example("fr", "le⟦  ⟧ministère", "le ministère"),
        Example("it", "il⟦  ⟧ministero", "il ministero"),
        Example("pt", "o⟦  ⟧ministério", "o ministério"),
        Example("nl", "het⟦  ⟧ministerie", "het ministerie"),
        Example("ru", "министерство⟦  ⟧заявило", "министерство заявило"),
    )
    clean = (("en", "    indented line\nand a | table | row |"),)
    PATTERN = regex.compile(r"(?<=[^\s|])( {2,})(?=[^\s|])")

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in self.PATTERN.finditer(doc.masked):
            yield self.finding(m.start(), m.end(), f"{len(m.group())} spaces in a row",
                               Fix.replace(m.start(), m.end(), " "))


@register
class SpaceInsideBrackets(Rule):
    code = "MT204"
    needs_language_data = False
    needs_word_spaces = True
    name = "space-inside-brackets"
    category = "extra-space"
    what = ("Finds a space just inside one side of a bracket pair: `(some of them )`. "
            "Spaces inside both sides, `( some of them )`, are a style some writers keep.")
    why = "Tokenizer spacing carried into the text."
    fix_safety = "Safe: the space is removed."
    examples = (
        Example("en", "(⟦ ⟧some of them)", "(some of them)"),
        Example("de", "(einige von ihnen⟦ ⟧)", "(einige von ihnen)"),
        Example("es", "(algunos de ellos⟦ ⟧)", "(algunos de ellos)"),
        Example("fr", "(⟦ ⟧certains d'entre eux)", "(certains d'entre eux)"),
        Example("it", "(alcuni di loro⟦ ⟧)", "(alcuni di loro)"),
        Example("pt", "(⟦ ⟧alguns deles)", "(alguns deles)"),
        Example("nl", "(sommigen van hen⟦ ⟧)", "(sommigen van hen)"),
        Example("ru", "(⟦ ⟧некоторые из них)", "(некоторые из них)"),
    )
    clean = (("en", "- [ ] a task list item ( ) and ( a spaced aside ) and [ another ]"),)
    PAIR = regex.compile(r"([(\[])( *)([^()\[\]\n]*?)( *)([)\]])")

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in self.PAIR.finditer(doc.masked):
            inner, before, after = m.group(3), m.group(2), m.group(4)
            if not inner.strip() or bool(before) == bool(after):
                continue
            space = m.span(2) if before else m.span(4)
            if MASK in doc.masked[space[0] - 1: space[1] + 1]:
                continue  # next to a URL or address: the space keeps the bracket out of the link
            yield self.finding(space[0], space[1], "space inside brackets",
                               Fix.replace(space[0], space[1], ""))


@register
class UnbalancedQuote(Rule):
    code = "MT205"
    name = "unbalanced-quote"
    category = "unbalanced-quote"
    fix_availability = FixAvailability.NEVER
    what = ("Finds an opening quotation mark with no closing one in its paragraph, or a closing "
            "one with no opening one, for the quote pairs of the language (the records of one "
            "document are read as one paragraph). A quotation that "
            "goes on into the next paragraph, opening it again, is the convention and fine, and "
            "so is a record whose source is unbalanced in the same way, or a lone record (no "
            "doc_id, no source) whose quotation may go on in sentences that are not there.")
    why = "A lost quote mark leaves the reader unsure where the quotation ends."
    examples = (
        Example("en", "⟦“⟧We moved the elderly first, then the families, a volunteer said.\n\nMore text.", None),
        Example("de", "Er sagte: ⟦„⟧Wir kämpfen weiter.", None),
        Example("fr", "Il a dit ⟦«⟧ nous continuerons.", None),
        Example("ru", "Он сказал: ⟦«⟧Мы продолжим.", None),
        Example("es", "Dijo que todo iba bien⟦»⟧ y se fue.", None),
        Example("it", "Ha detto: ⟦«⟧Andremo avanti.", None),
        Example("pt", "Ele disse: ⟦“⟧Vamos continuar.", None),
        Example("nl", "Hij zei: ⟦“⟧We gaan door.", None),
    )
    clean = (
        ("en", "“We go on,” he said.\n\n“A quote that runs on,\n\n“into the next paragraph,” he said."),
        ("de", "Er sagte: „Wir kämpfen weiter.“ Dann ging er."),
        ("fr", "Il a dit : « Nous continuerons. »"),
        ("en", "The soldiers’ families, the ‘pause’ and rock ’n’ roll in the ’90s."),
        ("nl", "Hij zei: ,,We gaan door.'' En hij ging."),
        ("en", "\"We had to take action.'' And ``so we did,'' he said. The Students‘ Union agreed."),
        ("en", "Though ''decided'' is wrong, ‘’we left,’’ she said, or something,, you know."),
        ("nl", "Hij zei dat,,het volk erom vraagt''. En: ,,Het lijkt wel een droom. ''"),
        ("pt", "Terminou com 10,017'' de avanço e 2,328'' sobre Rui."),
        ("es", '“Supongo que sí", dijo. Y añadió que " no habrá más " datos.'),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        if lone_sentence(doc):
            return
        pairs = [q for q in lang.quotes if q.open not in APOSTROPHES]
        closers = {q.close for q in pairs}
        openers = {q.open for q in pairs}
        text = doc.masked
        paragraphs = doc.paragraphs
        for n, (start, end) in enumerate(paragraphs):
            stack: list[tuple[int, str]] = []
            unmatched_closers: list[tuple[int, str]] = []
            for m in QUOTE_TOKEN.finditer(text, start, end):
                i, ch = m.start(), m.group()
                kind = self._role(text, i, ch, openers, closers, stack)
                if kind is None:
                    continue
                if kind == "close":
                    # Any double mark closes any double mark: “…" is a style slip (MT207's
                    # business), not a quotation left open.
                    match = next((k for k in range(len(stack) - 1, -1, -1)
                                  if _double(stack[k][1]) == _double(ch)), None)
                    if match is not None:
                        del stack[match]
                    elif ch not in APOSTROPHES:  # a lone ‘ or ’ after a word is an apostrophe
                        unmatched_closers.append((i, ch))
                else:
                    stack.append((i, ch))
            unmatched = [i for i, _ in stack + unmatched_closers]
            if self._straight_pairs(text, unmatched, start, end):
                continue  # misplaced spaces around an even number of straight quotes
            # Doubled single marks ('' ``) only pair up with other marks: alone, they may be
            # ditto marks, seconds or typos, so they are never reported themselves.
            stack = [(j, ch) for j, ch in stack if len(ch) == 1]
            for i, ch in unmatched_closers:
                if len(ch) == 1 and not _faithful(doc, i):
                    yield self.finding(i, i + len(ch), f"closing `{ch}` has no opening mark in its paragraph")
            for j, ch in stack:
                if self._continues(text, paragraphs, n, ch) or _faithful(doc, j):
                    continue
                close = next((q.close for q in pairs if q.open == ch), "''")
                yield self.finding(j, j + len(ch), f"opening `{ch}` is not closed by `{close}` in its paragraph")

    def _role(self, text: str, i: int, ch: str, openers: set[str], closers: set[str],
              stack: list[tuple[int, str]]) -> str | None:
        """``open`` or ``close`` for the mark ``ch`` at ``text[i]``; None when it is no quote.

        >>> UnbalancedQuote()._role('say "hi"', 4, '"', {'"'}, {'"'}, [])
        'open'
        """
        if len(ch) == 2:  # a doubled mark ('' `` ‘’ ,,): its neighbours tell its role
            kind = _flank(text, i, i + 2)
            if ch == ",,":
                return None if kind == "close" else "open"  # "DeBerry,, Präsident" is a typo
            if text[i - 1: i].isdigit():
                return None  # seconds or inches: 10,017'' or 5' 10''
            if kind == "?":  # spaced on both sides: it closes an open quotation, if any
                return "close" if any(_double(mark) for _, mark in stack) else "open"
            return kind
        if ch not in openers and ch not in closers or self._not_a_quote(text, i):
            return None
        kind = "open" if ch not in closers else "close" if ch not in openers else _flank(text, i)
        if kind == "?":  # a symmetric ASCII mark between two letters: pair by count
            kind = "close" if any(mark == ch for _, mark in stack) else "open"
        return kind

    @staticmethod
    def _not_a_quote(text: str, i: int) -> bool:
        """A mark between two letters is an apostrophe (O‘Mahony); after a digit, inches (20x16")."""
        before, after = text[i - 1: i], text[i + 1: i + 2]
        return (before.isalpha() and after.isalpha()) or (before.isdigit() and text[i] in "\"'″")

    @staticmethod
    def _straight_pairs(text: str, unmatched: list[int], start: int, end: int) -> bool:
        """Are all unmatched marks straight ``"`` in a paragraph with an even number of them?
        Then the quotes pair up and only their spacing misled the open/close reading:
        ``de" olvidarnos … historia ",``."""
        return bool(unmatched) and all(text[i] == '"' for i in unmatched) and \
            text.count('"', start, end) % 2 == 0

    @staticmethod
    def _continues(text: str, paragraphs: list[tuple[int, int]], n: int, mark: str) -> bool:
        """A quotation running on: the next paragraph opens with the same mark."""
        return n + 1 < len(paragraphs) and text[paragraphs[n + 1][0]] == mark


@register
class UnbalancedBracket(Rule):
    code = "MT206"
    needs_language_data = False
    name = "unbalanced-bracket"
    category = "unbalanced-bracket"
    fix_availability = FixAvailability.NEVER
    what = ("Finds an opening bracket that is not closed in its paragraph (the records of one "
            "document are read as one paragraph): `(some of them were blindfolded.` A closing "
            "bracket alone is not reported: chat text writes `)` as a smile, and list markers "
            "(`a)`, `2)`) have none. Nor is an opening bracket in a smiley (`:(`, `(:`) or "
            "with a space or nothing after it, or in a lone record (no `doc_id`, no source), "
            "whose aside may close in sentences that are not there, or where the unit's "
            "source leaves the same bracket open (the translation is faithful). The braces of "
            "an ICU or Fluent message (`{n, plural, …}`, `{ $n -> … }`) are its syntax, which "
            "MT706 judges.")
    why = "A lost bracket leaves the reader unsure where the aside ends."
    examples = (
        Example("en", "⟦(⟧some of them were blindfolded.", None),
        Example("de", "Die Soldaten ⟦(⟧einige von ihnen wurden verletzt.", None),
        Example("es", "⟦[⟧algunos de ellos", None),
        Example("fr", "⟦(⟧certains avaient les yeux bandés.", None),
        Example("it", "⟦(⟧alcuni erano bendati.", None),
        Example("pt", "⟦(⟧alguns estavam vendados.", None),
        Example("nl", "⟦(⟧sommigen waren geblinddoekt.", None),
        Example("ru", "⟦(⟧у некоторых были завязаны глаза.", None),
    )
    clean = (("en", "Options: a) stay, b) leave; or 1) 2) 3). Smile :) and :-( and (this (nested) one)."),
             ("ru", "Всё хорошо) Спасибо(( Увидимся ("), ("en", "Thank you (: and see you (;"),
             ("en", "The project (http://www.example.org/home/default.asp) and (www.example.com/a/b)."))

    def check(self, doc: Document, lang: Language) -> Iterable:
        if lone_sentence(doc):
            return
        text = doc.masked
        for start, end in doc.paragraphs:
            stack: list[int] = []
            # The braces of an ICU or Fluent message are its syntax: MT706 judges them.
            message = "{" in text[start:end] and detect_syntax(doc.text[start:end]) is not None
            for m in BRACKET_MARK.finditer(text, start, end):
                i, ch = m.start(), m.group()
                if message and ch in "{}":
                    continue
                if ch in BRACKETS:
                    stack.append(i)
                elif ch in CLOSING_BRACKETS and stack and text[stack[-1]] == CLOSING_BRACKETS[ch]:
                    stack.pop()
            for j in stack:
                if not self._smiley(text, j) and not _open_in_source(doc, j, text[j]):
                    yield self.finding(j, j + 1, f"`{text[j]}` is not closed in its paragraph")

    @staticmethod
    def _smiley(text: str, i: int) -> bool:
        """``:(``, ``((``, ``(:``, or ``(`` with nothing after it on its line: a face, not an aside."""
        before, after = text[i - 1: i], text[i + 1: i + 2]
        if after in (":", ";") and not text[i + 2: i + 3].isalnum():
            return True  # a mirrored smiley, (: or (;
        if _symbol(before) and _symbol(after):
            return True  # ASCII art, a signature such as ===}*{===, not an aside
        return before in (":", ";", "-", "=", "(") or after in ("(", "") or after.isspace()


@register
class ForeignQuotes(Rule):
    code = "MT207"
    name = "foreign-quotation-marks"
    category = "foreign-punctuation"
    fix_availability = FixAvailability.SOMETIMES
    what = ("Finds quotation marks that the target language does not use (`«lack of will»` in "
            "English, `“…”` closing with `”` in German).")
    why = "The source language's quote style was carried over."
    fix_safety = ("Safe when the mark clearly opens or closes (a space on one side): it becomes the "
                  "language's own mark, and an opening mark's closing partner on the line goes along "
                  "(`„yes“` → `“yes”`); no fix when its role is unclear, or when the mark is a byte "
                  "of mojibake (`›` in `sobÄ›`, `ě` read as Windows-1252), which MT301 repairs.")
    examples = (
        Example("en", "a total ⟦«⟧lack of will⟦»⟧ on the part", "a total “lack of will” on the part"),
        Example("de", "die „Kapitulation⟦”⟧ der Soldaten", "die „Kapitulation“ der Soldaten"),
        Example("ru", "так называемая «спецоперация⟦”⟧ провалилась", "так называемая «спецоперация» провалилась"),
        Example("es", "dijo ⟦„⟧basta“ y se fue", "dijo «basta» y se fue"),
        Example("fr", "il a dit ⟦„⟧assez“ et il est parti", "il a dit «assez» et il est parti"),
        Example("it", "ha detto ⟦„⟧basta“ e se ne è andato", "ha detto «basta» e se ne è andato"),
        Example("pt", "disse ⟦„⟧basta“ e foi embora", "disse “basta” e foi embora"),
        Example("nl", "hij zei ⟦«⟧genoeg⟦»⟧ en ging weg", "hij zei “genoeg” en ging weg"),
        Example("de", "sie sagte ⟦「⟧genug⟦」⟧ und ging", "sie sagte „genug“ und ging"),
    )
    clean = (("fr", "« Pourquoi ? »"), ("de", "„Wir gehen“, sagte er."), ("es", "«Hola», dijo “él”."),
             ("en", "He said: “Go”, and ‘stay’."))

    def check(self, doc: Document, lang: Language) -> Iterable:
        allowed = lang.quote_chars | set(APOSTROPHES)
        for m in QUOTE_MARK.finditer(doc.masked):
            i, ch = m.start(), m.group()
            if ch in allowed:
                continue
            kind = _flank(doc.masked, i)
            single = ch in "‹›‚‘’『』"  # 「」 are CJK primary quotes (『』 the inner ones)
            pair = lang.secondary_quotes if single else lang.primary_quotes
            fixes = []
            # A mark that is a byte of mojibake (`›` of `sobÄ›`, `ě` garbled) is no quotation
            # mark: replaced, it would make other mojibake (`Ä‘`, `đ`).
            if kind != "?" and not byte_of_mojibake(doc.text, i):
                replacement = pair.open if kind == "open" else pair.close
                edits = [Edit(i, i + 1, replacement)]
                if kind == "open":  # `„yes“` → `“yes”`, not `“yes“`: its closing mark goes along
                    edits += self._partner(doc.masked, i, pair.close)
                fixes.append(Fix(tuple(edits)))
            yield self.finding(i, i + 1, f"`{ch}` is not a quotation mark of {lang.name}", *fixes)

    @staticmethod
    def _partner(text: str, i: int, close: str) -> list[Edit]:
        """The edit that makes the mark closing the quotation opened at ``text[i]`` ``close``:
        the next quotation mark on the line, when it is one that closes this opening mark's
        convention, does not open, and is not ``close`` already.

        >>> ForeignQuotes._partner("He said „yes“ twice", 8, "”")
        [Edit(start=12, end=13, replacement='”')]
        >>> ForeignQuotes._partner("He said „yes „no", 8, "”")
        []
        """
        line_end = text.find("\n", i)
        m = QUOTE_MARK.search(text, i + 1, len(text) if line_end < 0 else line_end)
        if m is None or m.group() == close or m.group() not in CLOSERS.get(text[i], "") \
                or _flank(text, m.start()) == "open":
            return []
        return [Edit(m.start(), m.end(), close)]


def _latin_form(mark: str) -> str:
    """The mark a Latin-script text writes for a CJK one: its compatibility form where that is
    ASCII or a dash (`｜` → `|`, `︱` → `—`, `——` → `—`); "" (no replacement) otherwise.

    >>> _latin_form("｜"), _latin_form("︱"), _latin_form("——"), _latin_form("《")
    ('|', '—', '—', '')
    """
    if mark == "——":
        return "—"
    import unicodedata

    form = unicodedata.normalize("NFKC", mark)
    return form if form != mark and (form.isascii() or form in "—–") else ""


@register
class ForeignMarks(Rule):
    code = "MT208"
    name = "foreign-punctuation-marks"
    category = "foreign-punctuation"
    fix_availability = FixAvailability.SOMETIMES
    what = ("Finds inverted question and exclamation marks (`¿What`) outside Spanish, and "
            "the marks of Chinese and Japanese punctuation (full-width `，` `。` `｜`, `︱`, `《》`, "
            "`【】`, the double dash `——`) in a language that does not write them (CLDR's marks "
            "of each language).")
    why = "Source-language punctuation carried over."
    fix_safety = ("Safe: the mark is removed, or replaced by the Latin mark and a space (`——` by "
                  "`—`). No fix for a bracket with no Latin form (`《`), nor for a mark "
                  "that is a byte of mojibake (`¡` in `å¡`), which removing would garble further.")
    examples = (
        Example("en", "⟦¿⟧What happened?", "What happened?"),
        Example("fr", "⟦¡⟧Quelle surprise!", "Quelle surprise!"),
        Example("en", "they disappeared⟦，⟧then left", "they disappeared, then left"),
        Example("de", "⟦¿⟧Was ist passiert?", "Was ist passiert?"),
        Example("es", "se rindieron⟦，⟧luego", "se rindieron, luego"),
        Example("it", "⟦¿⟧Cosa è successo?", "Cosa è successo?"),
        Example("pt", "⟦¡⟧Que surpresa!", "Que surpresa!"),
        Example("nl", "⟦¿⟧Wat is er gebeurd?", "Wat is er gebeurd?"),
        Example("ru", "⟦¿⟧Что случилось?", "Что случилось?"),
        Example("en", "He said⟦——⟧the office would close.", "He said—the office would close."),
        Example("en", "He read ⟦《⟧War and Peace⟦》⟧ twice.", None),
    )
    clean = (("es", "¿Qué pasó? ¡Nada!"), ("zh", "他说——我们走吧。《红楼梦》"), ("ja", "彼は——と言った。｜"),
             ("en", "He said — and meant it — that the office would close."))
    # The marks of the CJK punctuation and compatibility blocks (full-width `，`, `｜`, the
    # presentation form `︱`, `《》`, `【】`), a Chinese double dash, and the Spanish inverted
    # marks; quotation marks are MT207's. Which of them a language writes is CLDR's
    # (`allowed_marks`): Chinese and Japanese list theirs.
    PATTERN = regex.compile(r"——|[¿¡" + "".join(FULLWIDTH) + r"]"
                            r"|[[\p{P}\p{S}]&&[\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]--[「」『』〝〞〟＂＇〜～]]",
                            regex.V1)

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in self.PATTERN.finditer(doc.masked):
            ch = m.group()
            if ch in lang.allowed_marks or all(c in lang.allowed_marks for c in ch):
                continue
            if lang.full_width_marks and ch not in "¿¡":
                continue  # Chinese, Japanese, Korean: their own marks, whatever CLDR lists
            replacement = FULLWIDTH.get(ch) or _latin_form(ch)
            after = doc.text[m.end(): m.end() + 1]
            if after.isspace() or after == "":
                replacement = replacement.rstrip(" ")
            if doc.text[m.start() - 1: m.start()].isspace():
                replacement = replacement.lstrip(" ")
            start = self._space_before(doc.text, m.start()) if replacement and replacement[0] in lang.no_space_before else m.start()
            end = m.end()
            if not replacement and doc.text[m.start() - 1: m.start()] in _SPACE and after and after in _SPACE:
                text = doc.text
                while end < len(text) and text[end] in _SPACE:
                    end += 1  # `a ¡ b` → `a b`, not MT203's `a  b` (`a ¿ \t b` too)
                if end < len(text) and text[end] in lang.no_space_before:
                    while start > 0 and text[start - 1] in _SPACE:
                        start -= 1  # `a ¡ :` → `a:`, not MT202's `a :`
            # A mark that is a byte of mojibake (`¡` of `å¡`) is left to the encoding repair.
            no_form = not replacement and ch not in "¿¡"  # `《`: no Latin mark to put there
            fixes = () if no_form or byte_of_mojibake(doc.text, m.start()) else (Fix.replace(start, end, replacement),)
            yield self.finding(m.start(), m.end(), f"`{ch}` is not punctuation of {lang.name}", *fixes)

    @staticmethod
    def _space_before(text: str, i: int) -> int:
        """Where the spaces before ``text[i]`` start, when a word ends before them (the Latin
        mark that replaces a full-width one takes no space before it: one edit, not MT202's next).

        >>> ForeignMarks._space_before("word ，then", 5), ForeignMarks._space_before(" ，then", 1)
        (4, 1)
        """
        j = i
        while j > 0 and text[j - 1] in _SPACE:
            j -= 1
        return j if j < i and j > 0 and (text[j - 1].isalnum() or text[j - 1] in ")]”»\"'’") else i



# A character of the scripts written with full-width punctuation.
_WIDE = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"
HALF_WIDTH_MARK = regex.compile(rf"(?<={_WIDE})[,.!?:;](?: (?={_WIDE})|(?={_WIDE})|(?=[ \t]*$))", regex.M)


@register
class HalfWidthMarks(Rule):
    code = "MT209"
    name = "half-width-punctuation"
    category = "foreign-punctuation"
    added_in = "0.1.0"
    what = ("Finds a half-width mark (`,` `.` `?`) between the characters of a language written "
            "with full-width punctuation (Chinese `中文,中文`, Japanese `東京,大阪`).")
    why = ("Latin punctuation mixed into a Chinese or Japanese text is the trace of a source in a "
           "Latin script, or of an engine that normalizes marks; no editor writes both in one text.")
    fix_safety = "Safe: the mark (and a space after it) becomes the language's full-width mark."
    examples = (
        Example("zh", "我们到了北京⟦,⟧然后去了上海。", "我们到了北京，然后去了上海。"),
        Example("zh", "他说了什么⟦?⟧", "他说了什么？"),
        Example("ja", "東京に着きました⟦, ⟧それから大阪へ行きました。", "東京に着きました、それから大阪へ行きました。"),
        Example("ja", "雨が降っています⟦.⟧", "雨が降っています。"),
    )
    clean = (("zh", "价格是3.5元，版本是Python 3.11。"), ("ja", "東京、大阪、京都。iPhone 15, Pixel 8."),
             ("zh", "他说：“好。”"))

    def runs_on(self, language: Language) -> bool:
        return bool(language.full_width_marks)

    def check(self, doc: Document, lang: Language) -> Iterable:
        marks = lang.full_width_marks
        for m in HALF_WIDTH_MARK.finditer(doc.masked):
            wide = marks.get(m.group()[0])
            if wide is None:
                continue
            yield self.finding(m.start(), m.end(), f"`{m.group()[0]}` is half-width; {lang.name} writes `{wide}`",
                               Fix.replace(m.start(), m.end(), wide))


@lru_cache(maxsize=None)
def _period_words(code: str) -> frozenset[str]:
    """The language's words written with a period (lower case, without it): its abbreviations
    and those its sentence splitter knows (``etc``, ``kr``, ``jr``)."""
    from mtcheck.languages import language_settings

    data = language_settings(code)
    words = set(data.get("words", {}).get("abbreviations", []))
    for key in ("never_final", "final", "abbreviations"):
        words.update(data.get("sentences", {}).get(key, []))
    return frozenset(words)


# The same mark twice (`,,` `;;` `::`), or two different ones where one belongs (`,.` `;:`), after
# a word and before a space or the end; two periods after an abbreviation's (`etc..`, `D.C..`).
_DOUBLED_MARKS = regex.compile(r"(?<=[\p{L}\p{N})\]”»\"'’])(?<![.,;:!?])([,;:][,;:.]|\.\.)(?=[\s\"”»’)\]]|$)")
# The token before two periods: letters with inner periods (`D.C`), or one word.
_TOKEN_BEFORE = regex.compile(r"(?r)(?<![\p{L}\p{N}.])[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*")


@register
class DoubledPunctuation(Rule):
    code = "MT210"
    needs_word_spaces = True
    name = "doubled-punctuation"
    category = "repeated-word"
    what = ("Finds a punctuation mark written twice (`then,, they`, `list;; next`, `note:: see`), "
            "two different marks where one belongs (`left,. Then`, `said;: that`), and a "
            "sentence period after an abbreviation's period (`etc..`, `Washington, D.C..`), "
            "the abbreviations being the language's own. Not reported: an ellipsis (`...`), "
            "repeated `!` and `?` and their mixes (`!!`, `?!`, `???`), which informal human text "
            "writes in every language measured, two periods after a word (`later..`, a short "
            "ellipsis of informal text), a Dutch opening mark `,,` before a word, an abbreviation "
            "followed by its colon or semicolon (`e.g.:`, `Ont.;`), and code (`std::vector`).")
    why = ("The decoder stuttered on a mark, or two segments were joined each with its own mark; "
           "an edited text never has `,,` or `;;`.")
    fix_safety = ("Safe for a mark written twice and for two periods after an abbreviation: one "
                  "goes. Unsafe for two different marks: the first goes, and the writer may have "
                  "meant it instead of the second.")
    examples = (
        Example("en", "When they left⟦,,⟧ the town was empty.", "When they left, the town was empty."),
        Example("en", "They brought food, water, etc⟦..⟧", "They brought food, water, etc."),
        Example("de", "Als sie gingen⟦,,⟧ war die Stadt leer.", "Als sie gingen, war die Stadt leer."),
        Example("fr", "Ils sont partis hier⟦;;⟧ la ville était vide.", "Ils sont partis hier; la ville était vide."),
        Example("es", "Cuando se fueron⟦,.⟧ La ciudad quedó vacía.", "Cuando se fueron. La ciudad quedó vacía.",
                applicability=Applicability.UNSAFE),
        Example("it", "Quando se ne andarono⟦,,⟧ la città era vuota.", "Quando se ne andarono, la città era vuota."),
        Example("pt", "Levaram comida, água, etc⟦..⟧", "Levaram comida, água, etc."),
        Example("nl", "Toen ze vertrokken⟦,,⟧ was de stad leeg.", "Toen ze vertrokken, was de stad leeg."),
        Example("ru", "Когда они ушли⟦,,⟧ город опустел.", "Когда они ушли, город опустел."),
    )
    clean = (
        ("en", "Wait... what?! Really?? Great!!! We left.. later, e.g.: soon, in Ont.; and std::vector"),
        ("nl", "Hij zei:,,Het volk vraagt erom.'' En dat,,klopt''."),
        ("de", "Das Urteil (Az.: 5 AZR 216 / 94) kam um 10 Uhr."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        for m in _DOUBLED_MARKS.finditer(text):
            pair, start = m.group(1), m.start(1)
            if pair == "..":
                token = _TOKEN_BEFORE.match(text, 0, start)
                word = token.group() if token else ""
                if "." not in word and lang.lower(word) not in _period_words(lang.code):
                    continue  # `later..`: a short ellipsis of informal text, not a doubled period
            same = pair[0] == pair[1]
            yield self.finding(start, m.end(1), f"`{pair}`: " + ("a mark written twice" if same else "two marks where one belongs"),
                               Fix.replace(start, start + 1, "", safe=same) if not same
                               else Fix.replace(start + 1, start + 2, ""))


# A number of up to three digits (a day, an ordinal: `12.Jahrhundert`, `5.Mai`) or a year
# (`2020.The`) glued to a word after its period, the number standing alone (not in `v1.2`,
# `4_28_00.doc`, `1.500`).
_NUMBER_PERIOD_WORD = regex.compile(r"(?<![\p{L}\p{N}\p{M}_.,:/\\\-#@&\ue000])(\d{1,4})\.(\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{N}\p{M}_/@\-\ue000]|\.[\p{L}\p{N}])")
MIN_ORDINAL_WORD = 4  # `5.května`, `39.plass`; shorter lower-case words may be file extensions
# A number glued to a word: digits (maybe a time or decimal) then letters, standing alone.
_NUMBER_GLUED_WORD = regex.compile(r"(?<![\p{L}\p{N}\p{M}_.,:/\\\-#@&\ue000])(\d+(?:[.,:]\d+)*)(\p{L}[\p{L}\p{M}]*)"
                                   r"(?![\p{L}\p{N}\p{M}_/@\-\ue000]|\.[\p{L}\p{N}])")
MIN_GLUED_WORD, MIN_GLUED_ZIPF = 5, 4.0  # `20minutes`; shorter ones are units and suffixes (`5km`, `3rd`)
MIN_ORDINAL_ZIPF = 3.0


@register
class MissingSpaceAfterNumber(Rule):
    code = "MT211"
    needs_word_spaces = True
    name = "missing-space-after-number"
    category = "missing-space"
    what = ("Finds a number glued to the word after it: a scale word (`5million`), the time of "
            "day (German `9.30Uhr`, the language's `[numbers] time_words`), or a frequent "
            "lower-case word (`20minutes`) where the language does not write digits and words as "
            "one (`digit_compounds`: Czech `30denní`, German `25jährige`); and a number and its "
            "period glued to the next word: an ordinal in a language "
            "that writes ordinals with a period (German `12.Jahrhundert`, `am 5.Mai`, Czech "
            "`5.května`, the language's `ordinal_dot`), or a sentence that ends with a number "
            "glued to the next one (`in 2020.The`). The word after must be capitalized (`Mai`, "
            "`The`), or, for an ordinal, a known word of four letters or more. Not reported: "
            "decimals and versions (`3.5`, `v1.2`), file names (`Letter 4.doc`, `image_1.jpg`), "
            "abbreviations (`z.B.`), numbers inside a token, and URLs.")
    why = "The space after the period was lost; the reader sees one token, and a sentence boundary or a date hides in it."
    fix_safety = "Safe: a space is inserted after the period."
    examples = (
        Example("de", "Die Kirche stammt aus dem ⟦12.Jahrhundert⟧.", "Die Kirche stammt aus dem 12. Jahrhundert."),
        Example("de", "Das Treffen findet am ⟦5.Mai⟧ statt.", "Das Treffen findet am 5. Mai statt."),
        Example("en", "Sales fell sharply in ⟦2020.The⟧ company recovered later.", "Sales fell sharply in 2020. The company recovered later."),
        Example("es", "Las ventas cayeron en ⟦2020.La⟧ empresa se recuperó.", "Las ventas cayeron en 2020. La empresa se recuperó."),
        Example("fr", "Les ventes ont chuté en ⟦2020.La⟧ société s'est redressée.", "Les ventes ont chuté en 2020. La société s'est redressée."),
        Example("it", "Le vendite sono crollate nel ⟦2020.La⟧ società si è ripresa.", "Le vendite sono crollate nel 2020. La società si è ripresa."),
        Example("pt", "As vendas caíram em ⟦2020.Depois⟧ a empresa recuperou.", "As vendas caíram em 2020. Depois a empresa recuperou."),
        Example("nl", "De verkoop daalde in ⟦2020.Het⟧ bedrijf herstelde later.", "De verkoop daalde in 2020. Het bedrijf herstelde later."),
        Example("ru", "Продажи упали в ⟦2020.Компания⟧ восстановилась позже.", "Продажи упали в 2020. Компания восстановилась позже."),
        Example("cs", "Schůze se koná ⟦5.května⟧ v Praze.", "Schůze se koná 5. května v Praze."),
        Example("en", "The club paid ⟦5million⟧ for him.", "The club paid 5 million for him."),
        Example("de", "Wir treffen uns um ⟦9.30Uhr⟧ am Bahnhof.", "Wir treffen uns um 9.30 Uhr am Bahnhof."),
        Example("en", "The bus came after ⟦20minutes⟧ of waiting.", "The bus came after 20 minutes of waiting.",
                applicability=Applicability.UNSAFE),
    )
    clean = (
        ("de", "Es kostet 3.5 Euro, z.B. in v1.2, um 12:30 Uhr, am 3. Mai und 1.500 Besucher."),
        ("en", "See Letter 4.doc, image_1.jpg and www.example.com/2020.The at 3.5 percent."),
        ("nb", "Filen heter Rapport 20.doc og bilde 10.JPG."),
        ("en", "It runs at 100Mbps and 5km, at 10am on the 2nd, on 4G and in 3D."),
        ("de", "Eine 25jährige Frau kaufte das 3fache."), ("cs", "Byl to 30denní pobyt."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        from mtcheck.languages import language_settings

        settings = language_settings(lang.code)
        ordinal = settings["sentences"].get("ordinal_dot", False)
        for m in _NUMBER_PERIOD_WORD.finditer(doc.masked):
            number, word = m.group(1), m.group(2)
            capitalized = word[0].isupper() and word[1:].islower() and len(word) >= 2
            if capitalized and (len(number) <= 3 and ordinal or len(number) == 4
                                or len(word) >= 3 and (lang.lower(word) in lang.glue_words)):
                pass  # an ordinal before a noun (`5.Mai`), a year or number ending a sentence
            elif not (ordinal and len(number) <= 3 and word.islower() and len(word) >= MIN_ORDINAL_WORD
                      and lang.zipf(word) >= MIN_ORDINAL_ZIPF):
                continue
            cut = m.end(1) + 1
            yield self.finding(m.start(1), m.end(2), f"no space after `{number}.` in `{number}.{word}`",
                               Fix.replace(cut, cut, " "))
        yield from self._glued_words(doc, lang, settings.get("numbers", {}))

    def _glued_words(self, doc: Document, lang: Language, numbers: dict) -> Iterable:
        """A number glued to the word after it: a scale word (`5million`), a word of the time of
        day (`9.30Uhr`, the language's `[numbers] time_words`), or, where the language does not
        write compounds of digits and words (`[numbers] digit_compounds`: Czech `30denní`,
        German `25jährige`), a frequent lower-case word (`20minutes`)."""
        time_words = frozenset(numbers.get("time_words", ()))
        compounds = numbers.get("digit_compounds", False)
        data = number_words(lang.tag)
        for m in _NUMBER_GLUED_WORD.finditer(doc.masked):
            number, word = m.group(1), m.group(2)
            lower = lang.lower(word)
            kind = data.words.get(lower, ("",))[0]
            if kind == "scale" and len(word) >= MIN_GLUED_WORD or lower in time_words:  # `16bn` is news style
                safe = True
            elif (not compounds and word.islower() and len(word) >= MIN_GLUED_WORD and kind == ""
                  and lower not in data.units and lang.zipf(word) >= MIN_GLUED_ZIPF):
                safe = False  # `3years`: a word; `4G`, `10am`, `2nd`, `5km` are not judged
            else:
                continue
            yield self.finding(m.start(1), m.end(2), f"no space between `{number}` and `{word}`",
                               Fix.replace(m.end(1), m.end(1), " ", safe=safe))


# A mark glued to the word before it (French `Pourquoi?`): a letter, digit or closing mark
# before, and after it a space, the end, a closing mark or the rest of a run of marks (`?!`).
_GLUED_MARK = regex.compile(r"(?<=[\p{L}\p{N}\p{M})\]”»\"'’])([;:!?])(?=[\s\"”»’)\]]|$|[;:!?.…]+(?:[\s\"”»’)\]]|$))")
_OPENING_GUILLEMET = regex.compile(r"([«‹])(?=[\p{L}\p{N}])")
_CLOSING_GUILLEMET = regex.compile(r"(?<=[\p{L}\p{N}\p{M}.!?…,;:)\]])([»›])")


@register
class MissingSpaceBeforePunctuation(Rule):
    code = "MT212"
    needs_word_spaces = True
    name = "missing-space-before-punctuation"
    category = "missing-space"
    what = ("Finds a mark glued to the word before it where the language writes a space there "
            "(French `Pourquoi?`, `Attention:`, `«oui»`: a narrow or normal no-break space "
            "before `; : ! ?` and inside `« »`). Which marks take the space is the language's "
            "data (`space_before`, `space_inside`), and a region may write otherwise: Canadian "
            "French writes no space before `; ! ?` (only the colon's is required there), and "
            "Swiss French, whose usage varies, is judged on the colon only. Not reported: a "
            "time or ratio (`12:30`), a smiley (`:)`), an HTML entity (`&amp;`), a mark inside "
            "a token (`Yahoo!`, `http:`), and URLs.")
    why = ("The source language's spacing (English `Why?`) carried into a language whose "
           "typography spaces the mark.")
    fix_safety = ("Safe: a narrow no-break space is inserted before `; ! ?` and inside guillemets, a "
                  "no-break space before `:`, as the Imprimerie nationale's rules have them.")
    examples = (
        Example("fr", "Pourquoi⟦?⟧ Personne ne le sait.", f"Pourquoi{NARROW_NBSP}? Personne ne le sait."),
        Example("fr", "Attention⟦:⟧ la route est fermée.", f"Attention{NBSP}: la route est fermée."),
        Example("fr", "Il a crié ⟦«⟧assez⟦»⟧ et il est parti.", f"Il a crié «{NARROW_NBSP}assez{NARROW_NBSP}» et il est parti."),
        Example("fr", "C'est fini⟦!⟧ Rentrons.", f"C'est fini{NARROW_NBSP}! Rentrons."),
    )
    clean = (
        ("fr", f"Pourquoi ? Parce que{NBSP}: voilà{NARROW_NBSP}; « oui » ! À 12:30, 3:1, :) et &amp;."),
        ("fr-CA", "Pourquoi? Personne ne le sait! Voilà; « oui »."),
        ("fr-CH", "Pourquoi? «Oui», dit-il; c'est tout!"),
        ("en", "Why? Because: yes; «no»!"),
    )

    def runs_on(self, language: Language) -> bool:
        return bool(language.space_before or language.space_inside)

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        if lang.space_before:
            for m in _GLUED_MARK.finditer(text):
                mark, i = m.group(1), m.start(1)
                if mark not in lang.space_before:
                    continue
                before = text[i - 1]
                if mark == ":" and before.isdigit():
                    continue  # a time, a ratio, a verse: 12:30, 3:1
                if mark == ";" and regex.search(r"&#?\w+$", text[max(0, i - 12):i]):
                    continue  # an HTML entity: markup residue, MT302's
                if text[i - 1:i] in "\"'’" and not regex.match(r"[\p{L}\p{N}]", text[i - 2:i - 1] or " "):
                    continue  # a straight quote with nothing before it: its role is unclear
                space = NBSP if mark == ":" else NARROW_NBSP
                yield self.finding(i, i + 1, f"{lang.name} writes a space before `{mark}`",
                                   Fix.replace(i, i, space))
        if lang.space_inside:
            for pattern, inside in ((_OPENING_GUILLEMET, "after"), (_CLOSING_GUILLEMET, "before")):
                for m in pattern.finditer(text):
                    mark, i = m.group(1), m.start(1)
                    if mark not in lang.space_inside:
                        continue
                    at = i + 1 if inside == "after" else i
                    yield self.finding(i, i + 1, f"{lang.name} writes a space {inside} `{mark}`",
                                       Fix.replace(at, at, NARROW_NBSP))
