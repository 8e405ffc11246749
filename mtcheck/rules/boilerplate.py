"""Page furniture carried into the text: related-article prompts, list headings, pull quotes.

News sites put prompts between paragraphs, ``(Also read: …)``, ``Lesen Sie auch: …``, and
headings such as ``More news`` before a list of links. Copied with the article, they reach the
translation either translated or still in the source language, so the prompts of every
language with data (``languages/<lang>/boilerplate.txt``) are looked for in every text.
A pull quote repeats a sentence of the article, often without its quote marks; in running
text it reads as the article saying the same thing twice.
"""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Iterable

import regex

from mtcheck.document import Document
from mtcheck.finding import Fix
from mtcheck.languages import Language, all_boilerplate
from mtcheck.rules import Example, Rule, register
from mtcheck.rules.punctuation import BRACKETS, DOUBLE_QUOTES

# A prompt: optional bracket, the prompt words, a colon, the linked headline.
PROMPT = regex.compile(r"(?P<open>[(\[]?)\s*(?P<phrase>[^\W\d][^:：\n]{0,60}?)\s*[:：]\s*\S.*", regex.S)
MAX_PROMPT_WORDS = 40  # a prompt line is one headline long; a longer paragraph is article text
MAX_HEADING_WORDS = 4


def _units(doc: Document) -> list[tuple[int, int]]:
    """What a rule may remove whole: the records of a JSONL/TSV file, else the paragraphs."""
    return [(s.start, s.end) for s in doc.segments] if doc.has_records else doc.paragraphs


def _unit_removal(units: list[tuple[int, int]], n: int, records: bool) -> tuple[tuple[int, int], tuple[int, int]]:
    """(span to report, span to delete) for removing unit ``n``: a paragraph goes with the blank
    line after it, or before it when it is the last; a record is emptied."""
    start, end = units[n]
    if not records and n + 1 < len(units):
        return (start, units[n + 1][0]), (start, units[n + 1][0])
    if not records and n:
        return (start, end), (units[n - 1][1], end)
    return (start, end), (start, end)


