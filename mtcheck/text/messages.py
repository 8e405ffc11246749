"""Message syntax: ICU MessageFormat and Fluent placeables, parsed into what a check compares.

A resource file's value is often a small program: ICU's ``{count, plural, one {# file} other
{# files}}`` (Java, ICU4C, formatjs, i18next's ICU plug-in, ARB) or Fluent's ``{ $count ->
[one] … *[other] … }``. ``parse_icu`` and ``parse_fluent`` read one value and return a
``Message``: its arguments (name, type, where), its choices (plural, selectordinal and select
arguments, with their variants' keys), which characters are syntax and which are translatable
text, and the errors with their offsets. ``parse`` picks the syntax from the text; it returns
None for a text with neither syntax (plain prose, ``{like this}``, or lone ``{name}``
placeholders, which mtcheck.text.placeholders compares).

    >>> m = parse_icu("{count, plural, one {# file} other {# files}} in {dir}")
    >>> [(a.name, a.type, a.depth) for a in m.arguments]
    [('count', 'plural', 0), ('dir', None, 0)]
    >>> [(v.key, m.text[v.body_start:v.body_end]) for v in m.choices[0].variants]
    [('one', '# file'), ('other', '# files')]
    >>> [m.text[s:e] for s, e in m.text_spans]
    [' file', ' files', ' in ']
    >>> m.errors
    []

Errors: a brace never closed or closed twice, a plural or select without ``other``, a key that
is no plural category (``uno``), a key without its message, a Fluent select without its
``*`` default.

    >>> [(e.message, e.start) for e in parse_icu("{n, plural, uno {# file} other {# files}").errors]
    [('`{` of `n` is never closed', 0), ('`uno` is no plural category (zero, one, two, few, many, other, or =N)', 12)]
    >>> [e.message for e in parse_fluent("{ $n -> [one] one file [other] # files }").errors]
    ['the select on `$n` has no default variant (`*[other]`)']

ICU's apostrophe (its default mode, DOUBLE_OPTIONAL): ``''`` is an apostrophe; an apostrophe
before ``{``, ``}`` (or ``#`` in a plural body) starts quoted text, up to the next lone
apostrophe; any other apostrophe is itself. A French ``l'{count}`` thus quotes the argument
away: ``quoted`` lists such quoted spans, for a check to weigh.

    >>> m = parse_icu("It''s '{'literal'}' and l'{n}")
    >>> [a.name for a in m.arguments], [m.text[s:e] for s, e in m.quoted]
    ([], ['{', '}', '{n}'])
"""

from __future__ import annotations

from collections import namedtuple

from mtcheck.text.patterns import lazy

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
CHOICE_TYPES = ("plural", "selectordinal", "select")
# Where a parse gives up: arguments nested deeper than any message nests them (the parser
# recurses), and a text so broken that its errors say nothing more (each costs a scan).
MAX_DEPTH = 12
MAX_ERRORS = 8
# ICU's argument types (and ICU4J's rule-based ones); a `{n, plurale, …}` is none of them.
ICU_TYPES = frozenset({"number", "date", "time", "spellout", "ordinal", "duration", "choice", *CHOICE_TYPES})
# ICU structure: an argument with a type (`{count, plural,`; Java's `{0,number,integer}`), which
# prose in braces never has.
ICU_STRUCTURE = lazy(r"\{\s*(?:\d+|[^\W\d][\w.]*)\s*,\s*(?:plural|selectordinal|select|choice|number|date|time)\s*[,}]")
# Fluent: a placeable of a variable or a term (`{ $name }`, `{ -brand }`), or a selector.
FLUENT_STRUCTURE = lazy(r"\{\s*(?:\$|-)[A-Za-z]|->\s*\n?\s*\*?\[")
_ICU_NAME = lazy(r"\d+|[^\W\d][\w.]*")
_ICU_KEY = lazy(r"=\s*-?\d+(?:\.\d+)?|[^\s{}=#]+")
_FLUENT_ID = lazy(r"[A-Za-z][\w-]*")
# An inline tag of the file the message sits in (XLIFF's `<x id="INTERPOLATION" equiv-text="{{n}}"/>`
# in Angular's messages): markup, whose attributes' braces are not the message's.
_TAG = lazy(r"""</?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*/?>""")
_FLUENT_KEY = lazy(r"\s*(?:-?\d+(?:\.\d+)?|[A-Za-z][\w-]*)\s*")
_FLUENT_VARIANT = lazy(r"\n[ \t]*\*?\[|(?<=->)[ \t]*\*?\[|(?<=->)\s*\n")


