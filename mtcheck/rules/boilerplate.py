"""Page furniture carried into the text: related-article prompts and list headings.

News sites put prompts between paragraphs, ``(Also read: …)``, ``Lesen Sie auch: …``, and
headings such as ``More news`` before a list of links. Copied with the article, they reach the
translation either translated or still in the source language, so the prompts of every
language with data (``languages/<lang>/boilerplate.txt``) are looked for in every text.
"""

from __future__ import annotations

from typing import Iterable

import regex

from mtcheck.document import Document
from mtcheck.finding import Fix
from mtcheck.languages import Language, all_boilerplate
from mtcheck.rules import Example, Rule, register
from mtcheck.rules.punctuation import BRACKETS

# A prompt: optional bracket, the prompt words, a colon, the linked headline.
PROMPT = regex.compile(r"(?P<open>[(\[]?)\s*(?P<phrase>[^\W\d][^:：\n]{0,60}?)\s*[:：]\s*\S.*", regex.S)
MAX_PROMPT_WORDS = 40  # a prompt line is one headline long; a longer paragraph is article text
MAX_HEADING_WORDS = 4


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
        units = [(s.start, s.end) for s in doc.segments] if records else doc.paragraphs
        for n, (start, end) in enumerate(units):
            text = doc.text[start:end].strip()
            kind = self._kind(text, prompts)
            if kind is None:
                continue
            span = cut = (start, end)
            if not records and n + 1 < len(units):
                span = cut = (start, units[n + 1][0])  # with the blank line after it
            elif not records and n:
                cut = (units[n - 1][1], end)  # the last paragraph: with the blank line before it
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
