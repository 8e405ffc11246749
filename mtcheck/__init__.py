"""mtcheck: find the artifacts of machine translation, propose fixes, measure them.

    >>> import mtcheck
    >>> text = "They have disappearedin the city."
    >>> mtcheck.apply_fixes(text, mtcheck.check(text, lang="en"))
    'They have disappeared in the city.'
"""

from mtcheck.checker import check, check_document
from mtcheck.config import Config, load_config
from mtcheck.document import Document
from mtcheck.finding import Applicability, Edit, Finding, Fix
from mtcheck.fixes import apply_fixes
from mtcheck.taxonomy import CATEGORIES, Severity
from mtcheck.version import __version__

__all__ = [
    "Applicability", "CATEGORIES", "Config", "Document", "Edit", "Finding", "Fix", "Severity",
    "apply_fixes", "check", "check_document", "load_config", "__version__",
]
