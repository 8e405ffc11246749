"""XML read for resource files (Android ``strings.xml``, Apple ``.stringsdict``): parsed by lxml
with entities off, as formats.py reads XLIFF, and each element mapped to its place in the text.

    >>> doc = parse('<resources><string name="a">Hi &amp; bye</string></resources>', "x.xml")
    >>> [(e.tag, doc.span_of(e)) for e in doc.root.iter()]
    [('resources', (0, 61)), ('string', (11, 49))]
"""

from __future__ import annotations

from mtcheck.io.formats import INSTALL, _lex, safe_root
from mtcheck.io.readers import InputError


def lxml_etree(name: str, label: str):
    """lxml's etree, or the one-line error naming the extra that installs it."""
    try:
        from lxml import etree
    except ImportError:
        raise InputError(f"{name}: reading {label} files needs lxml: {INSTALL}") from None
    return etree


class XmlDocument:
    """A well-formed document: lxml's tree, and for each element its tokens in the text."""

    def __init__(self, text: str, root, tree: list, tokens, elements, of_token):
        self.text, self.root, self.tokens, self.elements, self.of_token = text, root, tokens, elements, of_token
        self._tree = tree  # every element (no comments), in document order
        self._index = {id(e): i for i, e in enumerate(self._tree)}  # the proxies stay alive in _tree

    def lexed(self, element):
        """The lexed element (its open and close token indexes) of an lxml element."""
        return self.elements[self._index[id(element)]]

    def tree_element(self, token: int):
        """The lxml element whose start tag is the token at this index."""
        return self._tree[self.of_token[token]]

    def span_of(self, element) -> tuple[int, int]:
        lexed = self.lexed(element)
        return self.tokens[lexed.open][1], self.tokens[lexed.close][2]

    def content_start(self, element) -> int | None:
        """Where text inserted into the element (an empty one) goes: after its start tag; None
        for ``<string/>``, which has no place for text without a rewrite of its tag."""
        lexed = self.lexed(element)
        return None if lexed.open == lexed.close else self.tokens[lexed.open][2]


def parse(text: str, name: str, label: str = "XML") -> XmlDocument:
    """The document, or a one-line InputError with its line (not well-formed, entities declared,
    another encoding than UTF-8 declared)."""
    etree = lxml_etree(name, label)
    root = safe_root(text, name, etree)
    tokens, elements, of_token = _lex(text, name)
    doc = XmlDocument(text, root, list(root.iter(etree.Element)), tokens, elements, of_token)
    if len(doc._tree) != len(elements) or any(
            etree.QName(a).localname != b.name for a, b in zip(doc._tree, elements)):
        raise InputError(f"{name}: cannot map the XML elements to the text")
    return doc
