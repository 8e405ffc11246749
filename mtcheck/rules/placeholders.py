"""MT701: the placeholders of a translation against its source's.

For translations that come with their source: JSONL/TSV records with a ``source`` field (each
record one unit), PO/XLIFF/TMX units, or a text checked with ``--source`` (its lines are the
units when source and translation have as many lines; otherwise the whole text is one unit;
mtcheck.text.units). The placeholder grammar and the comparison are mtcheck.text.placeholders:
printf, Python and ICU arguments, templates, tokens, inline tags, URLs and e-mail addresses.

The rule reports tokens that the text rules never touch (URLs, ``#PRS_ORG#``) and whole
translations, so it sets ``compares_source``: the checker does not silence it on protected spans
or accepted words.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.placeholders import Mismatch, compare
from mtcheck.text.units import Unit, aligned_units, quote


@register
class PlaceholderMismatch(Rule):
    """MT701: the placeholders of a unit's source, as a multiset, must be those of its translation."""

    code = "MT701"
    needs_language_data = False
    name = "placeholder-mismatch"
    category = "placeholder-mismatch"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.SOMETIMES
    compares_source = True
    what = ("Compares the placeholders of each translation with those of its source, as a "
            "multiset: printf (`%d`, `%.2f`, `%1$s`, `%(name)s`, Qt `%1`), Python, .NET and ICU "
            "arguments (`{0}`, `{name!r:>10}`, `{}`; `{count, plural, …}` by name and type, its "
            "bodies being translated text that is not compared), templates (`{{var}}`, `${var}`, "
            "`%name%`, `$(var)`, `$var$`, `$var` but not `$5`, `@var@`, and XML entities that "
            "are not HTML's, such as `&brandShortName;`), tokens (`#PRS_ORG#`, `#Product1#`: "
            "capitals, or a digit or `_`), Laravel `:name` (only when the source has two, or both "
            "sides have one: a French source's `Attention :vous` is prose), inline tags by name "
            "and attributes, in any order (`<b>`, `</b>`, `<br/>`, `<x id=\"1\"/>`, `<a "
            "href=\"/guide\">`; the translatable attributes such as `title` and `alt` are text, "
            "not compared; an opening tag whose name is no HTML, XLIFF or TMX element is a tag "
            "only with an attribute or as `<name/>`, so an MT's `<Fukushima Town>` is text; a "
            "closing one is a tag whatever its name, so a misspelt `</bb>` is `</b>` changed), URLs and e-mail addresses. Reports a placeholder "
            "missing (on the whole translation), added, or changed: broken by a space or a case "
            "change (`% d`, `{ 0 }`) or another of its kind in its place (`{nombre}` for "
            "`{name}`, `%d` for `%s`). Unnumbered placeholders in another order are reported, "
            "since they are filled in order; numbered ones are not (`%2$s de %1$s` for `%s of "
            "%s`). A named or numbered placeholder that the source has twice may stand once. The "
            "percent sign of `50%` and `50 %` and the literal `%%` are not placeholders.")
    why = ("A program fills placeholders at run time: a missing or renamed one crashes it or "
           "shows the reader raw `{nombre}`; a lost tag breaks the markup, a lost URL the link.")
    fix_safety = ("Unsafe, and only when the translation has exactly one placeholder changed "
                  "and nothing else missing or added: the source's placeholder is restored. "
                  "URLs and e-mail addresses get no fix, since they may be localized on "
                  "purpose; missing and added placeholders get none either (where one goes in "
                  "the sentence is the translator's call).")
    examples = (
        Example("en", "⟦% d⟧ files were deleted.", "%d files were deleted.",
                source="%d Dateien wurden gelöscht.", source_lang="de"),
        Example("en", "Hello ⟦%(nombre)s⟧, welcome back.", "Hello %(name)s, welcome back.",
                source="Hola %(name)s, bienvenido de nuevo.", source_lang="es"),
        Example("es", "Hola ⟦{nombre}⟧, tienes mensajes nuevos.", "Hola {name}, tienes mensajes nuevos.",
                source="Hello {name}, you have new messages.", source_lang="en"),
        Example("es", "El campo ⟦:atributo⟧ es obligatorio.", "El campo :attribute es obligatorio.",
                source="The :attribute field is required.", source_lang="en"),
        Example("pt", "⟦Clique em <b>Salvar para continuar.⟧", None,
                source="Click <b>Save</b> to continue.", source_lang="en"),
        Example("fr", "Économisez 50 % sur ⟦%d⟧ aujourd'hui.", "Économisez 50 % sur %s aujourd'hui.",
                source="Save 50% on %s today.", source_lang="en"),
        Example("fr", "⟦Écrivez-nous pour en savoir plus.⟧", None,
                source="Write to help@example.com for details.", source_lang="en"),
        Example("de", "Hallo #NAME#, Ihre Bestellung ⟦#NUMMER#⟧ ist unterwegs.",
                "Hallo #NAME#, Ihre Bestellung #NUMBER# ist unterwegs.",
                source="Hi #NAME#, your order #NUMBER# is on its way.", source_lang="en"),
        Example("it", "⟦{conteggio, plural⟧, one {# file} other {# file}} selezionati",
                "{count, plural, one {# file} other {# file}} selezionati",
                source="{count, plural, one {# file} other {# files}} selected", source_lang="en"),
        Example("nl", "Totaal: ⟦${bedrag}⟧", "Totaal: ${amount}", source="Total: ${amount}", source_lang="en"),
        Example("nl", "⟦Meer informatie vindt u online.⟧", None,
                source="See https://example.com/help for more.", source_lang="en"),
        Example("ru", "Нажмите <b>OK</b>, чтобы подтвердить.⟦<br/>⟧", None,
                source="Press <b>OK</b> to confirm.", source_lang="en"),
        Example("ru", "Удалено ⟦{ 0 }⟧ файлов.", "Удалено {0} файлов.",
                source="{0} files deleted.", source_lang="en"),
        Example("es", "Lea ⟦<a href=\"/guia\">⟧la guía</a>.", "Lea <a href=\"/guide\">la guía</a>.",
                source="Read <a href=\"/guide\">the guide</a>.", source_lang="en"),
        Example("de", "Klicken Sie auf <b>Speichern⟦</bb>⟧.", "Klicken Sie auf <b>Speichern</b>.",
                source="Click <b>Save</b>.", source_lang="en"),
    )
    clean = (
        ("fr", "Une hausse de 50 % en un an, soit 20 % de plus qu'en 2021."),
        ("ru", "Рост на 50 % за год."),
        ("de", "Die Preise stiegen um 50% und mehr."),
        ("es", "Un aumento del 50 % {en teoría}."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        for unit in aligned_units(doc):
            if unit.start == unit.end:
                continue  # an empty translation is omission's business
            mismatch = compare(unit.source, doc.text[unit.start:unit.end])
            if mismatch is None or not _selectors_as_the_language_needs(mismatch, lang.tag or doc.lang):
                continue
            yield from self._report(unit, mismatch)

    def _report(self, unit: Unit, m: Mismatch):
        only_change = len(m.changed) == 1 and not m.missing and not m.added
        for src, tgt in m.changed:
            fix = None
            if only_change and src.kind not in ("url", "email"):
                fix = Fix.replace(unit.start + tgt.start, unit.start + tgt.end, src.text, safe=False)
            why = (": unnumbered placeholders are filled in order (number them, `%1$s`, to reorder)"
                   if m.reordered else " as in the source")
            yield self.finding(unit.start + tgt.start, unit.start + tgt.end,
                               f"`{quote(tgt.text)}` should be `{quote(src.text)}`{why}", fix)
        for p in m.added:
            yield self.finding(unit.start + p.start, unit.start + p.end,
                               f"`{quote(p.text)}` is not in the source")
        if m.missing:
            names = ", ".join(f"`{quote(p.text)}`" for p in m.missing)
            yield self.finding(unit.start, unit.end,
                               f"missing from the translation: {names} of the source")


_SELECT_KEY = regex.compile(r"\{\$(?P<fluent>[\w-]+) ->\}|\{(?P<icu>[\w.]+), (?P<type>plural|selectordinal|select)\}")
_REFERENCE_KEY = regex.compile(r"\{\$?(?P<name>[\w.-]+)\}")


def _selectors_as_the_language_needs(m: Mismatch, lang: str) -> bool:
    """Drop from ``m`` the selectors a translation may add or leave out, and say whether a
    mismatch is left. Fluent lets each language select as its grammar needs (a Japanese
    `{ $count } 件` for an English `{ $count -> [one] … *[other] … }`, or a Polish selector
    over an English `{ $n } files`); an ICU plural may become its plain argument (`{count}`) in
    a language whose plurals have only `other` (ja, zh, ko).

    >>> m = compare("{ $n -> [one] One file *[other] { $n } files }", "{ $n } 個のファイル")
    >>> _selectors_as_the_language_needs(m, "ja"), m.missing, m.added
    (False, [], [])
    """
    from mtcheck.languages.plurals import plural_categories

    only_other = plural_categories(lang) == frozenset({"other"})
    for selects, references in ((m.missing, m.added), (m.added, m.missing)):
        for select in list(selects):
            found = _SELECT_KEY.fullmatch(select.key)
            if not found or not (found["fluent"] or found["type"] != "select" and only_other and selects is m.missing):
                continue
            name = found["fluent"] or found["icu"]
            partner = next((r for r in references if (ref := _REFERENCE_KEY.fullmatch(r.key)) and ref["name"] == name),
                           None)
            if partner is not None:  # the variable is still shown: only the selection went
                selects.remove(select)
                references.remove(partner)
    return bool(m.missing or m.added or m.changed)
