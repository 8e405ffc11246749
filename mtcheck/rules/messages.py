"""MT706–MT709: the message syntax of resource strings (ICU MessageFormat, Fluent placeables).

A value such as ``{count, plural, one {# file} other {# files}}`` is a small program: it must
parse, it needs the plural variants of its language (CLDR's plural rules: Polish has ``one``,
``few``, ``many`` and ``other``; Japanese ``other`` alone), and its arguments and select keys
are code the translator keeps. The parser is mtcheck.text.messages, the CLDR data
mtcheck.languages.plurals.

What MT701 compares (placeholders at the message's top level, an ICU argument's head such as
``{count, plural}``) these rules leave to it, so that one problem makes one finding: MT709
compares what lies inside the variants, Fluent's terms, and select keys.

A text is judged when it has message structure: an ICU argument with a type (``{n, plural,``,
``{d, date}``) or a Fluent placeable of a variable or a term (``{ $name }``), in its source or,
without a source, in itself. Prose in braces (``{like this}``) has none.

These rules compare a message's syntax, which other rules never touch, so they set
``compares_source``: protected spans (the syntax is protected) do not silence them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections import namedtuple

from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language
from mtcheck.languages.plurals import SAMPLES_LISTED, plural_rules
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.taxonomy import Severity
from mtcheck.text.messages import PLURAL_CATEGORIES, Choice, Message, detect_syntax, parse
from mtcheck.text.units import aligned_units, quote


class MessageUnit(namedtuple("MessageUnit", "start target source")):
    """A translation's message (``target``, at offset ``start`` of the document) and its
    source's (None without a source)."""

    __slots__ = ()


def message_units(doc: Document) -> list[MessageUnit]:
    """The messages of ``doc``: each record (or line or text aligned with a source) whose source
    has message structure, or, without a source, whose own text has it. Cached on the
    document: four rules read them."""
    cached = doc.__dict__.get("_message_units")  # as functools.cached_property keeps its values
    if cached is not None:
        return cached
    spans: list[tuple[int, int, str | None]]
    if doc.has_records:
        spans = [(s.start, s.end, s.source if s.source and s.source.strip() else None) for s in doc.segments]
    else:
        units = aligned_units(doc)
        if len(units) > 1 and any(u.source.count("{") != u.source.count("}") for u in units):
            units = []  # lines of one message (a Fluent select spans lines): the text is the unit
            spans = [(0, len(doc.text.rstrip()), doc.source)]
        else:
            spans = ([(u.start, u.end, u.source) for u in units] if units
                     else [] if doc.markdown or doc.source else [(s, e, None) for s, e in doc.paragraphs])
    found = []
    for start, end, source in spans:
        text = doc.text[start:end]
        syntax = detect_syntax(source) if source else None
        if syntax is None:
            syntax = detect_syntax(text)
            source = None  # a source without structure has no message to compare with
        if syntax is None:
            continue
        found.append(MessageUnit(start, parse(text, syntax), parse(source, syntax) if source else None))
    doc.__dict__["_message_units"] = found
    return found


def _plural_choices(doc: Document) -> Iterator[tuple[MessageUnit, Choice, object]]:
    """(unit, plural or selectordinal choice, the target language's CLDR rules for it) of every
    message of the translation that parses and is judged."""
    for unit in message_units(doc):
        if not unit.target.ok or not _judged(unit):
            continue
        for choice in unit.target.choices:
            if choice.type == "select":
                continue
            rules = plural_rules(doc.tag, ordinal=choice.type == "selectordinal")
            if rules is not None:
                yield unit, choice, rules


def _judged(unit: MessageUnit) -> bool:
    """A translation is judged against a source that parses (a broken source is the developer's)."""
    return unit.source is None or unit.source.ok


def pair_choices(source: Message, target: Message) -> list[tuple[Choice, Choice]]:
    """The choices of ``target`` with the source's they translate: same argument, same type,
    in order (a select nested in each variant of a plural repeats its name)."""
    pending: dict[tuple[str, str], list[Choice]] = {}
    for choice in source.choices:
        pending.setdefault((choice.argument.name, choice.type), []).append(choice)
    pairs = []
    for choice in target.choices:
        queue = pending.get((choice.argument.name, choice.type))
        if queue:
            pairs.append((queue.pop(0), choice))
    return pairs


