"""Page furniture carried into the text: related-article prompts, list headings, pull quotes.

News sites put prompts between paragraphs, ``(Also read: …)``, ``Lesen Sie auch: …``, and
headings such as ``More news`` before a list of links. Copied with the article, they reach the
translation either translated or still in the source language, so the prompts of every
language with data (``languages/<lang>/boilerplate.txt``) are looked for in every text.
A pull quote repeats a sentence of the article, often without its quote marks; in running
text it reads as the article saying the same thing twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language, all_boilerplate
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.chars import BRACKETS, DOUBLE_QUOTES

# A prompt: optional bracket, the prompt words, a colon, the linked headline.
PROMPT = regex.compile(r"(?P<open>[(\[]?)\s*(?P<phrase>[^\W\d][^:：\n]{0,60}?)\s*[:：]\s*\S.*", regex.S)
MAX_PROMPT_WORDS = 40  # a prompt line is one headline long; a longer paragraph is article text
MAX_HEADING_WORDS = 4


def _units(doc: Document) -> list[tuple[int, int]]:
    """What a rule may remove whole: the records of a JSONL/TSV file, else the paragraphs."""
    return [(s.start, s.end) for s in doc.segments] if doc.has_records else doc.paragraphs


def _unit_removal(units: list[tuple[int, int]], n: int, records: bool, last: int | None = None) -> tuple[int, int]:
    """The span that removes units ``n`` to ``last`` (default: ``n`` alone): paragraphs go with
    the blank line after them; the last paragraph of a text, or a record, is removed up to its
    end, so nothing outside the reported span changes."""
    last = n if last is None else last
    if not records and last + 1 < len(units):
        return units[n][0], units[last + 1][0]
    return units[n][0], units[last][1]


@register
class WebBoilerplate(Rule):
    code = "MT501"
    needs_language_data = False
    name = "web-boilerplate"
    category = "web-boilerplate"
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a paragraph (or a record) that is a news site's prompt, `(Also read: …)`, "
            "`Lesen Sie auch: …`, or a list heading such as `More news`, in the prompts of any "
            "language with data: furniture often arrives untranslated. A prompt is the prompt's "
            "words, a colon and a headline, 40 words at most; a bracketed one ends with its "
            "closing bracket, and one without a bracket needs two prompt words or more (`Also: "
            "…` is a sentence). A heading is a listed one of two to four words, alone in its "
            "paragraph (a one-word heading such as `Related` is too often a real word). In a "
            "text, the linked headlines under a "
            "heading (one line each, no final period, colon or ellipsis) go with it. "
            "Cross-references such as \"see also\" are not prompts: scholarly text uses them too.")
    why = "Page furniture is not part of the article; readers meet a link that leads nowhere."
    fix_safety = ("Safe for a whole bracketed prompt paragraph of a text, `(Also read: …)`: it is "
                  "deleted with the blank line after it (the last paragraph up to the text's end, so "
                  "nothing outside the reported span changes). Unsafe for unbracketed prompts, for "
                  "headings (deleted with the headlines under them) and for records (the record is "
                  "emptied).")
    examples = (
        Example("en", "Troops left.\n\n⟦(Also read: Talks resume in Geneva)\n\n⟧The city fell.",
                "Troops left.\n\nThe city fell."),
        Example("es", "Las tropas se fueron.\n\n⟦(Lea también: Se reanudan las conversaciones)\n\n⟧La ciudad cayó.",
                "Las tropas se fueron.\n\nLa ciudad cayó."),
        Example("de", "Die Truppen zogen ab.\n\n⟦Lesen Sie auch: Gespräche in Genf gehen weiter\n\n⟧Die Stadt fiel.",
                "Die Truppen zogen ab.\n\nDie Stadt fiel.", applicability=Applicability.UNSAFE),
        Example("fr", "Les troupes sont parties.\n\n⟦Lire aussi : Reprise des pourparlers\n\n⟧La ville est tombée.",
                "Les troupes sont parties.\n\nLa ville est tombée.", applicability=Applicability.UNSAFE),
        Example("it", "Le truppe sono partite.\n\n⟦(Leggi anche: Riprendono i colloqui)\n\n⟧La città è caduta.",
                "Le truppe sono partite.\n\nLa città è caduta."),
        Example("pt", "As tropas partiram.\n\n⟦(Leia também: Negociações são retomadas)\n\n⟧A cidade caiu.",
                "As tropas partiram.\n\nA cidade caiu."),
        Example("nl", "De troepen vertrokken.\n\n⟦Lees ook: Gesprekken hervat in Genève\n\n⟧De stad viel.",
                "De troepen vertrokken.\n\nDe stad viel.", applicability=Applicability.UNSAFE),
        Example("ru", "Войска ушли.\n\n⟦(Читайте также: Переговоры возобновились)\n\n⟧Город пал.",
                "Войска ушли.\n\nГород пал."),
        Example("en", "The city fell.\n\n⟦(Lea también: Se reanudan las conversaciones)\n\n⟧Troops left.",
                "The city fell.\n\nTroops left."),
        Example("en", "The city fell.\n\n⟦More news⟧", "The city fell.\n\n", applicability=Applicability.UNSAFE),
        Example("en", "The city fell.\n\n⟦More news\n\nTalks resume in Geneva\n\nWhat the ceasefire means?⟧",
                "The city fell.\n\n", applicability=Applicability.UNSAFE),
        Example("en", "The city fell.\n\n⟦Related articles\n\nTalks resume in Geneva\n\n⟧The army left the city "
                "on Monday.", "The city fell.\n\nThe army left the city on Monday.", applicability=Applicability.UNSAFE),
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
            last = self._list_end(doc, units, n) if kind == "heading" and not records else n
            start, end = _unit_removal(units, n, records, last)
            what = "a list heading" if kind == "heading" else "a news site's prompt"
            if last > n:
                what += f" and the {last - n} links under it"
            yield self.finding(start, end, f"{what}, not article text: `{text[:50]}`",
                               Fix.replace(start, end, "", safe=kind == "bracketed" and not records))

    @staticmethod
    def _list_end(doc: Document, units: list[tuple[int, int]], heading: int) -> int:
        """The last paragraph of the list under a ``More news`` heading: the paragraphs after it
        that read as linked headlines (one line, at most MAX_PROMPT_WORDS words, no final period;
        headlines end bare or with `?`/`!`)."""
        last = heading
        for start, end in units[heading + 1:]:
            line = doc.text[start:end].strip()
            if "\n" in line or len(line.split()) > MAX_PROMPT_WORDS or line.endswith((".", "…", ":")):
                break
            last += 1
        return last

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
# The sentence ends at the last mark of a run (the run is crossed one character at a time):
# matching the whole run at each of its marks made a line of dots quadratic.
SENTENCE = regex.compile(r"\S[^\n]*?(?:[.!?…][\"”»’)\]]*+(?=\s)|(?=\n)|$)")
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
    import difflib  # here, not at the top: only a repeated sentence gets this far (start-up)

    blocks = difflib.SequenceMatcher(None, words, longer, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) >= MIN_CONTAINED * len(words)


@register
class DuplicateSentence(Rule):
    code = "MT502"
    needs_language_data = False
    name = "duplicate-sentence"
    category = "duplicate-sentence"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a sentence of 8 to 80 words that repeats an earlier sentence of the same "
            "document, exactly or with small edits (90 % of its words found in the earlier one, "
            "in order), where the repetition is no one's intent: a pull quote, a quoted sentence "
            "restated without its quote marks, or, for records with sources, a repetition that "
            "the sources do not have. Human text repeats on purpose too (e-mail threads quote "
            "each other, shop pages repeat their lines), so nothing else is reported.")
    why = "In running text a pull quote reads as the article saying the same thing twice."
    fix_safety = ("Unsafe: the later copy is deleted (a paragraph with its blank line, a record "
                  "emptied, a sentence inside a paragraph with the spaces after it), but a writer "
                  "may repeat a sentence on purpose.")
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
                    span, cut = ((_unit_removal(units, n, records),) * 2 if whole
                                 else self._sentence_removal(doc, m))
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


MIN_CAPTION_WORDS, MAX_CAPTION_WORDS = 3, 12
MIN_CAPTION_CONTEXT = 5  # paragraphs a document needs before a caption can be told from its body
FREQUENT_ZIPF = 5.0  # words this frequent (`after`, `during`) say nothing about the article's entities
MIN_RESTATED_PAIRS = 0.7  # share of the caption's word pairs that stand elsewhere in the article
STEM = 5  # words compared by their first letters: `soldado` restates `soldados`
CAPTION_SHAPE = regex.compile(r"\p{Lu}[^\n.!?:;\"“”„«»]*[^\W\d]\.")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")


@register
class PhotoCaption(Rule):
    code = "MT503"
    name = "photo-caption"
    category = "web-boilerplate"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a photo caption left between body paragraphs of a text: a one-line paragraph "
            "of one sentence, 3 to 12 words ending in a period, that names something (a "
            "capitalized word after the first), has none of the language's clause words "
            "(pronouns, forms of be and have, modals, verbs of saying: `clause_words` in its "
            "`language.toml`), and restates the article: every word rarer than Zipf 5 stands "
            "elsewhere in the text (by its first five letters), and so do 70 % of its word "
            "pairs. Only texts of five paragraphs or more are judged, and not their first two "
            "paragraphs (headline, lead) or their last (byline); records never are.")
    why = ("Captions are copied with the article text when the images are not; stranded between "
           "paragraphs, they read as a sentence fragment.")
    fix_safety = ("Unsafe: the paragraph is deleted with its blank line, but it may be a real "
                  "sentence whose verb is not among the clause words (a plural subject with a "
                  "present-tense verb, a passive), which this rule cannot see.")
    examples = tuple(
        Example(lang, f"{one}\n\n{two}\n\n⟦{caption}\n\n⟧{three}\n\n{four}", f"{one}\n\n{two}\n\n{three}\n\n{four}")
        for lang, one, two, caption, three, four in (
            ("en", "Talks in Geneva", "Rescue teams reached the flooded villages of the Drava valley on Tuesday.",
             "Rescue teams in the Drava valley.",
             "The teams found the villages empty; the valley had been evacuated.",
             "More rain is expected in the valley."),
            ("es", "Crecidas en el valle", "Los equipos de rescate llegaron el martes a las aldeas inundadas del valle del Drava.",
             "Equipos de rescate en el valle del Drava.",
             "Los equipos encontraron las aldeas vacías: el valle había sido evacuado.",
             "Se espera más lluvia en el valle."),
            ("de", "Hochwasser im Tal", "Die Rettungsteams erreichten am Dienstag die überfluteten Dörfer im Drautal.",
             "Rettungsteams im Drautal.",
             "Die Rettungsteams im Drautal fanden die Dörfer leer vor.",
             "Weiterer Regen wird erwartet."),
            ("pt", "Cheias no vale", "As equipas de resgate chegaram na terça-feira às aldeias inundadas do vale do Drava.",
             "Equipas de resgate no vale do Drava.",
             "As equipas encontraram as aldeias vazias: o vale tinha sido evacuado.",
             "Espera-se mais chuva no vale."),
            ("fr", "Crues dans la vallée", "Les équipes de secours ont atteint mardi les villages inondés de la vallée de la Drave.",
             "Équipes de secours dans la vallée de la Drave.",
             "Les équipes ont trouvé les villages vides : la vallée avait été évacuée.",
             "De nouvelles pluies sont attendues."),
            ("it", "Piena nella valle", "Le squadre di soccorso hanno raggiunto martedì i villaggi allagati della valle della Drava.",
             "Squadre di soccorso nella valle della Drava.",
             "Le squadre hanno trovato i villaggi vuoti: la valle era stata evacuata.",
             "Sono attese nuove piogge."),
            ("nl", "Overstroming in het dal", "De reddingsteams bereikten dinsdag de overstroomde dorpen in het dal van de Drau.",
             "Reddingsteams in het dal van de Drau.",
             "De teams troffen de dorpen leeg aan: het dal was geëvacueerd.",
             "Er wordt meer regen verwacht."),
            ("ru", "Наводнение в долине", "Спасатели в среду добрались до затопленных сёл в долине Дравы.",
             "Спасатели в долине Дравы.",
             "Спасатели нашли сёла пустыми: долину заранее эвакуировали.",
             "Ожидаются новые дожди."),
        )
    )
    clean = (
        ("en", "Talks in Geneva\n\nRescue teams reached the flooded villages of the Drava valley on Tuesday.\n\n"
               "The teams found the villages empty.\n\nThey said the Drava valley was empty.\n\n"
               "More rain is expected in the valley.\n\nThe valley will be closed."),
        ("en", "Talks in Geneva\n\nRescue teams reached the flooded villages of the Drava valley on Tuesday.\n\n"
               "The teams found the villages empty.\n\nRescue teams from Austria.\n\n"
               "More rain is expected in the valley."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        if doc.has_records:  # a record is a segment of its own, not a paragraph between others
            return
        units = doc.paragraphs
        if len(units) < MIN_CAPTION_CONTEXT:
            return
        texts = [doc.text[start:end].strip() for start, end in units]
        article = None  # the words of every paragraph, counted once: built for the first caption
        # The first two paragraphs are headline and lead, the last may be a byline: not judged.
        for n in range(2, len(units) - 1):
            words = _LETTERS.findall(texts[n])
            if CAPTION_SHAPE.fullmatch(texts[n]) and self._caption_words(words, lang):
                article = article or _ArticleWords(texts)
                if self._restated(words, article.without(n), lang):
                    start, end = _unit_removal(units, n, False)
                    yield self.finding(start, end, f"a photo caption between paragraphs: `{texts[n][:50]}`",
                                       Fix.replace(start, end, "", safe=False))

    @staticmethod
    def _caption_words(words: list[str], lang: Language) -> bool:
        """A caption is a noun phrase naming something: a few words, one of them a name after the
        first, and no word that makes a clause.

        >>> from mtcheck.languages import get_language
        >>> en = get_language("en")
        >>> PhotoCaption._caption_words("Rescue teams in the Drava valley".split(), en)
        True
        >>> PhotoCaption._caption_words("They reached the Drava valley".split(), en)
        False
        >>> PhotoCaption._caption_words("We're in the Drava valley".split(), en)
        False
        """
        parts = {part for w in words for part in regex.split(r"['’]", w.lower())}  # `we're` holds `we`
        return (MIN_CAPTION_WORDS <= len(words) <= MAX_CAPTION_WORDS
                and any(w[0].isupper() for w in words[1:])
                and words[-1].lower() not in lang.abbreviations  # `Inc.` ends a name, not a caption
                and parts.isdisjoint(lang.clause_words))

    @staticmethod
    def _restated(words: list[str], rest: _Rest, lang: Language) -> bool:
        """Does the article say what the caption says: every rarer word (by its stem) and most
        word pairs stand elsewhere in it?"""
        lower = [w.lower() for w in words]
        content = [w for w in lower if lang.zipf(w) < FREQUENT_ZIPF]
        if len(content) < 2 or any(not rest.has_stem(w[:STEM]) for w in content):
            return False
        return sum(rest.has_pair(pair) for pair in zip(lower, lower[1:])) >= MIN_RESTATED_PAIRS * (len(lower) - 1)


class _ArticleWords:
    """The lower-case words of a document's paragraphs in one list, with the count of each stem
    and of each pair of neighbours, built once: a caption is compared with the article *without
    it* by taking its own words out of the counts, so a document of many short paragraphs costs
    one pass, not one pass per paragraph.

    >>> article = _ArticleWords(["Rescue teams came.", "Rescue teams.", "Teams left."])
    >>> rest = article.without(1)
    >>> rest.has_pair(("rescue", "teams")), rest.has_pair(("teams", "teams")), rest.has_pair(("came", "teams"))
    (True, False, True)
    """

    def __init__(self, texts: list[str]):
        self.words: list[str] = []
        self.bounds = [0]  # paragraph n holds words[bounds[n]:bounds[n + 1]]
        for text in texts:
            self.words += [w.lower() for w in _LETTERS.findall(text)]
            self.bounds.append(len(self.words))
        self.stems = Counter(w[:STEM] for w in self.words)
        self.pairs = Counter(zip(self.words, self.words[1:]))

    def without(self, n: int) -> _Rest:
        """The article less paragraph ``n``: its stems and pairs out, the pair its neighbours
        form once it is gone in."""
        start, end = self.bounds[n], self.bounds[n + 1]
        stems = Counter(w[:STEM] for w in self.words[start:end])
        pairs = Counter(zip(self.words[max(start - 1, 0):end + 1], self.words[max(start, 1):end + 1]))
        joined = (self.words[start - 1], self.words[end]) if 0 < start and end < len(self.words) else None
        return _Rest(self, stems, pairs, joined)


class _Rest:
    """Stem and pair look-ups in an article less one paragraph (see ``_ArticleWords.without``)."""

    def __init__(self, article: _ArticleWords, stems: Counter, pairs: Counter, joined: tuple | None):
        self.article, self.stems, self.pairs, self.joined = article, stems, pairs, joined

    def has_stem(self, stem: str) -> bool:
        return self.article.stems[stem] > self.stems[stem]

    def has_pair(self, pair: tuple[str, str]) -> bool:
        return pair == self.joined or self.article.pairs[pair] > self.pairs[pair]
