"""A small token-classification model as a second opinion: it tags artifact spans
inside sentences with BIO tags over the taxonomy categories that live there.

``data.py`` turns clean text into tagged examples with the corruptor; ``scripts/train_model.py``
trains the sentencepiece vocabulary and the encoder from scratch; ``tagger.py`` loads a trained
model from its folder, the shipped one ``mtcheck/model/mtcheck-tagger/`` (offline, torch and transformers imported only there).
"""

# The categories a sentence-level tagger can see (page furniture, repetition, omission and
# untranslated text need the document or the source, and stay with the rules).
TAGGED = ("merged-words", "missing-sentence-boundary", "split-word", "repeated-word", "missing-space",
          "extra-space", "foreign-punctuation", "mojibake", "markup-residue", "invisible-character",
          "mixed-script", "proper-noun-case", "over-capitalization", "sentence-case", "spelling",
          "number-format", "unbalanced-quote", "unbalanced-bracket")
LABELS = ("O",) + tuple(f"{p}-{c}" for c in TAGGED for p in ("B", "I"))
