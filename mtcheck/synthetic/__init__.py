"""Synthetic data: MT artifacts injected into clean text with their gold spans and fixes
(``corrupt``), and the benchmark that checks them (``benchmark``). Never on the lint path.
"""
