"""How a score or a report was computed, as one frozen value: :class:`Signature`.

sacrebleu's ``Signature`` (``sacrebleu/metrics/base.py``) is the model: settings in a fixed
order, rendered by ``format()`` as ``key:value|key:value``, and ``str()`` is that string. Every
signature mtcheck writes is one: a metric row of ``mtcheck score`` and ``bench`` (sacrebleu's own
signature of the metric first, then the bootstrap and mtcheck's keys), the MQM-style score
(``check --format json``, ``mtcheck.scoring.mqm``) and the bench report (``mtcheck.scoring.bench``).

    >>> s = Signature(select=["MT1", "MT2"], ignore=["extra-space"], bootstrap=1000, seed=12345,
    ...               mtcheck="0.1.0", data="0123456789ab")
    >>> str(s)
    'bootstrap:1000|seed:12345|mtcheck:0.1.0|data:0123456789ab|select:MT1,MT2|ignore:extra-space'
    >>> Signature.parse(str(s)) == s
    True

A metric row puts sacrebleu's signature first, whole, as sacrebleu prints it (so a row's signature
still starts as sacrebleu's does, ``version`` last), and parsing gives it back:

    >>> row = Signature(sacrebleu="nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1",
    ...                 bootstrap=1000, seed=12345, mtcheck="0.1.0", data="0123456789ab")
    >>> row.format()
    'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1|bootstrap:1000|seed:12345|mtcheck:0.1.0|data:0123456789ab|select:ALL|ignore:-'
    >>> Signature.parse(row.format()).sacrebleu
    'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1'

Equal settings give equal (and equally hashed) signatures: the order of selectors does not
change which rules run, so it does not change the signature either.

    >>> Signature(select=("MT2", "MT1"), data="x") == Signature(select=("MT1", "MT2", "MT1"), data="x")
    True

Nothing heavy is imported: the MQM-style score of ``check --format json`` builds one too.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mtcheck import __version__
from mtcheck.languages import data_version

if TYPE_CHECKING:
    from mtcheck.config import Config

# Written as "-" when empty, as the bench report always did ("ignore:-"), so no key is ever blank.
NONE = "-"


@dataclass(frozen=True)
class Signature:
    """The settings of one score or report, in the order they are printed; keys whose value is
    None are left out (a MQM-style score has no bootstrap, a metric row no weights)."""

    # sacrebleu's own signature of the metric (``metric.get_signature().format()``), printed first
    # and whole: its keys (nrefs, case, tok, ..., version last) are sacrebleu's, not ours.
    sacrebleu: str | None = None
    # The MQM weights (``mtcheck.scoring.mqm.weights_text``) and what a score is the mean over.
    weights: str | None = None
    mean: str | None = None
    # bench: the metrics computed for every system; a metric row says its own in ``sacrebleu``.
    metrics: tuple[str, ...] | None = None
    # The paired bootstrap: resamples and seed.
    bootstrap: int | None = None
    seed: int | None = None
    # Always printed: which mtcheck, on which language data, with which rules on.
    mtcheck: str = __version__
    data: str = field(default_factory=data_version)  # mtcheck.languages.data_version
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Lists become tuples, so a signature stays hashable; selectors are a set (any one that
        # matches turns a rule on), so their order is dropped.
        set_field = object.__setattr__  # the dataclass is frozen
        set_field(self, "select", tuple(sorted(set(self.select))))
        set_field(self, "ignore", tuple(sorted(set(self.ignore))))
        if self.metrics is not None:
            set_field(self, "metrics", tuple(self.metrics))
        # What would not read back the same is refused here, not found later in a report.
        for key, value in self._pairs():
            if not value or ("|" in value and key != "sacrebleu"):
                raise ValueError(f"signature key {key} cannot be printed as {value!r}")
        if self.sacrebleu is not None and not self.sacrebleu.rpartition("|")[2].startswith("version:"):
            raise ValueError(f"not a sacrebleu signature (version last): {self.sacrebleu!r}")
        for key, values in (("metrics", self.metrics or ()), ("select", self.select), ("ignore", self.ignore)):
            if any(not v or "," in v or v == NONE for v in values):
                raise ValueError(f"signature key {key} cannot list {values!r}")

    @classmethod
    def of(cls, config: Config | None = None, **keys) -> Signature:
        """The signature of a run with ``config`` (None: the defaults), plus the given ``keys``.

        >>> from mtcheck.config import Config
        >>> s = Signature.of(Config(select=["MT1"], ignore=["MT101"]), seed=7)
        >>> s.select, s.ignore, s.seed, s.bootstrap
        (('MT1',), ('MT101',), 7, None)
        """
        if config is not None:
            keys = {"select": config.select, "ignore": config.ignore, **keys}
        return cls(**keys)

    def replace(self, **changes) -> Signature:
        """This signature with some keys changed (the rest, data version included, kept)."""
        return dataclasses.replace(self, **changes)

    def _pairs(self) -> list[tuple[str, str]]:
        # Written out key by key, not read from the fields: renaming an attribute must not
        # silently rename a key of a published signature.
        pairs = [("sacrebleu", self.sacrebleu), ("weights", self.weights), ("mean", self.mean),
                 ("metrics", _joined(self.metrics)), ("bootstrap", _text(self.bootstrap)),
                 ("seed", _text(self.seed)), ("mtcheck", self.mtcheck), ("data", self.data),
                 ("select", _joined(self.select)), ("ignore", _joined(self.ignore))]
        return [(key, value) for key, value in pairs if value is not None]

    def format(self) -> str:
        """``key:value|key:value``, sacrebleu's signature (where there is one) first."""
        return "|".join(value if key == "sacrebleu" else f"{key}:{value}" for key, value in self._pairs())

    def __str__(self) -> str:
        return self.format()

    @classmethod
    def parse(cls, text: str) -> Signature:
        """The signature ``format()`` printed as ``text``. sacrebleu's part is everything up to
        its ``version`` key, which sacrebleu always prints last.

        >>> Signature.parse("mtcheck:0.1.0|data:x|select:-|ignore:-").select
        ()
        >>> Signature.parse("weights:minor=1|mtcheck:0.1.0")
        Traceback (most recent call last):
        ValueError: not a complete mtcheck signature (missing data, select, ignore): 'weights:minor=1|mtcheck:0.1.0'
        """
        parts = text.split("|")
        sacrebleu = None
        versions = [i for i, part in enumerate(parts) if part.startswith("version:")]
        if versions:
            sacrebleu, parts = "|".join(parts[:versions[0] + 1]), parts[versions[0] + 1:]
        keys: dict = {"sacrebleu": sacrebleu}
        for part in parts:
            key, colon, value = part.partition(":")
            if not colon or key not in _READ or key in keys:
                raise ValueError(f"not an mtcheck signature key: {part!r} in {text!r}")
            keys[key] = _READ[key](value)
        missing = [key for key in ("mtcheck", "data", "select", "ignore") if key not in keys]
        if missing:
            raise ValueError(f"not a complete mtcheck signature (missing {', '.join(missing)}): {text!r}")
        return cls(**keys)


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


def _joined(values: tuple[str, ...] | None) -> str | None:
    return None if values is None else ",".join(values) or NONE


def _split(value: str) -> tuple[str, ...]:
    return () if value == NONE else tuple(value.split(","))


# How each key of ours reads back (sacrebleu's part stays a string).
_READ = {"weights": str, "mean": str, "metrics": _split, "bootstrap": int, "seed": int,
         "mtcheck": str, "data": str, "select": _split, "ignore": _split}
