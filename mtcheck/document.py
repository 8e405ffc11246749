"""The Document: text as the rules see it, and the way back from an offset to a place in a file.

A Document is one translated text in one target language: a whole ``.txt``/``.md`` file, or
the consecutive records of one ``doc_id`` in a JSONL/TSV file joined by newlines, so that rules
that look past one record (a quote opened in one sentence and closed in the next) see them
together. Each record is a ``Segment``; findings are mapped back to the record they fall in.

Protected spans (URLs, e-mail addresses, handles, hashtags, placeholders such as ``{name}`` and
``%s``; in Markdown also code, link targets, HTML and front matter) are never flagged by a rule
that does not compare with the source. ``masked`` is the text with every protected character
replaced by ``MASK``, so rules can match on it with the same offsets as ``text``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

import regex

from mtcheck.text.patterns import PLAIN_PROTECTED, lazy
from mtcheck.text.placeholders import message_syntax, protected_spans

MASK = "\ue000"  # a private-use character: not a letter, space or punctuation mark


_MD_FRONT_MATTER = r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)"
_MD_FENCE = r"(?ms)^[ \t]{0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}(?P=fence)[ \t]*$|\Z)"
_MD_INDENTED_CODE = r"(?m)(?:(?<=\A)|(?<=\n\n))(?:^(?: {4}|\t)[^\n]*(?:\n|\Z))+"
_MD_INLINE_CODE = r"(?P<tick>`+)(?!`).+?(?<!`)(?P=tick)(?!`)"
_MD_HTML_COMMENT = r"<!--.*?-->"
_MD_HTML_TAG = r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
_MD_AUTOLINK = r"<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>"
_MD_LINK_TARGET = r"(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"
_MD_LINK_DEFINITION = r"(?m)^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$"
_MD_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
MARKDOWN_PROTECTED = lazy(  # compiled for the first Markdown file only
    "|".join(f"(?:{p})" for p in (
        _MD_FRONT_MATTER, _MD_FENCE, _MD_INDENTED_CODE, _MD_INLINE_CODE, _MD_HTML_COMMENT,
        _MD_HTML_TAG, _MD_AUTOLINK, _MD_LINK_TARGET, _MD_LINK_DEFINITION, _MD_ENTITY,
    )),
    regex.DOTALL,
)

# HTML: what is not text. The head but its title, scripts, style sheets, code, comments, tags
# (their attributes with them) and character references (`&amp;` is HTML, not residue).
_HTML_HEAD = r"<head\b[^>]*>(?:(?!<title\b).)*?(?:<title\b[^>]*>|</head\s*>)"
_HTML_HEAD_REST = r"</title\s*>(?:(?!</head\b|<body\b).)*?</head\s*>"
_HTML_RAW = r"<(script|style|pre|code|textarea|svg|math|template)\b[^>]*>.*?</\1\s*>"
# Comments, CDATA, the doctype, processing instructions and PHP; template tags of the
# HTML a site generator fills in (Jinja, Liquid, Django, Hugo: `{% if %}`, `{# note #}`).
_HTML_MARKUP = r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?\]\]>|<![A-Za-z][^>]*>|<\?.*?\?>|\{%.*?%\}|\{#.*?#\}"
_HTML_TAG = r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>"
HTML_PROTECTED = lazy(  # compiled for the first HTML file only
    "|".join(f"(?:{p})" for p in (_HTML_HEAD, _HTML_HEAD_REST, _HTML_RAW, _HTML_MARKUP, _HTML_TAG, _MD_ENTITY)),
    regex.DOTALL | regex.IGNORECASE,
)
# Tags of elements that end a line of text where they stand: the rules see a line break there
# (in ``masked``), so that `<p>One.</p><p>Two</p>` is two sentences and `<li>a</li><li>b</li>`
# two items, not one run of words.
HTML_BLOCK = lazy(r"</?(?:address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|fieldset"
                  r"|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary"
                  r"|table|tbody|td|tfoot|th|thead|title|tr|ul|body|html|head)\b[^>]*>", regex.IGNORECASE)

_PARAGRAPH_BREAK = regex.compile(r"\n[ \t\r]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text``: text between blank lines, without the white
    space at the end of the text.

    >>> paragraph_spans("One.\\n\\nTwo.\\n")
    [(0, 4), (6, 10)]
    """
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    end = len(text.rstrip())  # the white space that ends a file belongs to no paragraph
    if pos < end:
        spans.append((pos, end))
    return spans


@dataclass
class Segment:
    """One record of a JSONL/TSV file inside a Document (or the whole text of a plain file)."""

    start: int  # offset of the record's translation inside Document.text
    end: int
    record: str | None = None  # the record id
    line: int = 1  # line of the record in its file (plain files: 1)
    source: str | None = None  # the record's source text, when known
    # A key of the source that the translation file lacks (a record with no text): why it is
    # expected ("the source has this key"); MT607 reports it.
    missing: str | None = None


