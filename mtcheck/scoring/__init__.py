"""Measuring: metric scores against references, the MQM-style score, detection quality against
human error spans, and the benchmark report over a corpus.

Nothing on the lint path imports this package (``mtcheck check`` and ``mtcheck fix`` stay light;
the JSON summary's MQM-style score is the one reader, imported only for that format). Every score
here carries a ``Signature`` (``mtcheck.scoring.signature``) that says how it was computed.
"""
