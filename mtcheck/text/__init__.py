"""Shared text analysis: what several rules (and the readers) need to know about a text.

No rules and no I/O here, only functions of text and language data: character tables
(``chars``), sentences, words and their casing, numbers, placeholders, translation units and
their alignment with the source, language detection. A rule family's own helpers stay in its
module in ``mtcheck.rules``; knowledge two families share comes here.
"""
