"""The placeholder grammar: the tokens a program fills in at run time, in the syntaxes of the
localization formats mtcheck reads. No rules here: MT701 compares these tokens with the source
(``mtcheck.rules.placeholders``), MT601 leaves their digits alone (``mtcheck.rules.numbers``), and
the Document protects them from every rule that does not compare with the source
(``mtcheck.document``), since a "fix" inside ``{name}`` or ``%s`` breaks the program.
``placeholders(text)`` lists a text's placeholders with inline tags, URLs and e-mail addresses,
and ``compare(source, target)`` says which are missing, added or changed.

Kinds, from the most specific to the least (a caller masks what each kind took before the next):

- printf: ``%s``, ``%1$s``, ``%.0s``, ``%(name)s``, Qt's ``%1``, Apple's ``%#@files@`` (a
  ``.stringsdict`` variable); the percent sign of ``50%`` and ``50 %`` and the literal ``%%``
  are not placeholders;
- format: Python/.NET/ICU simple arguments ``{0}``, ``{name}``, ``{name!r:>10}``, ``{}``;
- template: ``{{name}}``, ``${name}``, ``%name%``, ``$(name)``, ``$[name]``, ``$name$``, ``$name``,
  ``@name@``, and XML/DTD entities that are not HTML's (``&brandShortName;``; ``&quot;`` is
  markup residue, MT302's);
- token: ``#PRS_ORG#``, ``#NAME#``, ``#Product1#`` (capitals, or a digit or underscore: a hashtag
  pair like ``#one#`` is not one);
- fluent: Project Fluent's placeables ``{ $var }``, ``{ -term }``, ``{ -term.attr }``,
  ``{ "literal" }``, ``{ NUMBER($n) }``: one opens with ``$``, ``-`` and a letter, a quote or a
  function's capitals, so that a brace in prose (``{a, b}``, ``{ and }``) is none. A selector
  ``{ $n -> [one] … *[other] … }`` is a message: its syntax is ``message_syntax``'s.

Precision matters as much as recall: ``$5``, ``#hashtag``, ``me@home`` and ``AT&T;`` are text.

    >>> [text for _, text in protected_spans("Hi {name}, %1$s of %(n)d, $5 or $(HOME), #tag, &brandShortName;")]
    ['{name}', '%1$s', '%(n)d', '$(HOME)', '&brandShortName;']
    >>> protected_spans("AT&T; and A&E; or R&D;")
    []
    >>> [t for _, t in protected_spans("{{name}} ${name} $name$ @name@ $[name] #PRS_ORG# %count% %.0s {0}")]
    ['{{name}}', '${name}', '$name$', '@name@', '$[name]', '#PRS_ORG#', '%count%', '%.0s', '{0}']
    >>> [t for _, t in protected_spans('Hi { $user }, { -brand-name } has { NUMBER($n) } { "{" }')]
    ['{ $user }', '{ -brand-name }', '{ NUMBER($n) }', '{ "{" }']
    >>> [t for _, t in protected_spans("%#@files@ in %1$#@folders@, %@")]
    ['%#@files@', '%1$#@folders@', '%@']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.entities import html5

import regex

from mtcheck.text.patterns import EMAIL, URL, lazy

PERCENT_SIGN = r"(?<!\d)(?<!\d[ \u00a0\u202f])"  # `50%`, `50 %`: a percent sign, not a placeholder
PRINTF = lazy(PERCENT_SIGN + r"%(?:(?P<pos>[1-9]\d*)\$)?(?P<spec>[-+0#']*(?:\d+|\*)?"
                       r"(?:\.(?:\d+|\*))?(?:hh|ll|I64|I32|[hlLqjzt])?[diouxXeEfFgGaAcCsSpn@])")
PRINTF_NAMED = lazy(PERCENT_SIGN + r"%\((?P<name>\w+)\)[-+0# ]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                             r"[hlL]?[diouxXeEfFgGcrsa]")
QT_ARG = lazy(PERCENT_SIGN + r"%(?P<pos>[1-9]\d?)(?![\d$])")  # Qt, Windows: %1
# Apple's .stringsdict variable: `%#@files@`, `%1$#@files@` (its name is a key of the file).
APPLE_VARIABLE = lazy(r"%(?:[1-9]\d*\$)?#@[A-Za-z_]\w*@")
PERCENT_NAME = lazy(PERCENT_SIGN + r"%[A-Za-z_][\w.-]*[A-Za-z0-9_]%")  # Symfony %count%
PERCENT_LITERAL = lazy(r"%%")
FORMAT = lazy(r"(?<!\{)\{(?P<field>(?:[^\W\d]\w*|\d+)(?:\.[^\W\d]\w*|\[[^\[\]{}\s]*\])*)?"
                       r"(?P<conv>![rsa])?(?P<spec>:[^{}\n]*)?\}(?!\})")
ICU_HEAD = lazy(r"\{\s*(?P<name>[A-Za-z_][\w.]*)\s*,\s*(?P<type>plural|selectordinal|select|choice"
                         r"|number|date|time|spellout|ordinal|duration)\b")
TEMPLATE = lazy(r"\{\{\{?\s*[^{}\s][^{}]*?\s*\}\}\}?|\$\{\s*[^{}\s][^{}]*?\s*\}")
# i18next's nesting, `$t(key)` and `$t(key, {"count": 2})`: the key is code, like a placeholder's name.
I18NEXT_NESTING = lazy(r"\$t\(\s*[^\s(),{}]+\s*(?:,\s*\{[^()]*\}\s*)?\)")
# A Fluent select expression, `{ $count -> [one] … *[other] … }` or `{ NUMBER($n) -> …}`: like an
# ICU plural, its head is compared and its variants are text (mtcheck.rules.messages).
FLUENT_SELECT = lazy(r"\{\s*(?:\$(?P<var>[A-Za-z][\w-]*)|[A-Z][A-Z0-9_-]*\(\s*\$(?P<fvar>[A-Za-z][\w-]*)[^(){}]*\))\s*->")
# Shell, Makefile, PHP and Mozilla-style variables. A name starts with a letter or an underscore
# (`$5` is a price); a closed one (`$(name)`, `$[name]`, `$name$`) may touch a word, as MT glues
# it (`april$name$`), a bare `$name` stands alone (`US$` and `a$b` are text).
DOLLAR = lazy(r"\$(?:\((?P<paren>[A-Za-z_][\w.-]*)\)|\[(?P<bracket>[A-Za-z_][\w.-]*)\]|(?P<closed>[A-Za-z_]\w*)\$)"
                       r"|(?<![\w$])\$(?P<name>[A-Za-z_]\w*)(?![\w$])")
# Autoconf and Android-style @name@; an e-mail address is taken before (and `me@home@` is rare).
AT_NAME = lazy(r"(?<!@)@[A-Za-z_][\w.-]*@(?![\w@])")
# #PRS_ORG#, #NAME#, #Product1#: letters in capitals, or with a digit or an underscore.
TOKEN = lazy(r"#(?P<name>[^\W\d_][^\W_]*(?:_[^\W_]+)*)#")
COLON = lazy(r"(?<![^\s(\[\"'“«]):(?P<name>[a-z][a-z0-9_]+)(?![\w:/])")
# An entity stands apart from the word before it and has a name of two characters or more:
# the `&T;` of `AT&T;`, `&E;` of `A&E;` and `&D;` of `R&D;` are an ampersand in a name.
ENTITY = lazy(r"(?<![^\W_])&(?P<name>[A-Za-z_][\w.-]+);")

# Project Fluent's placeables: a variable, a term (its attribute, its arguments), a string
# literal, a function call (a selector's syntax is message_syntax's, below).
_FLUENT_EXPRESSION = (r"(?:\$[A-Za-z][\w-]*|-[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)?(?:\([^(){}\n]*\))?"
                      r"|[A-Z][A-Z0-9_-]*\([^(){}\n]*\))")
FLUENT_PLACEABLE = lazy(r"\{[ \t]*(?:" + _FLUENT_EXPRESSION + r'|"(?:[^"\\\n]|\\.)*")[ \t]*\}')

# Android's `<xliff:g id="count" example="5">%1$d</xliff:g>` marks what must not be translated:
# never markup residue, and a fix inside (`id="Count"`) breaks the string's lookup.
XLIFF_G = lazy(r"</?xliff:g\b[^<>]*>")
# Every kind above holds one of these; most sentences have none, and are answered at once.
PLACEHOLDER_CHAR = lazy(r"[{%#@$&<]")


def is_token(name: str) -> bool:
    """Is ``#name#`` a token? Two characters at least, and capitals, a digit or an underscore.

    >>> is_token("PRS_ORG"), is_token("Product1"), is_token("one")
    (True, True, False)
    """
    return len(name) >= 2 and (name.isupper() or any(c.isdigit() or c == "_" for c in name))


def is_entity(name: str) -> bool:
    """Is ``&name;`` an XML/DTD entity a program fills in, rather than an HTML character
    reference left in the text (``&quot;``, markup residue)?

    >>> is_entity("brandShortName"), is_entity("quot"), is_entity("nbsp")
    (True, False, False)
    """
    return f"{name};" not in html5


def protected_spans(text: str, messages: bool = True) -> list[tuple[tuple[int, int], str]]:
    """((start, end), text) of each placeholder of ``text`` that no text rule may touch, in
    order. Each character belongs to one at most (the more specific kind wins). Of an ICU
    or Fluent message (``{count, plural, one {# file} other {# files}}``) only the syntax is
    protected, so that every rule reads the text of its variants (see ``message_syntax``);
    Laravel's ``:name`` is left out (as often prose), and so are tags (MT303 reports markup).
    ``messages=False`` leaves the message syntax to the caller (a Document finds it record by
    record).

    >>> protected_spans("Envoyé par %s le %d")
    [((11, 13), '%s'), ((17, 19), '%d')]
    >>> protected_spans("Save 20%s on $5 items, 100% sure, #MeToo, US$ or a$b")
    []
    >>> [t for _, t in protected_spans("im april$name$ und bis@date@")]
    ['$name$', '@date@']
    >>> [t for _, t in protected_spans("Du hast {count, plural, one {eine Nachricht} other {# Nachrichten}} von $t(app:name)")]
    ['{count, plural, one {', '} other {#', '}}', '$t(app:name)']
    >>> [t for _, t in protected_spans('<xliff:g id="count" example="5">%1$d</xliff:g> Dateien')]
    ['<xliff:g id="count" example="5">', '%1$d', '</xliff:g>']
    """
    if not PLACEHOLDER_CHAR.search(text):
        return []
    chars = list(text)
    found: list[tuple[tuple[int, int], str]] = []
    for start, end in message_syntax(text) if messages else ():
        found.append(((start, end), text[start:end]))
        chars[start:end] = "\0" * (end - start)
    for pattern, keep in _PROTECTED_KINDS:
        for m in pattern.finditer("".join(chars)):
            if keep is not None and not keep(m):
                continue
            if keep is not None:
                found.append((m.span(), text[m.start():m.end()]))
            chars[m.start():m.end()] = "\0" * (m.end() - m.start())
    return sorted(found)


def message_syntax(text: str) -> list[tuple[int, int]]:
    """The syntax of the ICU or Fluent messages in ``text`` (braces, argument heads, keys, ``#``;
    mtcheck.text.messages): their variants' text is left to the rules. Each run of lines whose
    braces balance is one message (a Fluent select spans lines); one that does not parse gets
    none (MT706 reports it).

    >>> message_syntax("{n, plural, one {# file} other {# files}}")
    [(0, 18), (23, 33), (39, 41)]
    >>> message_syntax("Use {braces} {like this}"), message_syntax("{n, plural, one {# file}")
    ([], [])
    >>> message_syntax("{n, plural, other {#}}\\n{n, plural, one {#}")  # the second is broken
    [(0, 22)]
    """
    from mtcheck.text.messages import parse

    if "{" not in text:
        return []
    spans, start, depth = [], 0, 0
    for i, c in enumerate(text + "\n"):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "\n" and (depth <= 0 or i == len(text)):
            message = parse(text[start:i]) if "{" in text[start:i] else None
            if message is not None and message.ok:
                spans += [(start + s, start + e) for s, e in message.syntax_spans]
            start, depth = i + 1, 0
    return spans


_PROTECTED_KINDS = (
    # (pattern, which matches to keep; None: masked but not kept, so that `%%d` is no `%d`)
    (FLUENT_PLACEABLE, lambda m: True),
    (XLIFF_G, lambda m: True),
    (TEMPLATE, lambda m: True),
    (I18NEXT_NESTING, lambda m: True),
    (PERCENT_LITERAL, None),
    (PRINTF_NAMED, lambda m: True),
    (APPLE_VARIABLE, lambda m: True),
    (PERCENT_NAME, lambda m: True),
    (PRINTF, lambda m: True),
    (QT_ARG, lambda m: True),
    (FORMAT, lambda m: True),
    (DOLLAR, lambda m: True),
    (AT_NAME, lambda m: True),
    (TOKEN, lambda m: is_token(m["name"])),
    (ENTITY, lambda m: is_entity(m["name"])),
)


# -- the placeholders of a text, and their comparison with the source's ----------------------
@dataclass(frozen=True)
class Placeholder:
    """A placeholder found in a text. ``key`` is what is compared (``%s`` and ``%1$s``, ``{}``
    and ``{0}`` are told apart unless one side numbers them; see ``_keys``); ``start``/``end``
    is the part a fix replaces (an ICU argument's ``{count, plural`` head, not its bodies)."""

    kind: str  # printf, format, icu, template, token, colon, tag, url, email
    key: str
    start: int
    end: int
    text: str
    numbered_key: str | None = None  # for automatic numbering: the key with its position

    @property
    def automatic(self) -> bool:
        return self.numbered_key is not None


_PERCENT_SIGN = PERCENT_SIGN
TAG = lazy(r"<(?P<close>/)?(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"<>]*\""
                    r"|'[^'<>]*'|[^\s\"'<>=`/]+))*)\s*(?P<empty>/)?>")
# Inline elements of HTML, XLIFF 1.2/2.0 and TMX: tags by name alone. Other names are tags only
# with an attribute or as `<name/>`: `<Fukushima>` is an MT's rendering of `＜福島＞`.
INLINE_TAGS = frozenset("""a abbr b bdi bdo big blockquote br button cite code del dfn div em font h1 h2 h3
    h4 h5 h6 hr i img input ins kbd label li mark ol p pre q samp small span strike strong sub sup
    table td th tr tt u ul var wbr x g bx ex bpt ept ph it mrk sc ec pc sm em hi ut""".split())
# Every kind above holds one of these (a URL its `:` or `www.`).
_PLACEHOLDER_CHAR = lazy(r"[{<%#:@$&]|www\.")
TAG_ATTR = lazy(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'<>/=`]+)""")
# Attributes whose values are text a translator translates (HTML's, and ARIA's labels).
TRANSLATABLE_ATTRIBUTES = frozenset({"alt", "title", "placeholder", "label", "summary", "abbr",
                                     "value", "aria-label", "aria-description", "aria-placeholder",
                                     "aria-roledescription", "aria-valuetext", "content",
                                     "example"})  # Android's <xliff:g example="5 files">: a note to translators
VOID_TAGS = frozenset({"br", "hr", "img", "input", "wbr", "meta", "link", "area", "col", "source"})
# Tokenizer leftovers are MT104's (subword-residue), not placeholders.
SUBWORD_TAGS = frozenset({"unk", "pad", "mask", "s"})
MASK_CHAR = "\0"


def placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in ``text``, in order of position. Each character belongs to one at
    most: kinds are taken from the most specific to the least (a URL before a tag, ``%%``
    before printf, an ICU argument before ``{name}``), masking what each one took.

    >>> [p.key for p in placeholders("Hi {name}, %d new <b>messages</b> at 50 % off, 100%")]
    ['{name}', '%d', '<b>', '</b>']
    """
    if not _PLACEHOLDER_CHAR.search(text):
        return []  # most sentences: none of the characters any placeholder needs
    chars = list(text)
    found: list[Placeholder] = []

    def take(kind: str, start: int, end: int, key: str, numbered: str | None = None,
             mask_end: int | None = None) -> None:
        for i in range(start, mask_end or end):
            chars[i] = MASK_CHAR
        found.append(Placeholder(kind, key, start, end, text[start:end], numbered))

    def scan(pattern) -> Iterator:
        return pattern.finditer("".join(chars))

    for m in scan(URL):
        take("url", *m.span(), m.group().rstrip("/"))
    for m in scan(EMAIL):
        take("email", *m.span(), m.group().lower())
    covered = 0
    for m in scan(ICU_HEAD):
        if m.start() < covered:
            continue  # an argument nested in another's bodies: the bodies are not compared
        covered = _balanced_end(text, m.start())
        take("icu", m.start(), m.end(), f"{{{m['name']}, {m['type']}}}", mask_end=covered)
    covered = 0
    for m in scan(FLUENT_SELECT):
        if m.start() < covered:
            continue
        covered = _balanced_end(text, m.start())
        take("icu", m.start(), m.end(), f"{{${m['var'] or m['fvar']} ->}}", mask_end=covered)
    for m in scan(FLUENT_PLACEABLE):
        take("fluent", *m.span(), m.group() if '"' in m.group() else regex.sub(r"\s+", "", m.group()))
    for m in scan(TEMPLATE):
        take("template", *m.span(), regex.sub(r"\s+", "", m.group()))
    for m in scan(I18NEXT_NESTING):
        take("template", *m.span(), regex.sub(r"\s+", "", m.group()))
    for m in scan(TAG):
        name = m["name"].lower()
        # A closing tag is a tag whatever its name (`</bb>` is a misspelt `</b>`); an opening
        # one needs a known name, an attribute or `/>`.
        if not m["attrs"] and not m["close"] and (
                name in SUBWORD_TAGS or (name not in INLINE_TAGS and not m["empty"])):
            continue
        take("tag", *m.span(), _tag_key(name, m["attrs"] or "", bool(m["close"]), bool(m["empty"])))
    for m in scan(PERCENT_LITERAL):
        take("literal", *m.span(), "%%")
    for m in scan(PRINTF_NAMED):
        take("printf", *m.span(), m.group())
    for m in scan(APPLE_VARIABLE):
        take("printf", *m.span(), m.group())
    for m in scan(PERCENT_NAME):
        take("template", *m.span(), m.group())
    auto = 0
    for m in scan(PRINTF):
        if m["pos"]:
            take("printf", *m.span(), f"%{m['pos']}${m['spec']}")
        else:
            auto += 1
            take("printf", *m.span(), f"%{m['spec']}", f"%{auto}${m['spec']}")
    for m in scan(QT_ARG):
        take("printf", *m.span(), m.group())
    auto = 0
    for m in scan(FORMAT):
        rest = (m["conv"] or "") + (m["spec"] or "")
        if m["field"] is None:
            take("format", *m.span(), f"{{{rest}}}", f"{{{auto}{rest}}}")
            auto += 1
        else:
            take("format", *m.span(), m.group())
    for m in scan(DOLLAR):
        take("template", *m.span(), m.group())
    for m in scan(AT_NAME):
        take("template", *m.span(), m.group())
    for m in scan(TOKEN):
        if is_token(m["name"]):
            take("token", *m.span(), m.group())
    for m in scan(ENTITY):
        if is_entity(m["name"]):
            take("template", *m.span(), m.group())
    for m in scan(COLON):
        take("colon", *m.span(), m.group())
    return sorted((p for p in found if p.kind != "literal"), key=lambda p: p.start)


def _tag_key(name: str, attrs: str, close: bool, empty: bool) -> str:
    """How a tag is compared: its element and its attributes but the translatable ones (a
    link's `title`, an image's `alt` are text), sorted, their values as written.

    >>> _tag_key("a", ' title="Help" href="/help"', False, False), _tag_key("b", "", True, False)
    ('<a href="/help">', '</b>')
    >>> _tag_key("x", ' id="1"', False, True)
    '<x id="1"/>'
    """
    if close:
        return f"</{name}>"
    kept = sorted((k.lower(), v.strip("\"'")) for k, v in TAG_ATTR.findall(attrs)
                  if k.lower() not in TRANSLATABLE_ATTRIBUTES)
    body = "".join(f' {k}="{v}"' for k, v in kept)
    return f"<{name}{body}/>" if empty or name in VOID_TAGS else f"<{name}{body}>"


def _balanced_end(text: str, start: int) -> int:
    """The end of the brace group opening at ``text[start]`` (the text's end when unbalanced)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _numbered(p: Placeholder) -> bool:
    """``%1$s``, ``%1``, ``{0}``: a placeholder that says which argument it takes."""
    return p.kind in ("printf", "format") and not p.automatic and p.key[1:2].isdigit()


def _keys(source: list[Placeholder], target: list[Placeholder]) -> tuple[list[str], list[str]]:
    """Comparison keys. Automatic numbering (``%s``, ``{}``) is compared as written, unless the
    other side numbers its placeholders of that kind (``%2$s de %1$s`` translates ``%s of %s``,
    as gettext's msgfmt allows): then both sides are compared by position."""
    numbered = {p.kind for p in source + target if _numbered(p)}

    def key(p: Placeholder) -> str:
        return f"{p.kind} {p.numbered_key if p.automatic and p.kind in numbered else p.key}"

    return [key(p) for p in source], [key(p) for p in target]


@dataclass
class Mismatch:
    missing: list[Placeholder]  # of the source
    added: list[Placeholder]  # of the translation
    changed: list[tuple[Placeholder, Placeholder]]  # (source, translation)
    reordered: bool = False  # the changes are unnumbered placeholders in another order


def compare(source: str, target: str) -> Mismatch | None:
    """How the placeholders of ``target`` differ from those of ``source``; None when they agree.

    >>> m = compare("Hello {name}, %d new", "Hola {nombre}, % d nuevos")
    >>> [(s.text, t.text) for s, t in m.changed], m.missing, m.added
    ([('{name}', '{nombre}'), ('%d', '% d')], [], [])
    """
    src, tgt = placeholders(source), placeholders(target)
    if not src and not tgt:
        return None
    if not _colon_placeholders(src, tgt):
        src = [p for p in src if p.kind != "colon"]
        tgt = [p for p in tgt if p.kind != "colon"]
    src_keys, tgt_keys = _keys(src, tgt)
    unmatched = Counter(src_keys) - Counter(tgt_keys)
    extra = Counter(tgt_keys) - Counter(src_keys)
    # A named or numbered placeholder (`{name}`, `%1$s`, `#PRS_ORG#`, a tag) the source says twice
    # and the translation once still gets its value (a translator may merge the two mentions):
    # only the count of unnumbered ones (`%s`, `{}`) is part of the format. A copy added is
    # still reported: MT repeats placeholders.
    in_target = set(tgt_keys)
    missing = [p for p, k in zip(src, src_keys) if _take(unmatched, k) and (p.automatic or k not in in_target)]
    added = [p for p, k in zip(tgt, tgt_keys) if _take(extra, k)]
    if not missing and not added:
        return _order_changed(src, tgt)
    changed = []
    # A placeholder broken by white space or a case change (`% d`, `{ name }`, `# NAME #`)
    # is no placeholder any more: look for it where the translation has no placeholder.
    masked = _mask(target, tgt)
    for p in list(missing):
        near = _near_form(p, masked)
        if near is not None:
            missing.remove(p)
            changed.append((p, Placeholder(p.kind, p.key, *near, target[near[0]:near[1]])))
            masked = masked[:near[0]] + MASK_CHAR * (near[1] - near[0]) + masked[near[1]:]
    # A placeholder of the same kind in its place (`{name}` → `{nombre}`, `%s` → `%d`).
    for p in list(missing):
        partner = next((a for a in added if a.kind == p.kind), None)
        if partner is not None:
            missing.remove(p)
            added.remove(partner)
            changed.append((p, partner))
    changed.sort(key=lambda pair: pair[1].start)
    return Mismatch(missing, added, changed)


def _colon_placeholders(src: list[Placeholder], tgt: list[Placeholder]) -> bool:
    """Is ``:name`` a placeholder here (Laravel, Rails)? It is prose as often (a French source
    typed `Attention :vous`), so only when the source has two, or both sides have one."""
    in_source = sum(p.kind == "colon" for p in src)
    return in_source >= 2 or (in_source == 1 and any(p.kind == "colon" for p in tgt))


def _order_changed(src: list[Placeholder], tgt: list[Placeholder]) -> Mismatch | None:
    """Unnumbered printf placeholders are filled in order: `%s of %d` → `%d de %s` swaps the
    arguments (a crash for C, garbage for Python). Reported where the order differs."""
    pairs = []
    for kind in ("printf", "format"):
        a = [p for p in src if p.kind == kind and p.automatic]
        b = [p for p in tgt if p.kind == kind and p.automatic]
        if len(a) == len(b) and not any(p.kind == kind and _numbered(p) for p in src + tgt):
            pairs += [(x, y) for x, y in zip(a, b) if x.key != y.key]
    return Mismatch([], [], sorted(pairs, key=lambda pair: pair[1].start), reordered=True) if pairs else None


def _take(counter: Counter, key: str) -> bool:
    """Count one occurrence of ``key`` off ``counter``; False when none is left."""
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _mask(text: str, found: list[Placeholder]) -> str:
    chars = list(text)
    for p in found:
        for i in range(p.start, p.end):
            chars[i] = MASK_CHAR
    return "".join(chars)


@lru_cache(maxsize=1024)
def _near_pattern(text: str):
    """``%d`` → ``%\\s*d``: the placeholder with white space allowed between its parts, any case."""
    parts = regex.findall(r"[^\W_]+|\S", text)
    body = r"[ \u00a0\u202f]*".join(regex.escape(p) for p in parts)
    lead = _PERCENT_SIGN if text.startswith("%") else r"(?<![#$%{])"
    # `%d` must not match the `% d` of `50 % des`; `#NAME#` may touch a word (`#NAME #Store`).
    tail = r"(?![\w}])" if text[-1].isalnum() else r"(?!\})"
    return regex.compile(lead + body + tail, regex.IGNORECASE)


def _near_form(p: Placeholder, masked_target: str) -> tuple[int, int] | None:
    if p.kind in ("url", "email", "icu"):
        return None
    for m in _near_pattern(p.text).finditer(masked_target):
        if m.group() != p.text:
            return m.span()
    return None
