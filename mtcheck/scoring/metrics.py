"""Scores against references: does fixing help?

A translation is scored with sacrebleu (BLEU, chrF, chrF++, TER) as it is, after the safe fixes,
after all fixes, and after each rule's own fixes alone; every variant's change from the original
comes with a paired-bootstrap 95 % confidence interval, resampled as sacrebleu's paired bootstrap
test does (the same segments drawn for both sides, ``n`` resamples, a fixed seed).

    >>> rows = score_variants({"original": ["the catsat on the mat"], "safe": ["the cat sat on the mat"]},
    ...                       ["the cat sat on the mat"], metrics=("chrF++",), resamples=10)
    >>> [(r.variant, round(r.score, 1), r.delta is not None) for r in rows]
    [('original', 88.9, False), ('safe', 100.0, True)]

Plain chrF counts character n-grams with white space removed, so a glued word split again
(``catsat`` → ``cat sat``) leaves it unchanged; chrF++ and BLEU count words and see the fix.

sacrebleu (and its numpy) is imported only here, and only for ``mtcheck score`` / ``bench``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mtcheck.finding import Finding
from mtcheck.fixes import apply_plan, choose_fixes
from mtcheck.scoring.signature import Signature

METRICS = ("BLEU", "chrF", "chrF++", "TER")
RESAMPLES = 1000
SEED = 12345  # sacrebleu's own default seed (SACREBLEU_SEED)
# What to say beside a flat chrF after a spacing fix (issue 5: nobody should read it as no effect).
CHRF_NOTE = ("chrF ignores white space: splitting a glued word or adding a missing space does not "
             "move it; chrF++ and BLEU count words and do.")


class ScoresUnavailable(RuntimeError):
    """sacrebleu is not installed (the `scores` extra)."""


@dataclass
class ScoreRow:
    """One metric on one variant of the translation; delta and interval against the original."""

    metric: str
    variant: str  # original | safe | all | rule:CODE
    score: float
    signature: Signature  # sacrebleu's signature of the metric, the bootstrap, mtcheck's settings
    delta: float | None = None
    ci: tuple[float, float] | None = None

    @property
    def significant(self) -> bool | None:
        """Whether the 95 % interval of the delta excludes 0 (None for the original)."""
        return None if self.ci is None else not (self.ci[0] <= 0 <= self.ci[1])

    def to_dict(self) -> dict:
        return {"metric": self.metric, "variant": self.variant, "score": round(self.score, 4),
                "signature": self.signature.format(),
                "delta": None if self.delta is None else round(self.delta, 4),
                "ci": None if self.ci is None else [round(self.ci[0], 4), round(self.ci[1], 4)]}


def metric(name: str):
    """A fresh sacrebleu metric object for ``name`` (BLEU, chrF, chrF++, TER), defaults as its
    command line has them."""
    try:
        from sacrebleu.metrics import BLEU, CHRF, TER
    except ImportError as exc:  # pragma: no cover - exercised by the CLI test with the extra absent
        raise ScoresUnavailable("scores need sacrebleu: pip install 'mtcheck[scores]'") from exc
    factories = {"BLEU": BLEU, "chrF": CHRF, "chrF++": lambda: CHRF(word_order=2), "TER": TER}
    if name not in factories:
        raise ValueError(f"unknown metric {name!r} (have: {', '.join(METRICS)})")
    return factories[name]()


def score_variants(variants: dict[str, Sequence[str]], references: Sequence[str],
                   metrics: Iterable[str] = METRICS, resamples: int = RESAMPLES,
                   seed: int = SEED, settings: Signature | None = None) -> list[ScoreRow]:
    """Score every variant (the first is the baseline, normally "original") with every metric;
    deltas and paired-bootstrap intervals against the baseline. ``settings`` is the signature of
    the check that made the variants (``Signature.of(config)``; None: the defaults); each row's
    signature adds the metric's own and the bootstrap to it."""
    import numpy as np

    names = list(variants)
    n = len(references)
    if any(len(v) != n for v in variants.values()):
        raise ValueError("every variant needs one segment per reference")
    if n == 0:
        raise ValueError("nothing to score: no segments")
    # One draw of segment indices for all metrics and variants: the comparison is paired.
    draws = np.random.default_rng(seed).choice(n, size=(resamples, n), replace=True)
    settings = (settings or Signature()).replace(bootstrap=resamples, seed=seed)
    rows = []
    for name in metrics:
        scorer = metric(name)
        base = names[0]
        # Segment statistics, as sacrebleu's corpus_score sums them: of the baseline, then of the
        # segments a variant changed only (fixes touch few; TER costs milliseconds a segment).
        base_stats = scorer._extract_corpus_statistics(list(variants[base]), [list(references)])
        signature = settings.replace(sacrebleu=scorer.get_signature().format())
        per_variant = {base: base_stats}
        for v in names[1:]:
            changed = [i for i, (a, b) in enumerate(zip(variants[v], variants[base])) if a != b]
            segment_stats = list(base_stats)
            if changed:
                fresh = scorer._extract_corpus_statistics([variants[v][i] for i in changed],
                                                          [[references[i] for i in changed]])
                for i, row in zip(changed, fresh):
                    segment_stats[i] = row
            per_variant[v] = segment_stats
        # The scores themselves as sacrebleu's corpus_score computes them (its command line's figures).
        totals = {v: scorer._aggregate_and_compute(per_variant[v]).score for v in names}
        stats = {v: np.array(per_variant[v], dtype="float64") for v in names}
        base_samples = _resampled(scorer, stats[base], draws)
        for v in names:
            if v == base:
                rows.append(ScoreRow(name, v, totals[v], signature))
                continue
            deltas = _resampled(scorer, stats[v], draws) - base_samples
            low, high = np.percentile(deltas, [2.5, 97.5])
            rows.append(ScoreRow(name, v, totals[v], signature, totals[v] - totals[base], (float(low), float(high))))
    return rows