def _tag_and_code(code: str) -> tuple[str, str]:
    """(normalized tag, data code) of a language code; a malformed code as written (the rules
    then say why).

    >>> _tag_and_code("pt_PT"), _tag_and_code("en"), _tag_and_code("english!")
    (('pt-PT', 'pt'), ('en', 'en'), ('english!', 'english!'))
    """
    from mtcheck.languages.codes import InvalidLanguageCode, canonical, normalize

    try:
        return normalize(code), canonical(code)
    except InvalidLanguageCode:
        return code, code


@dataclass
class Document:
    """One text in one language. ``lang`` is given as users write it; the Document keeps its
    tag (``tag``: ``pt-PT``, whose conventions the rules check) and its data code (``lang``:
    ``pt``, what lexicons, language pairs and rule selection are looked up by).

    >>> doc = Document("Olá.", "pt_PT")
    >>> doc.lang, doc.tag
    ('pt', 'pt-PT')
    """

    text: str
    lang: str
    path: str | None = None
    markdown: bool = False
    source: str | None = None
    source_lang: str | None = None
    segments: list[Segment] = field(default_factory=list)
    tag: str = ""
    html: bool = False  # an HTML file: markup protected, block-level tags line breaks to the rules

    def __post_init__(self) -> None:
        self.tag, self.lang = _tag_and_code(self.tag or self.lang)
        if not self.segments:
            self.segments = [Segment(0, len(self.text))]
        self._segment_starts = [s.start for s in self.segments]

    @classmethod
    def from_records(cls, texts: list[str], records: list[str | None], lines: list[int], lang: str,
                     path: str | None = None, sources: list[str | None] | None = None,
                     source_lang: str | None = None, missing: list[str | None] | None = None) -> Document:
        """Join the translations of one document's records with newlines."""
        segments, parts, offset = [], [], 0
        sources = sources or [None] * len(texts)
        missing = missing or [None] * len(texts)
        for text, record, line, source, note in zip(texts, records, lines, sources, missing):
            segments.append(Segment(offset, offset + len(text), record, line, source, note))
            parts.append(text)
            offset += len(text) + 1
        joined_source = "\n".join(s or "" for s in sources) if any(sources) else None
        return cls("\n".join(parts), lang, path=path, source=joined_source, source_lang=source_lang,
                   segments=segments)

    def with_texts(self, texts: list[str]) -> Document:
        """The same records (ids, lines, sources, missing keys, languages) with new texts: the
        document of the next pass of ``fix``.

        >>> doc = Document.from_records(["a  b", "c"], ["1", "2"], [1, 2], "pt-PT", sources=["x", None])
        >>> new = doc.with_texts(["a b", "c"]); new.text, new.tag, [s.source for s in new.segments]
        ('a b\\nc', 'pt-PT', ['x', None])
        """
        segments = self.segments
        return Document.from_records(texts, [s.record for s in segments], [s.line for s in segments], self.tag,
                                     path=self.path, sources=[s.source for s in segments],
                                     source_lang=self.source_lang, missing=[s.missing for s in segments])

    # -- protected spans -------------------------------------------------------------------
    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """Sorted, non-overlapping spans that rules must never flag."""
        spans = [m.span() for pattern in PLAIN_PROTECTED for m in pattern.finditer(self.text)]
        spans += [span for span, _ in protected_spans(self.text, messages=False)]  # a fix inside `{name}` breaks a program
        if "{" in self.text:  # an ICU or Fluent message's syntax, record by record
            spans += [(seg.start + s, seg.start + e) for seg in self.segments
                      for s, e in message_syntax(self.text[seg.start:seg.end])]
        if self.markdown:
            spans += [m.span() for m in MARKDOWN_PROTECTED.finditer(self.text)]
        if self.html:
            spans += [m.span() for m in HTML_PROTECTED.finditer(self.text)]
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def is_protected(self, start: int, end: int) -> bool:
        """True when [start, end) touches a protected span (an empty span: contains it)."""
        spans = self.protected
        i = bisect.bisect_right(spans, (start, float("inf"))) - 1
        for s, e in spans[max(i, 0): i + 2]:
            if s < max(end, start + 1) and start < e:
                return True
        return False

    def unprotected_core(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) without the protected spans and white space at its edges: a sentence
        that opens with an @handle or ends with a URL is judged on the words between.

        >>> doc = Document("@anna See you at www.example.com", "en")
        >>> s, e = doc.unprotected_core(0, len(doc.text)); doc.text[s:e]
        'See you at'
        """
        spans = self.protected
        while True:
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            i = bisect.bisect_right(spans, (start, float("inf"))) - 1
            lead = next((e for s, e in spans[max(i, 0): i + 2] if s <= start < e), None)
            j = bisect.bisect_right(spans, (end - 1, float("inf"))) - 1
            trail = next((s for s, e in spans[max(j, 0): j + 2] if s < end <= e), None)
            if lead is None and trail is None:
                return start, end
            start, end = (lead if lead is not None else start), (trail if trail is not None else end)
            if start >= end:
                return start, start

    @cached_property
    def masked(self) -> str:
        """``text`` with protected characters replaced by MASK (same length, same offsets)."""
        if not self.protected:
            return self.text
        chars = list(self.text)
        for start, end in self.protected:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = MASK
        if self.html:
            for m in HTML_BLOCK.finditer(self.text):
                if chars[m.start()] == MASK:  # a tag, not text that looks like one inside a comment
                    chars[m.start()] = "\n"
        return "".join(chars)

    def writes_text_only(self, edits) -> bool:
        """Do edits change text characters only: no protected character replaced, nothing
        inserted inside a protected span, and (HTML) no ``<`` or ``&`` written, which the
        browser would read as markup?

        >>> from mtcheck.finding import Edit
        >>> doc = Document("<p>Hi  there</p>", "en", html=True)
        >>> doc.writes_text_only([Edit(5, 7, " ")]), doc.writes_text_only([Edit(0, 4, "")]), doc.writes_text_only([Edit(5, 5, "&")])
        (True, False, False)
        """
        spans = self.protected
        ends = [end for _, end in spans]
        for e in edits:
            if self.html and ("<" in e.replacement or "&" in e.replacement):
                return False
            i = bisect.bisect_right(ends, e.start)  # the first span that ends after the edit's start
            if i < len(spans) and spans[i][0] < max(e.end, e.start + 1) and (e.start < e.end or spans[i][0] < e.start):
                return False
        return True

    # -- the source ------------------------------------------------------------------------
    @cached_property
    def units(self) -> list:
        """Source-aware units (``mtcheck.text.align.Bead``): each record with its source, or for a
        text with a source its paragraphs when they pair one to one, else its sentence beads."""
        from mtcheck.text.align import align_units

        return align_units(self)

    @cached_property
    def _unit_starts(self) -> list[int]:
        return [bead.start for bead in self.units]

    def source_at(self, offset: int) -> str | None:
        """The source of the unit (``units``) that holds ``offset``: its record's source, or
        for a text with a source the paragraph or sentences it translates; None without one.

        >>> Document("One. Two.\\n\\nThree.", "en", source="Uno. Dos.\\n\\nTres.").source_at(12)
        'Tres.'
        """
        if not self.source:
            return None
        i = bisect.bisect_right(self._unit_starts, offset) - 1
        while i >= 0 and self.units[i].start == self.units[i].end:
            i -= 1  # a source sentence with no counterpart (an omission) holds no offset
        if i < 0 or offset > self.units[i].end:
            return None
        return self.units[i].source_text or None

    @cached_property
    def sentence_beads(self) -> list:
        """Source sentences aligned to spans of ``text`` (``mtcheck.text.align.Bead``), within each unit."""
        from mtcheck.text.align import align_sentence_beads

        return align_sentence_beads(self)

    # -- views -----------------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph: text between blank lines."""
        return paragraph_spans(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        i = self.text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = self.text.find("\n", i + 1)
        return starts

    @property
    def has_records(self) -> bool:
        """Is this document a run of records (JSONL/TSV lines, units of a translation file),
        each judged as a segment of its own, rather than running text? A lone record that holds
        paragraph breaks is an article (the shape of most datasets of translated news): its
        paragraphs are judged as a text file's are, so document-level rules run inside it.

        >>> Document.from_records(["One.", "Two."], ["a", "b"], [1, 2], "en").has_records
        True
        >>> Document.from_records(["Title\\n\\nFirst paragraph."], ["a"], [1], "en").has_records
        False
        """
        return self.segments[0].record is not None and not self.is_article

    @cached_property
    def is_article(self) -> bool:
        """A document of one record whose translation has paragraphs (see ``has_records``)."""
        return (len(self.segments) == 1 and self.segments[0].record is not None
                and len(self.paragraphs) > 1)

    def segment_at(self, offset: int) -> Segment:
        return self.segments[max(bisect.bisect_right(self._segment_starts, offset) - 1, 0)]

    def locate(self, start: int, end: int) -> tuple[Segment, int, int, int, int] | None:
        """Map a span of ``text`` to (segment, local start, local end, line, column).

        Offsets become local to the record; line and column are 1-based, the column counted in
        characters. For records, ``line`` is the record's line in its file and the column counts
        inside its translation. None when the span crosses a record boundary.
        """
        seg = self.segment_at(start)
        if end > seg.end:
            return None
        if seg.record is None and len(self.segments) == 1:
            line = bisect.bisect_right(self._line_starts, start)
            column = start - self._line_starts[line - 1] + 1
            return seg, start, end, line, column
        return seg, start - seg.start, end - seg.start, seg.line, start - seg.start + 1