def renamed_keys(source: Choice, target: Choice) -> list[tuple[int, str]]:
    """(index of the target's variant, the source key it stands for) for each key MT translated:
    a key of the target that is no key of the source (of a select) or no plural category (of a
    plural), when the target kept the source's variants (as many) and as many keys of the
    source are missing, paired in order (``masculino`` → ``male``, ``femenino`` → ``female``;
    ``uno`` → ``one``). A Polish plural of four variants for an English one of two says
    nothing of which key a translated one stands for."""
    if len(source.variants) != len(target.variants):
        return []
    source_keys = set(source.keys)
    if target.type == "select":
        unknown = [i for i, v in enumerate(target.variants) if v.key not in source_keys]
    else:
        unknown = [i for i, v in enumerate(target.variants)
                   if v.key not in PLURAL_CATEGORIES and not v.key.startswith("=") and not v.key.isdigit()]
    missing = [k for k in source.keys if k not in set(target.keys)]
    if not unknown or len(unknown) != len(missing):
        return []
    return list(zip(unknown, missing))


def key_repairs(unit: MessageUnit) -> dict[int, tuple[int, str, Choice]]:
    """Offset of each key MT translated → (its variant's index, the source's key, its choice)."""
    repairs = {}
    if unit.source is not None:
        for src, tgt in pair_choices(unit.source, unit.target):
            for i, key in renamed_keys(src, tgt):
                repairs[tgt.variants[i].start] = (i, key, tgt)
    return repairs


def explained(unit: MessageUnit, repairs: dict) -> set[int]:
    """Offsets of the errors a translated key explains: the `other` a choice lacks because MT
    translated it (``otro``), which the key's finding reports."""
    heads = {choice.argument.start for _, key, choice in repairs.values() if key == "other"}
    return {e.start for e in unit.target.errors if e.start in heads and "`other`" in e.message}


class _MessageRule(Rule):
    needs_language_data = False
    compares_source = True
    category = "placeholder-mismatch"