@register
class WebBoilerplate(Rule):
    code = "MT501"
    name = "web-boilerplate"
    category = "web-boilerplate"
    fix_availability = "always"
    what = ("Finds a paragraph that is a news site's prompt, `(Also read: …)`, `Lesen Sie auch: "
            "…`, or a list heading such as `More news`, in the prompts of any language with data.")
    why = "Page furniture is not part of the article; readers meet a link that leads nowhere."
    fix_safety = ("Safe for a whole bracketed prompt paragraph, `(Also read: …)`: it is deleted "
                  "with its blank line. Unsafe for unbracketed prompts and headings.")
    examples = (
        Example("en", "Troops left.\n\n⟦(Also read: Talks resume in Geneva)\n\n⟧The city fell.",
                "Troops left.\n\nThe city fell."),
        Example("es", "Las tropas se fueron.\n\n⟦(Lea también: Se reanudan las conversaciones)\n\n⟧La ciudad cayó.",
                "Las tropas se fueron.\n\nLa ciudad cayó."),
        Example("de", "Die Truppen zogen ab.\n\n⟦Lesen Sie auch: Gespräche in Genf gehen weiter\n\n⟧Die Stadt fiel.",
                "Die Truppen zogen ab.\n\nDie Stadt fiel."),
        Example("fr", "Les troupes sont parties.\n\n⟦Lire aussi : Reprise des pourparlers\n\n⟧La ville est tombée.",
                "Les troupes sont parties.\n\nLa ville est tombée."),
        Example("it", "Le truppe sono partite.\n\n⟦(Leggi anche: Riprendono i colloqui)\n\n⟧La città è caduta.",
                "Le truppe sono partite.\n\nLa città è caduta."),
        Example("pt", "As tropas partiram.\n\n⟦(Leia também: Negociações são retomadas)\n\n⟧A cidade caiu.",
                "As tropas partiram.\n\nA cidade caiu."),
        Example("nl", "De troepen vertrokken.\n\n⟦Lees ook: Gesprekken hervat in Genève\n\n⟧De stad viel.",
                "De troepen vertrokken.\n\nDe stad viel."),
        Example("ru", "Войска ушли.\n\n⟦(Читайте также: Переговоры возобновились)\n\n⟧Город пал.",
                "Войска ушли.\n\nГород пал."),
        Example("en", "The city fell.\n\n⟦(Lea también: Se reanudan las conversaciones)\n\n⟧Troops left.",
                "The city fell.\n\nTroops left."),
        Example("en", "The city fell.\n\n⟦More news⟧", "The city fell."),
    )
    clean = (
        ("en", "Also: the ministry said the talks would resume.\n\nRelated: none of this was planned, "
               "he said, and the army, the police and the city council all agreed on that point "
               "after a long meeting that went on well into the night and ended with a statement."),
        ("en", "The minister added: “we will read more about it.”\n\n(See the map below.)"),
        ("de", "Er sagte auch: Wir gehen.\n\nSiehe oben."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        prompts = all_boilerplate()
        records = doc.has_records
        # A record is judged whole (its fix empties it); a text file paragraph by paragraph.
        units = _units(doc)
        for n, (start, end) in enumerate(units):
            text = doc.text[start:end].strip()
            kind = self._kind(text, prompts)
            if kind is None:
                continue
            span, cut = _unit_removal(units, n, records)
            what = "a list heading" if kind == "heading" else "a news site's prompt"
            yield self.finding(span[0], span[1], f"{what}, not article text: `{text[:50]}`",
                               Fix.replace(cut[0], cut[1], "", safe=kind == "bracketed" and not records))

    @staticmethod
    def _kind(text: str, prompts: frozenset[str]) -> str | None:
        """``bracketed``, ``prompt`` or ``heading`` for furniture, None for article text.

        >>> WebBoilerplate._kind("(Also read: Talks resume)", frozenset({"also read"}))
        'bracketed'
        """
        words = text.split()
        heading = " ".join(text.rstrip(":：").lower().split())
        if 2 <= len(words) <= MAX_HEADING_WORDS and heading in prompts:
            return "heading"  # one-word headings ("Related") are too often real words
        m = PROMPT.fullmatch(text)
        if m is None or len(words) > MAX_PROMPT_WORDS:
            return None
        phrase = " ".join(m.group("phrase").lower().split())
        if phrase not in prompts:
            return None
        if m.group("open"):
            return "bracketed" if text.endswith(BRACKETS[m.group("open")]) else None
        # Without a bracket, a one-word prompt ("Also: …") is too often a sentence.
        return "prompt" if len(phrase.split()) >= 2 else None


# A sentence: up to its end mark and closing quotes or brackets, before white space, or up to
# the end of its line.
SENTENCE = regex.compile(r"\S[^\n]*?(?:[.!?…]+[\"”»’)\]]*(?=\s)|(?=\n)|$)")
MIN_REPEAT_WORDS = 8  # shorter sentences repeat by formula (`Thank you very much.`)
MAX_REPEAT_WORDS = 80  # longer runs are not sentences (text without punctuation): not compared
MIN_SHARED_SHINGLES = 0.5  # a copy with a word changed in 18 keeps 13 of its 16 three-word runs
MAX_POSTINGS = 50
# Double quote marks only: a single one is as often an apostrophe (`don’t`).
DOUBLE_QUOTE = regex.compile(f"[{regex.escape(DOUBLE_QUOTES)}]")
MIN_CONTAINED = 0.9  # share of the later sentence's words found, in order, in the earlier one


_WORD = regex.compile(r"\w+")


def _words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _contains(longer: list[str], words: list[str]) -> bool:
    """Does ``longer`` hold nearly all of ``words`` (MIN_CONTAINED of them), in order?"""
    blocks = difflib.SequenceMatcher(None, words, longer, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= MIN_CONTAINED * len(words)


@register
class DuplicateSentence(Rule):
    code = "MT502"
    name = "duplicate-sentence"
    category = "duplicate-sentence"
    fix_availability = "always"
    what = ("Finds a sentence of eight words or more that repeats, exactly or with small edits, "
            "an earlier sentence of the same document where the repetition is no one's intent: a "
            "pull quote restating a quote without its quote marks, or, with a source, a sentence "
            "the source does not repeat.")
    why = "In running text a pull quote reads as the article saying the same thing twice."
    fix_safety = ("Unsafe: the later copy is deleted (a paragraph with its blank line), but a "
                  "writer may repeat a sentence on purpose.")
    examples = tuple(
        Example(lang, f"{first}\n\n{middle}\n\n⟦{again}\n\n⟧{last}", f"{first}\n\n{middle}\n\n{last}")
        for lang, first, middle, again, last in (
            ("en", "“We see no will at all on the other side to continue these talks,” the spokesman said.",
             "The talks stopped in May.", "We see no will on the other side to continue these talks", "Troops left."),
            ("es", "«No vemos ninguna voluntad del otro lado de seguir con estas conversaciones», dijo el portavoz.",
             "Las conversaciones se detuvieron en mayo.", "No vemos voluntad del otro lado de seguir con estas conversaciones",
             "Las tropas se fueron."),
            ("pt", "«Não vemos nenhuma vontade do outro lado de continuar estas conversações», disse o porta-voz.",
             "As conversações pararam em maio.", "Não vemos vontade do outro lado de continuar estas conversações",
             "As tropas partiram."),
            ("fr", "« Nous ne voyons aucune volonté de l'autre côté de poursuivre ces discussions », a dit le porte-parole.",
             "Les discussions se sont arrêtées en mai.", "Nous ne voyons aucune volonté de poursuivre ces discussions",
             "Les troupes sont parties."),
            ("de", "„Wir sehen auf der anderen Seite keinen Willen, diese Gespräche fortzusetzen“, sagte der Sprecher.",
             "Die Gespräche endeten im Mai.", "Wir sehen auf der anderen Seite keinen Willen, die Gespräche fortzusetzen",
             "Die Truppen zogen ab."),
            ("it", "«Non vediamo alcuna volontà dall'altra parte di continuare questi colloqui», ha detto il portavoce.",
             "I colloqui si sono fermati a maggio.", "Non vediamo volontà dall'altra parte di continuare questi colloqui",
             "Le truppe sono partite."),
            ("nl", "„We zien aan de andere kant geen enkele wil om deze gesprekken voort te zetten”, zei de woordvoerder.",
             "De gesprekken stopten in mei.", "We zien aan de andere kant geen wil om deze gesprekken voort te zetten",
             "De troepen vertrokken."),
            ("ru", "«Мы не видим с другой стороны никакого желания продолжать эти переговоры», сказал представитель.",
             "Переговоры остановились в мае.", "Мы не видим с другой стороны желания продолжать эти переговоры",
             "Войска ушли."),
        )
    )
    clean = (
        ("en", "Thank you very much.\n\nThank you very much."),
        ("en", "The army said the bridge was closed on Monday. The police said the bridge was open on Tuesday."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        records = doc.has_records
        units = _units(doc)
        seen: list[tuple[list[str], tuple[int, int]]] = []  # earlier sentences: words, span
        by_shingle: dict[tuple[str, ...], list[int]] = {}  # three words in a row -> earlier sentences
        for n, (unit_start, unit_end) in enumerate(units):
            for m in SENTENCE.finditer(doc.text, unit_start, unit_end):
                words = _words_of(m.group())
                if not MIN_REPEAT_WORDS <= len(words) <= MAX_REPEAT_WORDS:
                    continue
                shingles = set(zip(words, words[1:], words[2:]))
                earlier = self._repeated(words, shingles, seen, by_shingle)
                if earlier is not None and self._unintended(doc, earlier, m):
                    whole = doc.text[unit_start:unit_end].strip() == m.group().strip()
                    span, cut = _unit_removal(units, n, records) if whole else self._sentence_removal(doc, m)
                    line = doc.locate(earlier[0], earlier[0] + 1)
                    where = f" of line {line[3]}" if line else ""
                    yield self.finding(span[0], span[1], f"repeats a sentence{where}: `{m.group()[:50]}`",
                                       Fix.replace(cut[0], cut[1], "", safe=False))
                    continue
                for shingle in shingles:
                    by_shingle.setdefault(shingle, []).append(len(seen))
                seen.append((words, (m.start(), m.end())))

    @staticmethod
    def _unintended(doc: Document, earlier: tuple[int, int], later) -> bool:
        """Human text repeats on purpose: e-mails quote each other, web pages and their
        translations repeat a product line. A repetition is reported when the earlier copy is
        quoted and the later one is not (a pull quote), or when, with sources, the later
        sentence's source does not repeat the earlier one's."""
        first, second = doc.segment_at(earlier[0]), doc.segment_at(later.start())
        if first.source and second.source and first is not second:
            return not _contains(_words_of(first.source), _words_of(second.source))
        return bool(DOUBLE_QUOTE.search(doc.text, *earlier)) and not DOUBLE_QUOTE.search(later.group())

    @staticmethod
    def _repeated(words: list[str], shingles: set, seen: list, by_shingle: dict) -> tuple[int, int] | None:
        """The span of an earlier sentence that holds nearly all of ``words`` in order. Only
        sentences sharing MIN_SHARED_SHINGLES of the three-word runs are compared, and a run as
        common as `one of the` (in more than MAX_POSTINGS sentences) picks none: the work stays
        linear in the document's length."""
        counts: Counter = Counter()
        for shingle in shingles:
            earlier = by_shingle.get(shingle, ())
            if len(earlier) <= MAX_POSTINGS:
                counts.update(earlier)
        for i, shared in counts.most_common():
            if shared < MIN_SHARED_SHINGLES * len(shingles):
                break
            if _contains(seen[i][0], words):
                return seen[i][1]
        return None

    @staticmethod
    def _sentence_removal(doc: Document, m) -> tuple[tuple[int, int], tuple[int, int]]:
        """A sentence inside a paragraph goes with the spaces after it."""
        end = m.end()
        while end < len(doc.text) and doc.text[end] in " \t":
            end += 1
        return (m.start(), m.end()), (m.start(), end)