# Plain named tuples: the lint path imports this module, and a dataclass costs a millisecond.
class Argument(namedtuple("Argument", "name type start end depth", defaults=(0,))):
    """An argument of a message: ``{name}``, ``{n, number}``, ``{n, plural, …}`` (ICU: ``type``
    None for a simple one) or Fluent's ``{ $name }`` (``variable``), ``{ -brand }`` (``term``,
    name with its ``-``), ``{ other-message }`` (``message``). ``start``/``end`` spans its head,
    from its brace to its type (``{count, plural``) or the whole of a simple one (Fluent: the
    reference, ``$name``; a select's, ``{ $n ->``). ``depth``: how many variant bodies hold it
    (0: the message's top level)."""

    __slots__ = ()


class Variant(namedtuple("Variant", "key start end body_start body_end default", defaults=(False,))):
    """One variant of a choice: its key (``one``, ``=0``, ``male``; Fluent's without brackets),
    the key's span, and its body's (inside the braces, or Fluent's pattern after the key, its
    blanks left out); ``default``: Fluent's ``*[other]``."""

    __slots__ = ()


class Choice(namedtuple("Choice", "argument variants end")):
    """A plural, selectordinal or select argument (ICU), or a Fluent select expression (type
    ``plural`` when every key is a plural category or a number, else ``select``); ``end`` is
    after its closing brace."""

    __slots__ = ()

    @property
    def keys(self) -> list[str]:
        return [v.key for v in self.variants]

    @property
    def type(self) -> str:
        return self.argument.type or "select"


class MessageError(namedtuple("MessageError", "message start end")):
    """What breaks a message, and where (``text[start:end]``)."""

    __slots__ = ()


