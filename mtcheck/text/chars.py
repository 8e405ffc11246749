"""Character tables several rule families share: quotation marks of every convention, brackets,
full-width punctuation, and the Latin and Cyrillic letters that look alike.

    >>> CLOSERS["„"], BRACKETS["("], FULLWIDTH["，"]
    ('“”', ')', ', ')
    >>> "".join(LATIN_TO_CYRILLIC[c] for c in "Pop") == "Рор"
    True
"""

from __future__ import annotations

import regex

# Every quotation mark mtcheck knows, from any convention.
QUOTE_MARKS = "\"“”„‟«»‹›‚‘’「」『』〝〞＂"
DOUBLE_QUOTES = "\"“”„‟«»「」『』〝〞＂"
# Marks that double as apostrophes: never reported as unbalanced.
APOSTROPHES = "'’‘"
# Full-width and CJK punctuation, with the Latin mark (and following space) it stands for.
FULLWIDTH = {"，": ", ", "。": ". ", "！": "! ", "？": "? ", "：": ": ", "；": "; ", "、": ", ",
             "（": " (", "）": ") "}
# The marks that close a quotation opened by a mark, in the conventions that use it.
CLOSERS = {"„": "“”", "«": "»", "»": "«", "‚": "‘’", "‹": "›", "›": "‹", "「": "」", "『": "』", "“": "”", "‟": "”",
           "〝": "〞", "＂": "＂", "\"": "\""}
# The no-break spaces of French typography: narrow before `; ! ?` and inside `« »`, full before `:`.
NARROW_NBSP, NBSP = "\u202f", "\u00a0"
BRACKETS = {"(": ")", "[": "]", "{": "}"}
CLOSING_BRACKETS = {v: k for k, v in BRACKETS.items()}
# Scanning for the marks with a regex, rather than char by char in Python, is ~10× faster.
QUOTE_MARK = regex.compile(f"[{regex.escape(QUOTE_MARKS)}]")
# Double quotes typed as two single marks, ``like this'', ‘’like this’’ (old Usenet, LaTeX),
# or Dutch ,,zo'': their role (opening or closing) is read from their neighbours.
QUOTE_TOKEN = regex.compile(f"[‘’'`]{{2}}|,,|[{regex.escape(QUOTE_MARKS)}]")
BRACKET_MARK = regex.compile(r"[()\[\]{}]")

# Latin letters that look like Cyrillic ones and back: the homoglyphs of mixed-script words.
LATIN_TO_CYRILLIC = dict(zip("aeopcxyABEKMHOPCTXiIjsS", "аеорсхуАВЕКМНОРСТХіІјѕЅ"))
CYRILLIC_TO_LATIN = {v: k for k, v in LATIN_TO_CYRILLIC.items()}
