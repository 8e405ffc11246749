"""Apple ``.stringsdict`` files (plurals): ``de.lproj/Localizable.stringsdict``.

A property list (XML) whose keys are the localized strings. For each key:

- its ``NSStringLocalizedFormatKey`` (``%#@files@ selected``) → the record ``key``
- for each variable it names, a dict whose ``NSStringFormatSpecTypeKey`` is
  ``NSStringPluralRuleType``: its ``zero``/``one``/``two``/``few``/``many``/``other`` strings →
  ``key.files[one]``..., the forms of the plural ``key.files``. The strings of another rule type
  (``NSStringVariableWidthRuleType``'s widths, ``NSStringDeviceSpecificRuleType``'s devices) are
  records too (``key.files[20]``), but no plural forms.

``NSStringFormatSpecTypeKey`` and ``NSStringFormatValueTypeKey`` are not text. A ``<string>``'s
text is XML text (entities, CDATA); a fix writes ``&``, ``<`` and ``>`` as entities.

    >>> r = read('''<plist><dict><key>n</key><dict>
    ... <key>NSStringLocalizedFormatKey</key><string>%#@files@</string>
    ... <key>files</key><dict><key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string>
    ... <key>NSStringFormatValueTypeKey</key><string>d</string>
    ... <key>one</key><string>%d Datei</string><key>other</key><string>%d Dateien</string></dict>
    ... </dict></dict></plist>''', "de.lproj/Localizable.stringsdict")
    >>> [(e.key, e.target.text, e.line, e.plural) for e in r.entries]
    [('n', '%#@files@', 2, None), ('n.files[one]', '%d Datei', 5, ('n.files', 'one')), ('n.files[other]', '%d Dateien', 5, ('n.files', 'other'))]

The language and the source are found as for ``.strings`` files: the ``.lproj`` folder, then
``Base.lproj`` or the source language's folder.
"""

from __future__ import annotations

from mtcheck.languages.plurals import CATEGORIES
from mtcheck.io.resources import Entry, Resource, apple

KIND = "stringsdict"
LABEL = "Apple .stringsdict"
FORMAT_KEY = "NSStringLocalizedFormatKey"
SPEC_TYPE = "NSStringFormatSpecTypeKey"
VALUE_TYPE = "NSStringFormatValueTypeKey"
PLURAL_RULE = "NSStringPluralRuleType"
PLURAL_CATEGORIES = CATEGORIES  # CLDR's names

# Where the files are: as for .strings files.
language, is_resource, source_paths = apple.language, apple.is_resource, apple.source_paths


def read(text: str, name: str) -> Resource:
    from mtcheck.io.formats import _Content, _xml_escape
    from mtcheck.io.readers import InputError
    from mtcheck.io.resources.xml_values import parse

    doc = parse(text, name, LABEL)
    top = _elements(doc.root)
    if doc.root.tag != "plist" or len(top) != 1 or top[0].tag != "dict":
        raise InputError(f"{name}: line {doc.root.sourceline}: not a .stringsdict file "
                         f"(a <plist> holding one <dict>)")
    content = _Content(doc.text, doc.tokens, doc.elements, doc.of_token)

    def entry(key: str, element, plural=None) -> Entry:
        target = content.target(doc.lexed(element))
        at = doc.content_start(element)  # None for `<string/>`: nothing can be written there
        target.escape, target.end = (_xml_escape, at) if at is not None else ((lambda t: None), 0)
        return Entry(key, target, element.sourceline, plural)

    entries = []
    for key, rule in _pairs(top[0], name):
        if rule.tag != "dict":
            continue
        for field, value in _pairs(rule, name):
            if field == FORMAT_KEY and value.tag == "string":
                entries.append(entry(key, value))
            elif value.tag == "dict":
                variable = dict(_pairs(value, name))
                spec = variable.get(SPEC_TYPE)
                plural = spec is not None and (spec.text or "").strip() == PLURAL_RULE
                for form, string in variable.items():
                    if form in (SPEC_TYPE, VALUE_TYPE) or string.tag != "string":
                        continue
                    forms_of = f"{key}.{field}"
                    entries.append(entry(f"{forms_of}[{form}]", string,
                                         (forms_of, form) if plural and form in PLURAL_CATEGORIES else None))
    return Resource(entries)


def _elements(parent) -> list:
    return [child for child in parent if isinstance(child.tag, str)]  # no comments


def _pairs(dict_element, name: str) -> list[tuple[str, object]]:
    """The (key, value element) pairs of a plist ``<dict>``."""
    from mtcheck.io.readers import InputError

    children = _elements(dict_element)
    pairs = []
    for i in range(0, len(children), 2):
        key = children[i]
        if key.tag != "key" or i + 1 >= len(children):
            found = f"<{key.tag}>" if key.tag != "key" else "a <key> without a value"
            raise InputError(f"{name}: line {key.sourceline}: not a valid property list: "
                             f"a <dict> holds <key> and value pairs, found {found}")
        pairs.append(((key.text or ""), children[i + 1]))
    return pairs
