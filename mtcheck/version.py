"""The mtcheck version, in a module of its own: the rule registry reads it while the package
is still importing (rules record the version they appeared in)."""

__version__ = "0.1.0"
