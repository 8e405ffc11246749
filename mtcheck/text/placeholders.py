"""The placeholder grammar: the tokens a program fills in at run time, in the syntaxes of the
localization formats mtcheck reads. No rules here: MT701 compares these tokens with the source
(``mtcheck.rules.localization``), MT601 leaves their digits alone (``mtcheck.rules.source``), and
the Document protects them from every rule that does not compare with the source
(``mtcheck.document``), since a "fix" inside ``{name}`` or ``%s`` breaks the program.

Kinds, from the most specific to the least (a caller masks what each kind took before the next):

- printf: ``%s``, ``%1$s``, ``%.0s``, ``%(name)s``, Qt's ``%1``; the percent sign of ``50%`` and
  ``50 %`` and the literal ``%%`` are not placeholders;
- format: Python/.NET/ICU simple arguments ``{0}``, ``{name}``, ``{name!r:>10}``, ``{}``;
- template: ``{{name}}``, ``${name}``, ``%name%``, ``$(name)``, ``$[name]``, ``$name$``, ``$name``,
  ``@name@``, and XML/DTD entities that are not HTML's (``&brandShortName;``; ``&quot;`` is
  markup residue, MT302's);
- token: ``#PRS_ORG#``, ``#NAME#``, ``#Product1#`` (capitals, or a digit or underscore: a hashtag
  pair like ``#one#`` is not one).

Precision matters as much as recall: ``$5``, ``#hashtag``, ``me@home`` and ``AT&T;`` are text.

    >>> [text for _, text in protected_spans("Hi {name}, %1$s of %(n)d, $5 or $(HOME), #tag, &brandShortName;")]
    ['{name}', '%1$s', '%(n)d', '$(HOME)', '&brandShortName;']
    >>> [t for _, t in protected_spans("{{name}} ${name} $name$ @name@ $[name] #PRS_ORG# %count% %.0s {0}")]
    ['{{name}}', '${name}', '$name$', '@name@', '$[name]', '#PRS_ORG#', '%count%', '%.0s', '{0}']
"""

from __future__ import annotations

from html.entities import html5

from mtcheck.text.patterns import lazy

PERCENT_SIGN = r"(?<!\d)(?<!\d[ \u00a0\u202f])"  # `50%`, `50 %`: a percent sign, not a placeholder
PRINTF = lazy(PERCENT_SIGN + r"%(?:(?P<pos>[1-9]\d*)\$)?(?P<spec>[-+0#']*(?:\d+|\*)?"
                       r"(?:\.(?:\d+|\*))?(?:hh|ll|I64|I32|[hlLqjzt])?[diouxXeEfFgGaAcCsSpn@])")
PRINTF_NAMED = lazy(PERCENT_SIGN + r"%\((?P<name>\w+)\)[-+0# ]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                             r"[hlL]?[diouxXeEfFgGcrsa]")
QT_ARG = lazy(PERCENT_SIGN + r"%(?P<pos>[1-9]\d?)(?![\d$])")  # Qt, Windows: %1
PERCENT_NAME = lazy(PERCENT_SIGN + r"%[A-Za-z_][\w.-]*[A-Za-z0-9_]%")  # Symfony %count%
PERCENT_LITERAL = lazy(r"%%")
FORMAT = lazy(r"(?<!\{)\{(?P<field>(?:[^\W\d]\w*|\d+)(?:\.[^\W\d]\w*|\[[^\[\]{}\s]*\])*)?"
                       r"(?P<conv>![rsa])?(?P<spec>:[^{}\n]*)?\}(?!\})")
ICU_HEAD = lazy(r"\{\s*(?P<name>[A-Za-z_][\w.]*)\s*,\s*(?P<type>plural|selectordinal|select|choice"
                         r"|number|date|time|spellout|ordinal|duration)\b")
TEMPLATE = lazy(r"\{\{\{?\s*[^{}\s][^{}]*?\s*\}\}\}?|\$\{\s*[^{}\s][^{}]*?\s*\}")
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
ENTITY = lazy(r"&(?P<name>[A-Za-z_][\w.-]*);")

# Every kind above holds one of these; most sentences have none, and are answered at once.
PLACEHOLDER_CHAR = lazy(r"[{%#@$&]")


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


def protected_spans(text: str) -> list[tuple[tuple[int, int], str]]:
    """((start, end), text) of each placeholder of ``text`` that no text rule may touch, in
    order. Each character belongs to one at most (the more specific kind wins); ICU's
    ``{count, plural, …}`` is left out, since its bodies are prose, and so are Laravel's
    ``:name`` (as often prose) and tags (MT303 reports markup).

    >>> protected_spans("Envoyé par %s le %d")
    [((11, 13), '%s'), ((17, 19), '%d')]
    >>> protected_spans("Save 20%s on $5 items, 100% sure, #MeToo, US$ or a$b")
    []
    >>> [t for _, t in protected_spans("im april$name$ und bis@date@")]
    ['$name$', '@date@']
    """
    if not PLACEHOLDER_CHAR.search(text):
        return []
    chars = list(text)
    found: list[tuple[tuple[int, int], str]] = []
    for pattern, keep in _PROTECTED_KINDS:
        for m in pattern.finditer("".join(chars)):
            if keep is not None and not keep(m):
                continue
            if keep is not None:
                found.append((m.span(), text[m.start():m.end()]))
            chars[m.start():m.end()] = "\0" * (m.end() - m.start())
    return sorted(found)


_PROTECTED_KINDS = (
    # (pattern, which matches to keep; None: masked but not kept, so that `%%d` is no `%d`)
    (TEMPLATE, lambda m: True),
    (PERCENT_LITERAL, None),
    (PRINTF_NAMED, lambda m: True),
    (PERCENT_NAME, lambda m: True),
    (PRINTF, lambda m: True),
    (QT_ARG, lambda m: True),
    (FORMAT, lambda m: True),
    (DOLLAR, lambda m: True),
    (AT_NAME, lambda m: True),
    (TOKEN, lambda m: is_token(m["name"])),
    (ENTITY, lambda m: is_entity(m["name"])),
)