@register
class MalformedMessage(_MessageRule):
    """MT706: a translation's message does not parse (while its source does)."""

    code = "MT706"
    name = "malformed-message"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.SOMETIMES
    what = ("Parses each message of ICU MessageFormat (`{count, plural, one {# file} other {# "
            "files}}`, `select`, `selectordinal`, nested arguments, ICU's apostrophe quoting) "
            "and Fluent placeables (`{ $name }`, `{ -brand }`, `{ $n -> [one] … *[other] … }`) "
            "and reports what breaks it: a brace never closed or closed twice, a plural or "
            "select without its `other` variant, a key that is no plural category (`uno`), a "
            "key without its message in braces, a type that is no argument type (`plurale`), a "
            "Fluent select without its `*` default. Also an apostrophe that quotes an argument "
            "of the source away: ICU reads `l'{count}` as the literal text `{count}`. A text is "
            "judged when its source parses as a message, or, without a source, when it has "
            "message structure itself (an argument with a type such as `{n, plural,`, or a "
            "Fluent placeable of a variable): prose in braces is left alone.")
    why = ("A message that does not parse makes the program fail to format it: an exception, an "
           "empty string or the raw pattern shown to the reader.")
    fix_safety = ("Unsafe, and only where the repair is certain: a plural key MT translated "
                  "(`uno`) gets the source's (`one`) when the translation kept the source's "
                  "variants and as many keys of the source are missing, paired in order; an apostrophe that quotes an argument away is "
                  "doubled (`l''{count}`), ICU's way of writing an apostrophe.")
    examples = (
        Example("es", "Tienes {count, plural, ⟦uno⟧ {# archivo} other {# archivos}}.",
                "Tienes {count, plural, one {# archivo} other {# archivos}}.",
                source="You have {count, plural, one {# file} other {# files}}.", source_lang="en"),
        Example("de", "⟦{⟧n, plural, one {# Datei} other {# Dateien}",
                None, source="{n, plural, one {# file} other {# files}}", source_lang="en"),
        Example("it", "Aggiornamento dell⟦'{⟧app}: {n, plural, one {# file} other {# file}}",
                "Aggiornamento dell''{app}: {n, plural, one {# file} other {# file}}",
                source="{app} update: {n, plural, one {# file} other {# files}}", source_lang="en"),
        Example("fr", "{n, plural, one {# fichier} other {# fichiers}}⟦}⟧", None),
        Example("it", "{g, select, male {Lui} female {Lei} ⟦{⟧Loro}}", None,
                source="{g, select, male {He} female {She} other {They}}", source_lang="en"),
        Example("en", "{count, plural, one {# new message} ⟦otro⟧ {# new messages}}",
                "{count, plural, one {# new message} other {# new messages}}",
                source="{count, plural, one {# mensaje nuevo} other {# mensajes nuevos}}", source_lang="es"),
        Example("nl", "{n, plural, one {# bestand} ⟦other⟧ # bestanden}", None,
                source="{n, plural, one {# file} other {# files}}", source_lang="en"),
        Example("pt", "{n, ⟦plurale⟧, one {# arquivo} other {# arquivos}}", None,
                source="{n, plural, one {# file} other {# files}}", source_lang="en"),
        Example("ru", "{n, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}⟦}⟧", None,
                source="{n, plural, one {# file} other {# files}}", source_lang="en"),
        Example("pl", "⟦{ $n ->⟧\n    [one] { $n } plik\n    [other] { $n } plików\n}", None,
                source="{ $n ->\n    [one] one file\n   *[other] { $n } files\n}", source_lang="en"),
    )
    clean = (
        ("en", "Use {curly braces} for sets, {like this}."),
        ("fr", "{n, plural, one {# fichier} other {# fichiers}} dans l'archive."),
        ("en", "It''s {n, plural, one {'#'# one} other {# others}}"),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        for unit in message_units(doc):
            if not _judged(unit):
                continue
            yield from self._errors(unit)
            if unit.source is not None and unit.target.syntax == "icu":
                yield from self._quoted_away(unit)

    def _errors(self, unit: MessageUnit) -> Iterator:
        repairs = key_repairs(unit)
        skipped = explained(unit, repairs)
        for error in unit.target.errors:
            if error.start in skipped:
                continue  # the key that should be `other` is reported (here, or by MT709 for a select)
            fixes, message = [], error.message
            if error.start in repairs:
                i, key, choice = repairs[error.start]
                if choice.type == "select":
                    continue  # a select key MT translated is MT709's (any word is a select key)
                variant = choice.variants[i]
                fixes.append(Fix.replace(unit.start + variant.start, unit.start + variant.end, key, safe=False))
                message = f"{error.message}: `{key}` in the source"
            yield self.finding(unit.start + error.start, unit.start + error.end, message, *fixes)

    def _quoted_away(self, unit: MessageUnit) -> Iterator:
        names = {a.name for a in unit.source.arguments}
        text = unit.target.text
        for start, end in unit.target.quoted:
            inner = parse(text[start:end], "icu")
            lost = [a.name for a in inner.arguments if a.name in names] if inner else []
            if not lost:
                continue
            yield self.finding(unit.start + start - 1, unit.start + start + 1,
                               f"the apostrophe quotes `{{{lost[0]}}}` away: ICU prints it as it "
                               f"stands (write `''` for an apostrophe)",
                               Fix.replace(unit.start + start - 1, unit.start + start - 1, "'", safe=False))


def _counts(samples: tuple[int, ...]) -> str:
    return ", ".join(map(str, samples)) + ("…" if len(samples) >= SAMPLES_LISTED else "")


def _explicit(choice: Choice) -> set[int]:
    """The numbers a choice names a variant for: ICU's ``=1``, Fluent's ``[1]``."""
    return {int(k.lstrip("=")) for k in choice.keys if k.lstrip("=").isdigit()}


@register
class MissingPluralCategory(_MessageRule):
    """MT707: a plural lacks a category its language needs (CLDR)."""

    code = "MT707"
    name = "missing-plural-category"
    fix_availability = FixAvailability.NEVER
    what = ("Reads the plural and selectordinal arguments of each message (ICU `{n, plural, …}`, "
            "Fluent `{ $n -> [one] … *[other] … }`) and reports one that lacks a category the "
            "target language's CLDR plural rules give to integers: Polish and Russian need "
            "`one`, `few`, `many` and `other`, Arabic all six, Japanese `other` alone. A "
            "category that only decimals or large round numbers take (Polish `other`, French "
            "`many` of `1 million de`) is not required, and explicit keys that cover every "
            "number of a category stand for it (`=1` for Polish `one`, which is 1 alone, but "
            "not for Russian `one`: 1, 21, 31…). Ordinals (`selectordinal`) by the ordinal "
            "rules. Judged whatever the source has: an English source has `one` and `other`.")
    why = ("ICU and Fluent fall back to `other` for a missing category: a Polish `2 plików` "
           "where `2 pliki` is right, a Russian `21 файлов` for `21 файл`.")
    fix_safety = "This rule has no fix: the missing variant's text is the translator's to write."
    examples = (
        Example("pl", "⟦{count, plural⟧, one {# plik} other {# plików}}", None,
                source="{count, plural, one {# file} other {# files}}", source_lang="en"),
        Example("ru", "⟦{n, plural⟧, one {# файл} few {# файла} other {# файлов}}", None,
                source="{n, plural, one {# file} other {# files}}", source_lang="en"),
        Example("ar", "⟦{n, plural⟧, one {ملف واحد} other {# ملفات}}", None),
        Example("de", "⟦{n, plural⟧, other {# Dateien}} gelöscht", None,
                source="{n, plural, other {# 個のファイル}}を削除しました", source_lang="ja"),
        Example("es", "⟦{n, plural⟧, other {# archivos}} borrados", None,
                source="{n, plural, other {# 个文件}}已删除", source_lang="zh"),
        Example("fr", "⟦{n, plural⟧, other {# fichiers}} supprimés", None,
                source="{n, plural, other {# 個のファイル}}を削除しました", source_lang="ja"),
        Example("it", "⟦{n, plural⟧, other {# file}} eliminati", None),
        Example("nl", "⟦{n, plural⟧, other {# bestanden}} verwijderd", None,
                source="{n, plural, other {# dosya}} silindi", source_lang="tr"),
        Example("pt", "⟦{n, plural⟧, other {# arquivos}} excluídos", None,
                source="{n, plural, other {# tệp}} đã bị xóa", source_lang="vi"),
        Example("cs", "⟦{ $n ->⟧\n    [one] { $n } soubor\n   *[other] { $n } souborů\n}", None,
                source="{ $n ->\n    [one] one file\n   *[other] { $n } files\n}", source_lang="en"),
        Example("en", "Your ⟦{pos, selectordinal⟧, one {#st} other {#th}} visit", None,
                source="Su {pos, selectordinal, other {#.ª}} visita", source_lang="es"),
    )
    clean = (
        ("pl", "{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}"),
        ("pl", "{count, plural, =1 {jeden plik} few {# pliki} many {# plików} other {# pliku}}"),
        ("ja", "{count, plural, other {# 個のファイル}}"),
        ("fr", "{count, plural, one {# fichier} other {# fichiers}}"),
        ("en", "{count, plural, =0 {No files} one {One file} other {# files}}"),
    )

    def runs_on(self, language: Language) -> bool:
        return plural_rules(language.tag) is not None  # CLDR's ~300 languages, folder or not

    def check(self, doc: Document, lang: Language) -> Iterable:
        for unit, choice, rules in _plural_choices(doc):
            keys, explicit = set(choice.keys), _explicit(choice)
            missing = [c for c in PLURAL_CATEGORIES if c in rules.required and c not in keys
                       and not (len(rules.samples[c]) < SAMPLES_LISTED and set(rules.samples[c]) <= explicit)]
            if not missing:
                continue
            listed = [f"`{c}` ({_counts(rules.samples[c])})" for c in missing]
            needs = ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else listed[0]
            kind = "ordinal" if choice.type == "selectordinal" else "plural"
            yield self.finding(unit.start + choice.argument.start, unit.start + choice.argument.end,
                               f"{lang.name} needs the {kind} {'categories' if len(missing) > 1 else 'category'} "
                               f"{needs} in `{choice.argument.name}`'s {choice.type}")


@register
class UnusedPluralCategory(_MessageRule):
    """MT708: a plural variant whose category the language never selects."""

    code = "MT708"
    name = "unused-plural-category"
    severity = Severity.MINOR  # a dead variant shows nothing wrong: less than a missing one
    fix_availability = FixAvailability.NEVER
    what = ("Reports a variant of a plural or selectordinal argument whose category the target "
            "language's CLDR rules do not have, such as a Japanese `one` or a Polish `two`: no "
            "number selects it, so its text is never shown. Explicit keys (`=0`, `=1`) are "
            "always allowed. Minor, unlike the missing categories of MT707.")
    why = ("A variant no number selects is dead text, usually the source's structure kept: what "
           "the translator wrote there is never shown, and the variant the language needs may "
           "be the one missing.")
    fix_safety = "This rule has no fix: dropping the variant, or keeping it, is the translator's call."
    examples = (
        Example("ja", "{count, plural, ⟦one⟧ {# 個のファイル} other {# 個のファイル}}", None,
                source="{count, plural, one {# file} other {# files}}", source_lang="en"),
        Example("de", "{n, plural, one {# Datei} ⟦few⟧ {# Dateien} other {# Dateien}}", None),
        Example("en", "{n, plural, one {# file} ⟦few⟧ {# files} ⟦many⟧ {# files} other {# files}}", None,
                source="{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}", source_lang="pl"),
        Example("fr", "{n, plural, one {# fichier} ⟦few⟧ {# fichiers} many {# de fichiers} other {# fichiers}}", None,
                source="{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}", source_lang="pl"),
        Example("es", "{n, plural, ⟦zero⟧ {ningún archivo} one {# archivo} other {# archivos}}", None,
                source="{n, plural, zero {لا ملفات} one {ملف واحد} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}",
                source_lang="ar"),
        Example("it", "{n, plural, one {# file} ⟦two⟧ {due file} other {# file}}", None),
        Example("nl", "{n, plural, ⟦zero⟧ {geen bestanden} one {# bestand} other {# bestanden}}", None),
        Example("pt", "{n, plural, one {# arquivo} ⟦two⟧ {dois arquivos} other {# arquivos}}", None),
        Example("ru", "{n, plural, one {# файл} ⟦two⟧ {два файла} few {# файла} many {# файлов} other {# файла}}", None,
                source="{n, plural, one {# datoteka} two {# datoteki} few {# datoteke} other {# datotek}}",
                source_lang="sl"),
    )
    clean = (
        ("ja", "{count, plural, =1 {ファイル 1 個} other {# 個のファイル}}"),
        ("pl", "{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}"),
    )

    def finding(self, start: int, end: int, message: str, *fixes: Fix):
        found = super().finding(start, end, message, *fixes)
        found.severity = self.severity
        return found

    def runs_on(self, language: Language) -> bool:
        return plural_rules(language.tag) is not None  # CLDR's ~300 languages, folder or not

    def check(self, doc: Document, lang: Language) -> Iterable:
        for unit, choice, rules in _plural_choices(doc):
            for v in choice.variants:
                if v.key in PLURAL_CATEGORIES and v.key not in rules.categories:
                    have = ", ".join(f"`{c}`" for c in PLURAL_CATEGORIES if c in rules.categories)
                    yield self.finding(unit.start + v.start, unit.start + v.end,
                                       f"{lang.name} has no `{v.key}` category ({have}): no number selects it")


@register
class MessageArgumentMismatch(_MessageRule):
    """MT709: the arguments and select keys inside a message, against the source's."""

    code = "MT709"
    name = "message-argument-mismatch"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.SOMETIMES
    what = ("Compares what lies inside a message's variants with the source: the arguments "
            "(`{name}`, nested `{n, plural}`, Fluent `{ $name }`) of the source missing in the "
            "translation, added, or renamed; an argument that every variant of the source uses "
            "missing from a variant of the translation; Fluent terms and message references "
            "(`{ -brand }`) anywhere; the keys of a select, which are code (`male`, `female` "
            "stay as they are: a translated `masculino` is never selected); and the explicit "
            "keys of a plural (`=0 {No files}`). `#` is the plural's number, not an argument. "
            "What MT701 compares (placeholders at the message's top level and the heads of its "
            "top-level arguments) is left to it.")
    why = ("A lost argument drops a value from the sentence; a renamed one breaks formatting or "
           "shows raw `{nombre}`; a translated select key is never matched, so every reader "
           "gets the `other` text; a lost `=0` turns `No files` into `0 files`.")
    fix_safety = ("Unsafe, and only where the repair is certain: a select key MT translated "
                  "(`masculino`) gets the source's (`male`) when the translation kept the "
                  "source's variants and as many keys of the source are missing, paired in order; a nested argument renamed, when it is the "
                  "only change, gets the source's name back.")
    examples = (
        Example("es", "{g, select, ⟦masculino⟧ {Él} ⟦femenino⟧ {Ella} other {Elle}} respondió",
                "{g, select, male {Él} female {Ella} other {Elle}} respondió",
                source="{g, select, male {He} female {She} other {They}} replied", source_lang="en"),
        Example("de", "{n, plural, one {# Datei in ⟦{ordner}⟧} other {# Dateien in ⟦{ordner}⟧}}",
                "{n, plural, one {# Datei in {folder}} other {# Dateien in {folder}}}",
                source="{n, plural, one {# file in {folder}} other {# files in {folder}}}", source_lang="en"),
        Example("en", "⟦{n, plural, one {# reply} other {# replies}}⟧", None,
                source="{n, plural, one {# respuesta de {user}} other {# respuestas de {user}}}", source_lang="es"),
        Example("pt", "{g, select, male {Ele} female {Ela} ⟦neutro⟧ {Elu} other {Eles}} respondeu", None,
                source="{g, select, male {He} female {She} other {They}} replied", source_lang="en"),
        Example("ru", "{n, plural, one {# файл в папке ⟦{папка}⟧} few {# файла в папке ⟦{папка}⟧} many {# файлов в папке ⟦{папка}⟧} other {# файла в папке ⟦{папка}⟧}}",
                "{n, plural, one {# файл в папке {folder}} few {# файла в папке {folder}} many {# файлов в папке {folder}} other {# файла в папке {folder}}}",
                source="{n, plural, one {# file in {folder}} other {# files in {folder}}}", source_lang="en"),
        Example("fr", "{n, plural, one {# fichier de {user}} ⟦other⟧ {# fichiers}}", None,
                source="{n, plural, one {# file by {user}} other {# files by {user}}}", source_lang="en"),
        Example("it", "⟦{n, plural⟧, one {Un file} other {# file}}", None,
                source="{n, plural, =0 {No files} one {One file} other {# files}}", source_lang="en"),
        Example("nl", "{ $n ->\n    [one] Eén tabblad in { ⟦-merk⟧ }\n   *[other] { $n } tabbladen\n}",
                "{ $n ->\n    [one] Eén tabblad in { -brand }\n   *[other] { $n } tabbladen\n}",
                source="{ $n ->\n    [one] One tab in { -brand }\n   *[other] { $n } tabs\n}", source_lang="en"),
    )
    clean = (
        ("en", "{g, select, male {He} female {She} other {They}} replied"),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        for unit in message_units(doc):
            if unit.source is None or not unit.source.ok:
                continue
            # A translation that does not parse is MT706's, unless all it lacks is the `other`
            # that MT translated (`otro`): that key is reported here.
            if {e.start for e in unit.target.errors} - explained(unit, key_repairs(unit)):
                continue
            yield from self._arguments(unit)
            for src, tgt in pair_choices(unit.source, unit.target):
                yield from self._keys(unit, src, tgt)
                if src.variants and tgt.variants:
                    yield from self._variants(unit, src, tgt)

    @staticmethod
    def _compared(message: Message) -> list:
        """The arguments MT701 does not see: inside variants, and Fluent's terms and references."""
        return [a for a in message.arguments
                if a.depth >= 1 or (message.syntax == "fluent" and a.type in ("term", "message"))]

    def _arguments(self, unit: MessageUnit) -> Iterator:
        src, tgt = self._compared(unit.source), self._compared(unit.target)
        everywhere_src = {a.name for a in unit.source.arguments}
        everywhere_tgt = {a.name for a in unit.target.arguments}
        missing = [a for a in src if a.name not in everywhere_tgt]
        added = [a for a in tgt if a.name not in everywhere_src]
        missing = list({a.name: a for a in missing}.values())  # one finding a name
        added_names = list({a.name: a for a in added}.values())
        if len(missing) == 1 and len(added_names) == 1 and missing[0].type == added_names[0].type:
            old, new_name = missing[0], added_names[0].name
            for a in added:  # each use of the renamed argument, each with its fix
                fix = Fix.replace(unit.start + a.start, unit.start + a.end, _reference(old), safe=False)
                yield self.finding(unit.start + a.start, unit.start + a.end,
                                   f"`{quote(unit.target.text[a.start:a.end])}` should be `{_written(old)}` as in the source",
                                   fix)
            return
        for a in added:
            yield self.finding(unit.start + a.start, unit.start + a.end,
                               f"`{quote(unit.target.text[a.start:a.end])}` is not in the source")
        if missing:
            names = ", ".join(f"`{_written(a)}`" for a in missing)
            yield self.finding(unit.start, unit.start + len(unit.target.text),
                               f"missing from the translation: {names} of the source")

    def _keys(self, unit: MessageUnit, src: Choice, tgt: Choice) -> Iterator:
        at = unit.start
        if tgt.type == "select":
            renamed = dict(renamed_keys(src, tgt))
            for i, v in enumerate(tgt.variants):
                if v.key in src.keys:
                    continue
                if i in renamed:
                    fix = Fix.replace(at + v.start, at + v.end, renamed[i], safe=False)
                    yield self.finding(at + v.start, at + v.end,
                                       f"`{v.key}` should be `{renamed[i]}` as in the source: select keys are code", fix)
                else:
                    yield self.finding(at + v.start, at + v.end, f"`{v.key}` is no key of the source's select")
            lost = [k for k in src.keys if k not in tgt.keys and k not in renamed.values() and k != "other"]
        else:
            lost = [k for k in src.keys if k.startswith("=") and k not in tgt.keys]
        if lost:
            keys = ", ".join(f"`{k}`" for k in lost)
            yield self.finding(at + tgt.argument.start, at + tgt.argument.end,
                               f"the source's {keys} {'is' if len(lost) == 1 else 'are'} missing from `{tgt.argument.name}`'s {tgt.type}")

    def _variants(self, unit: MessageUnit, src: Choice, tgt: Choice) -> Iterator:
        """An argument every variant of the source uses, missing from one of the translation's."""
        def names(message: Message, variant) -> set[str]:
            return {a.name for a in message.arguments if variant.body_start <= a.start < variant.body_end}

        # The choice's own number may go unsaid (Polish `one` is 1 alone: `Jeden plik`), and an
        # argument the translation took out of the choice altogether is MT701's (added above it).
        shared = set.intersection(*(names(unit.source, v) for v in src.variants)) - {src.argument.name}
        inside = set().union(*(names(unit.target, v) for v in tgt.variants))
        for v in tgt.variants:
            lacking = sorted((shared & inside) - names(unit.target, v))
            if lacking:
                listed = ", ".join(f"`{{{n}}}`" for n in lacking)
                yield self.finding(unit.start + v.start, unit.start + v.end,
                                   f"{listed} of every variant of the source is missing from `{v.key}`")


def _written(argument) -> str:
    if argument.type in ("term", "message"):
        return f"{{ {argument.name} }}"
    if argument.type == "variable":
        return f"{{ ${argument.name} }}"
    return f"{{{argument.name}}}" if argument.type is None else f"{{{argument.name}, {argument.type}}}"


def _reference(argument) -> str:
    """What stands in an argument's span (``Argument.start``/``end``) for ``argument``."""
    if argument.type == "variable":
        return f"${argument.name}"
    if argument.type in ("term", "message"):
        return argument.name
    return f"{{{argument.name}}}" if argument.type is None else f"{{{argument.name}, {argument.type}"