def _resampled(scorer, stats, draws):
    """The metric on each resample of the segments (sums of their sufficient statistics)."""
    import numpy as np

    return np.array([scorer._compute_score_from_stats(stats[idx].sum(0)).score for idx in draws])


def fixed_variants(segments: Sequence[str], by_segment: dict[int, list[Finding]],
                   per_rule: bool = True) -> dict[str, list[str]]:
    """The segments as they are, after the safe fixes, after all fixes, and (``per_rule``) after
    each rule's fixes alone (``rule:CODE``, for every rule with an applicable fix).
    ``by_segment`` holds each segment's findings (offsets within the segment as checked) under its
    index; the fixes apply to the segments as checked, and every variant's lines then lose their
    trailing white space, as sacrebleu reads lines.

    >>> from mtcheck.finding import Finding, Fix
    >>> f = Finding("MT101", "merged-words", 0, 6, "glued", fixes=[Fix.replace(3, 3, " ")])
    >>> fixed_variants(["catsat"], {0: [f]})["rule:MT101"]
    ['cat sat']
    """
    def variant(unsafe: bool, code: str | None = None) -> list[str]:
        out = []
        for i, text in enumerate(segments):
            chosen = [f for f in by_segment.get(i, []) if code is None or f.code == code]
            out.append(apply_plan(text, choose_fixes(chosen, unsafe, text)).rstrip())
        return out

    variants = {"original": [s.rstrip() for s in segments], "safe": variant(False), "all": variant(True)}
    codes = sorted({f.code for fs in by_segment.values() for f in fs if any(fix.edits for fix in f.fixes)})
    for code in codes if per_rule else ():
        variants[f"rule:{code}"] = variant(True, code)
    return variants


def segment_findings(inp, config, lang: str | None = None, source: str | None = None,
                     source_lang: str | None = None) -> dict[int, list[Finding]]:
    """Check an input of records (a JSONL/TSV file, or lines read as records) document by
    document, as ``mtcheck check`` does, and file each finding under its record's index."""
    from mtcheck.checker import check_document
    from mtcheck.checker import documents

    by_segment: dict[int, list[Finding]] = defaultdict(list)
    for indexes, doc in documents(inp, config, lang, source, source_lang):
        where = {(inp.records[i].line, inp.records[i].id): i for i in indexes}
        for f in check_document(doc, config):
            by_segment[where[f.line, f.record]].append(f)
    return by_segment