class Message:
    """A parsed message (see the module). Offsets are into ``text``."""

    def __init__(self, text: str, syntax: str) -> None:
        self.text = text
        self.syntax = syntax  # "icu" or "fluent"
        self.arguments: list[Argument] = []  # every one, nested ones too, in order
        self.choices: list[Choice] = []  # in the order of their heads
        self.errors: list[MessageError] = []
        self.quoted: list[tuple[int, int]] = []  # ICU's quoted literal text
        self._syntax = [False] * len(text)  # per character: syntax?

    def __repr__(self) -> str:
        return f"Message({self.text!r}, {self.syntax!r}, errors={self.errors!r})"

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def syntax_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each run of syntax: braces, argument heads, keys, ``#``."""
        return _runs(self._syntax, True)

    @property
    def text_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each run of translatable text, at any depth."""
        return _runs(self._syntax, False)

    def names(self, depth: int = 0) -> list[str]:
        """The names of the arguments at ``depth`` or deeper, in order (a name as often as used)."""
        return [a.name for a in self.arguments if a.depth >= depth]


def _runs(flags: list[bool], value: bool) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, flag in enumerate([*flags, not value]):
        if flag == value and start is None:
            start = i
        elif flag != value and start is not None:
            runs.append((start, i))
            start = None
    return runs


def detect_syntax(text: str) -> str | None:
    """``icu``, ``fluent``, or None for a text with neither structure (see ``parse``).

    >>> detect_syntax("{n, plural, other {#}}"), detect_syntax("Hi { $name }"), detect_syntax("Hi {name} {like this}")
    ('icu', 'fluent', None)
    >>> detect_syntax("{0,number,integer} files in {1}"), detect_syntax("Sets {1, 2} and {a, b}")
    ('icu', None)
    """
    if "{" not in text:
        return None
    if FLUENT_STRUCTURE.search(text):
        return "fluent"
    if ICU_STRUCTURE.search(text):
        return "icu"
    return None


def parse(text: str, syntax: str | None = None) -> Message | None:
    """The message of ``text`` in ``syntax`` (``icu`` or ``fluent``; by default the one the text
    has, see ``detect_syntax``), or None for a text with no message structure.

    >>> parse("{like this}") is None, parse("{like this}", "icu").ok
    (True, False)
    """
    syntax = syntax or detect_syntax(text)
    if syntax == "icu":
        return parse_icu(text)
    if syntax == "fluent":
        return parse_fluent(text)
    return None


# -- ICU MessageFormat --------------------------------------------------------------------------
class _IcuParser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.m = Message(text, "icu")

    def syntax(self, start: int, end: int) -> None:
        for i in range(start, min(end, len(self.text))):
            self.m._syntax[i] = True

    def error(self, message: str, start: int, end: int | None = None) -> None:
        if len(self.m.errors) < MAX_ERRORS:
            self.m.errors.append(MessageError(message, start, end if end is not None else start + 1))

    def space(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return pos

    def message(self, pos: int, depth: int, plural: bool) -> int:
        """Read message text from ``pos`` up to the `}` that ends a body (``depth`` > 0), or the
        end of the text; return the position of that `}` (or the text's length)."""
        text = self.text
        while pos < len(text):
            c = text[pos]
            if c == "'":
                pos = self.apostrophe(pos, plural)
            elif c == "{":
                pos = self.argument(pos, depth)
            elif c == "}":
                if depth:
                    return pos
                self.error("`}` closes no `{`", pos)
                self.syntax(pos, pos + 1)
                pos += 1
            elif c == "#" and plural:
                self.syntax(pos, pos + 1)
                pos += 1
            elif c == "<" and (tag := _TAG.match(text, pos)):
                pos = tag.end()
            else:
                pos += 1
        return pos

    def apostrophe(self, pos: int, plural: bool) -> int:
        text = self.text
        nxt = text[pos + 1] if pos + 1 < len(text) else ""
        if nxt == "'":
            return pos + 2  # `''`: an apostrophe
        if not nxt or nxt not in "{}" and not (nxt == "#" and plural):
            return pos + 1  # an apostrophe of the text (`l'eau`)
        # Quoted literal text, up to the next lone apostrophe (`''` inside is one apostrophe).
        self.syntax(pos, pos + 1)
        i = pos + 1
        while i < len(text):
            if text[i] == "'":
                if text[i + 1:i + 2] == "'":
                    i += 2
                    continue
                self.m.quoted.append((pos + 1, i))
                self.syntax(i, i + 1)
                return i + 1
            i += 1
        self.m.quoted.append((pos + 1, len(text)))
        return len(text)

    def argument(self, start: int, depth: int) -> int:
        """Read the argument opening at ``start``; return the position after it."""
        text = self.text
        if depth > MAX_DEPTH or len(self.m.errors) >= MAX_ERRORS:
            return self.give_up(start)
        pos = self.space(start + 1)
        name = _ICU_NAME.match(text, pos)
        if name is None:
            self.error("an argument needs a name: `{name}`", start)
            return self.skip(start, depth)
        pos = self.space(name.end())
        if pos < len(text) and text[pos] == "}":
            self.syntax(start, pos + 1)
            self.m.arguments.append(Argument(name.group(), None, start, pos + 1, depth))
            return pos + 1
        if pos >= len(text) or text[pos] != ",":
            self.error(f"`{{{name.group()}` is followed by neither `,` nor `}}`", start, pos)
            return self.skip(start, depth)
        pos = self.space(pos + 1)
        kind = _ICU_NAME.match(text, pos)
        if kind is None:
            self.error(f"`{{{name.group()},` needs a type (`plural`, `select`, `number`…)", start, pos)
            return self.skip(start, depth)
        type_ = kind.group()
        argument = Argument(name.group(), type_, start, kind.end(), depth)
        self.m.arguments.append(argument)
        if type_ not in ICU_TYPES:
            self.error(f"`{type_}` is no argument type", kind.start(), kind.end())
        pos = self.space(kind.end())
        self.syntax(start, pos)
        if pos < len(text) and text[pos] == "}":
            self.syntax(pos, pos + 1)
            return pos + 1
        if pos >= len(text) or text[pos] != ",":
            self.error(f"`{{{name.group()}, {type_}` is followed by neither `,` nor `}}`", start, pos)
            return self.skip(start, depth)
        if type_ in CHOICE_TYPES:
            return self.choice(argument, pos + 1, depth)
        return self.style(start, pos, depth)

    def give_up(self, start: int) -> int:
        """Stop reading: the rest of the text is left unread, as one error."""
        self.error("arguments nested too deep to read", start)
        return len(self.text)

    def style(self, start: int, pos: int, depth: int) -> int:
        """A number or date style, a choice's style: syntax up to the argument's closing brace."""
        end = self.skip(start, depth, report=True)
        self.syntax(pos, end)
        return end

    def skip(self, start: int, depth: int, report: bool = False) -> int:
        """After an argument that cannot be read: past its balanced closing brace."""
        level, i = 0, start
        while i < len(self.text):
            c = self.text[i]
            if c == "{":
                level += 1
            elif c == "}":
                level -= 1
                if level == 0:
                    return i + 1
            i += 1
        if report or not self.m.errors or self.m.errors[-1].start != start:
            self.error(f"`{{` of `{self.text[start:start + 12].split(',')[0].lstrip('{').strip()}` is never closed", start)
        return len(self.text)

    def choice(self, argument: Argument, pos: int, depth: int) -> int:
        text, type_ = self.text, argument.type
        variants: list[Variant] = []
        errors, index = len(self.m.errors), len(self.m.choices)  # choices listed in order of their heads
        self.syntax(pos - 1, self.space(pos))  # the comma and the space after it
        pos = self.space(pos)
        if type_ == "plural" and text.startswith("offset:", pos):
            digits = self.space(pos + 7)
            end = digits
            while end < len(text) and text[end].isdigit():
                end += 1
            if end == digits:
                self.error("`offset:` needs a number", pos, digits)
            self.syntax(pos, end)
            pos = end
        while True:
            self.syntax(pos, self.space(pos))
            pos = self.space(pos)
            if pos >= len(text):
                self.error(f"`{{` of `{argument.name}` is never closed", argument.start)
                break
            if text[pos] == "}":
                self.syntax(pos, pos + 1)
                pos += 1
                break
            key = _ICU_KEY.match(text, pos)
            if key is None:  # a `{` or `#` where a key should be
                self.error(f"a key is expected in `{argument.name}`'s {type_}", pos)
                pos = self.skip(argument.start, depth)
                break
            name = "".join(key.group().split())
            self.check_key(name, type_, key.start(), key.end(), variants)
            body = self.space(key.end())
            self.syntax(key.start(), body)
            if body >= len(text) or text[body] != "{":
                self.error(f"`{name}` needs its message in braces: `{name} {{…}}`", key.start(), key.end())
                pos = self.skip(argument.start, depth)
                break
            self.syntax(body, body + 1)
            end = self.message(body + 1, depth + 1, plural=type_ != "select")
            variants.append(Variant(name, key.start(), key.end(), body + 1, end))
            if end >= len(text):
                self.error(f"`{{` of `{name}` is never closed", body)
                pos = end
                break
            self.syntax(end, end + 1)
            pos = end + 1
        if variants and "other" not in (v.key for v in variants) and len(self.m.errors) == errors:
            self.error(f"`{argument.name}`'s {type_} has no `other` variant", argument.start, argument.end)
        self.m.choices.insert(index, Choice(argument, tuple(variants), pos))
        return pos

    def check_key(self, key: str, type_: str, start: int, end: int, variants: list[Variant]) -> None:
        if any(v.key == key for v in variants):
            self.error(f"`{key}` is a key twice", start, end)
        elif type_ != "select" and key not in PLURAL_CATEGORIES and not key.startswith("="):
            self.error(f"`{key}` is no plural category (zero, one, two, few, many, other, or =N)", start, end)
        elif type_ == "select" and not key.replace("-", "_").isidentifier():
            self.error(f"`{key}` is no select key (a word, such as `male` or `other`)", start, end)


def parse_icu(text: str) -> Message:
    """``text`` read as an ICU MessageFormat pattern (see the module).

    >>> m = parse_icu("{g, select, male {He} female {She} other {They}} has {n, plural, offset:1 =0 {none} other {# {unit}}}")
    >>> [(c.argument.name, c.keys) for c in m.choices]
    [('g', ['male', 'female', 'other']), ('n', ['=0', 'other'])]
    >>> [(a.name, a.depth) for a in m.arguments]
    [('g', 0), ('n', 0), ('unit', 1)]
    >>> [e.message for e in parse_icu("{n, plural, one {# file}}").errors]
    ["`n`'s plural has no `other` variant"]
    >>> [e.message for e in parse_icu("{n, plural, one {# file} other {# files}}}").errors]
    ['`}` closes no `{`']
    >>> parse_icu('{n, plural, =1 {a minute} other {<x id="INTERPOLATION" equiv-text="{{n}}"/> minutes}}').ok
    True
    """
    parser = _IcuParser(text)
    parser.message(0, 0, plural=False)
    parser.m.errors.sort(key=lambda e: e.start)
    return parser.m


# -- Fluent ---------------------------------------------------------------------------------------
class _FluentParser(_IcuParser):
    """A Fluent pattern (a message's value): text with ``{ … }`` placeables."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.m.syntax = "fluent"

    def pattern(self, pos: int, depth: int, variant_end: bool) -> int:
        """Text up to the `}` that closes the enclosing placeable (depth > 0), the start of the
        next variant (``variant_end``), or the end."""
        text = self.text
        while pos < len(text):
            c = text[pos]
            if c == "{":
                pos = self.placeable(pos, depth)
            elif c == "}":
                if depth:
                    return pos
                self.error("`}` closes no `{`", pos)
                self.syntax(pos, pos + 1)
                pos += 1
            elif variant_end and c == "\n" and _FLUENT_VARIANT.match(text, pos):
                return pos
            else:
                pos += 1
        return pos

    def placeable(self, start: int, depth: int) -> int:
        text = self.text
        if depth > MAX_DEPTH or len(self.m.errors) >= MAX_ERRORS:
            return self.give_up(start)
        pos = self.space(start + 1)
        selector: Argument | None = None
        # The inline expression: up to `->`, or the closing brace.
        while pos < len(text) and text[pos] != "}" and not text.startswith("->", pos):
            c = text[pos]
            if c == '"':
                end = pos + 1
                while end < len(text) and text[end] not in '"\n':
                    end += 2 if text[end] == "\\" else 1
                pos = end + 1
                continue
            if c == "{":
                pos = self.placeable(pos, depth + 1)
                continue
            ref = _FLUENT_ID.match(text, pos + (c in "$-"))
            if ref is not None and (c in "$-" or not text[pos - 1:pos].isalnum()):
                name, end = text[pos:ref.end()], ref.end()
                if text.startswith(".", end) and _FLUENT_ID.match(text, end + 1):  # an attribute
                    end = _FLUENT_ID.match(text, end + 1).end()
                after = self.space(end)
                if c not in "$" and text.startswith("(", after) and name.isupper():
                    pos = after + 1  # a function: NUMBER( … ), its arguments read on
                    continue
                if c not in "$" and text.startswith(":", after):
                    pos = after + 1  # a named argument's name: `minimumFractionDigits: 2`
                    continue
                kind = "variable" if c == "$" else "term" if c == "-" else "message"
                argument = Argument(name.lstrip("$"), kind, pos, end, depth)
                self.m.arguments.append(argument)
                selector = selector or argument
                pos = end
                continue
            pos += 1
        self.syntax(start, pos)
        if pos >= len(text):
            self.error("`{` is never closed", start)
            return pos
        if text[pos] == "}":
            self.syntax(pos, pos + 1)
            return pos + 1
        return self.select(start, selector, pos + 2, depth)

    def select(self, start: int, selector: Argument | None, pos: int, depth: int) -> int:
        text, head_end = self.text, pos
        index = len(self.m.choices)
        self.syntax(pos - 2, pos)  # `->`
        variants: list[Variant] = []
        defaults = []
        while True:
            head = self.space(pos)
            if head >= len(text):
                self.error("`{` is never closed", start)
                pos = head
                break
            if text[head] == "}":
                self.syntax(pos, head + 1)
                pos = head + 1
                break
            default = text[head] == "*"
            bracket = head + default
            key = _FLUENT_KEY.match(text, bracket + 1) if text.startswith("[", bracket) else None
            if key is None or not text.startswith("]", key.end()):
                self.error("a variant is expected: `[key] text` or `*[other] text`", head)
                pos = self.skip(start, depth)
                break
            name = key.group().strip()
            if any(v.key == name for v in variants):
                self.error(f"`[{name}]` is a key twice", bracket, key.end() + 1)
            # Fluent drops the blanks around a variant's text: they are layout, not text.
            body = self.space(key.end() + 1)
            self.syntax(pos, body)
            end = self.pattern(body, depth + 1, variant_end=True)
            trimmed = len(text[:end].rstrip()) if end > body else end
            self.syntax(trimmed, end)
            variants.append(Variant(name, bracket, key.end() + 1, body, max(trimmed, body), default))
            if default:
                defaults.append(bracket)
            pos = end
        label = f"`${selector.name}`" if selector and selector.type == "variable" else "the selector"
        if variants and not defaults:
            self.error(f"the select on {label} has no default variant (`*[other]`)", start, head_end)
        for extra in defaults[1:]:
            self.error("a select has one default variant (`*`) only", extra)
        if not variants and pos < len(text) + 1:
            self.error(f"the select on {label} has no variants", start)
        plural = all(v.key in PLURAL_CATEGORIES or v.key.lstrip("-").replace(".", "").isdigit() for v in variants)
        argument = Argument(selector.name if selector else "", "plural" if plural else "select",
                            start, head_end, depth)
        self.m.choices.insert(index, Choice(argument, tuple(variants), pos))
        return pos


def parse_fluent(text: str) -> Message:
    """``text`` read as a Fluent pattern, the value of a message (see the module).

    >>> m = parse_fluent("{ $n ->\\n    [one] One file in { -brand }\\n   *[other] { $n } files\\n}")
    >>> [(c.argument.name, c.type, c.keys) for c in m.choices]
    [('n', 'plural', ['one', 'other'])]
    >>> [(a.name, a.type, a.depth) for a in m.arguments]
    [('n', 'variable', 0), ('-brand', 'term', 1), ('n', 'variable', 1)]
    >>> [m.text[s:e] for s, e in m.text_spans]
    ['One file in ', ' files']
    >>> parse_fluent('{ NUMBER($ratio, minimumFractionDigits: 2) } and {"{"}').arguments[0].name
    'ratio'
    """
    parser = _FluentParser(text)
    parser.pattern(0, 0, variant_end=False)
    parser.m.errors.sort(key=lambda e: e.start)
    return parser.m
