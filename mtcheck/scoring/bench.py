"""``mtcheck bench``: check whole corpora of (source, translation, reference), system by system,
and report what was found, what the fixes do to the metrics, and how mtcheck agrees with human
error annotations where the corpus has them.

The report (:func:`run` returns it; ``mtcheck.scoring.report`` writes it as JSON, Markdown and HTML) is a
versioned contract, ``REPORT_VERSION``:

- ``systems``: per corpus and system, segments, words, findings per 10,000 words (all and by
  category), the MQM-style score (``mtcheck.scoring.mqm``), the raters' MQM score when the corpus has
  errors, the MQM-style score of each document, and the metric scores of the original, safe-fixed
  and all-fixed output with deltas and
  paired-bootstrap intervals (``mtcheck.scoring.metrics``) when it has references;
- ``detection``: per corpus with errors, recall of every MQM category the raters used and
  precision of every mtcheck category (``mtcheck.scoring.detection`` has the matching rule);
- ``agreement``: per corpus with errors, Kendall's tau and Pearson's r between the MQM-style
  score and the raters' over systems, each with a bootstrap interval (segments resampled);
- ``skipped``: records left out, by reason; ``signature``: how it was all computed (a
  ``mtcheck.scoring.signature.Signature``: the MQM weights, metrics, bootstrap and seed, the
  mtcheck and language-data versions, the selected rules; every score row's has the same).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.scoring.corpus import REFERENCE_SYSTEM, Segment, documents
from mtcheck.scoring.detection import Span, mapped, matches, spanless
from mtcheck.document import Document
from mtcheck.io.readers import InputError
from mtcheck.languages import UnknownLanguage
from mtcheck.scoring.mqm import error_weight, mqm_signature, weight
from mtcheck.scoring.signature import Signature
from mtcheck.taxonomy import CATEGORIES

REPORT_VERSION = 1


@dataclass
class SystemRun:
    """What one system of one corpus gathers, document by document."""

    corpus: str
    system: str
    pair: str
    segments: int = 0
    words: int = 0
    by_category: Counter = field(default_factory=Counter)
    penalties: list = field(default_factory=list)  # MQM-style weight of each segment
    human: list = field(default_factory=list)  # the raters' weight of each segment (MQM corpora)
    variants: dict = field(default_factory=lambda: defaultdict(list))  # original/safe/all → texts
    references: list = field(default_factory=list)
    documents: list = field(default_factory=list)  # (doc_id, segments, MQM-style penalty)

    def merge(self, other: SystemRun) -> None:
        """Add a later document's run (of the same system and pair), keeping segment order."""
        self.segments += other.segments
        self.words += other.words
        self.by_category.update(other.by_category)
        self.penalties += other.penalties
        self.human += other.human
        for name, texts in other.variants.items():
            self.variants[name] += texts
        self.references += other.references
        self.documents += other.documents


@dataclass
class Detection:
    """Counts against the raters' spans, for one corpus."""

    annotations: Counter = field(default_factory=Counter)  # MQM category → errors
    recalled: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)  # mtcheck category → findings
    matched: Counter = field(default_factory=Counter)

    def merge(self, other: Detection) -> None:
        for mine, theirs in ((self.annotations, other.annotations), (self.recalled, other.recalled),
                             (self.findings, other.findings), (self.matched, other.matched)):
            mine.update(theirs)


@dataclass
class DocumentResult:
    """What checking one document of one system gives; results merge in corpus order, so a run
    on several workers adds up to exactly the single-process one."""

    run: SystemRun | None
    detection: Detection | None
    skipped: Counter


def run(paths: Iterable[Path], config: Config | None = None, lang: str | None = None,
        metrics: tuple[str, ...] = ("BLEU", "chrF", "chrF++", "TER"), resamples: int = 1000, seed: int = 12345,
        progress=None, workers: int = 1, scheduler: str | None = None) -> dict:
    """Check every corpus and build the report; with ``workers`` > 1 (or a Dask ``scheduler``
    address) documents are checked on a Dask cluster, with the same result."""
    config = config or Config()
    runs: dict[tuple[str, str, str], SystemRun] = {}
    detection: dict[str, Detection] = defaultdict(Detection)
    skipped: Counter = Counter()
    any_segment = False

    def corpus_documents():
        for path in paths:
            yield from documents(Path(path), skipped)

    from mtcheck.parallel import ordered_map

    for result in ordered_map(check_segments, corpus_documents(), config, lang, workers=workers, scheduler=scheduler):
        any_segment = True
        skipped.update(result.skipped)
        if result.run is not None:
            key = (result.run.corpus, result.run.system, result.run.pair)
            runs.setdefault(key, SystemRun(*key)).merge(result.run)
        if result.detection is not None:
            detection[result.run.corpus].merge(result.detection)
        if progress is not None:
            progress.update(1)
    if not any_segment:
        raise InputError(f"nothing to benchmark: no segment in {', '.join(str(p) for p in paths)}"
                         + (f" ({', '.join(f'{n} {why}' for why, n in skipped.items())})" if skipped else ""))
    settings = Signature.of(config)  # the score rows' signatures start from the same settings
    return {
        "version": REPORT_VERSION,
        "signature": mqm_signature(config, metrics=metrics, bootstrap=resamples, seed=seed).format(),
        "systems": [_system_report(r, metrics, resamples, seed, settings) for r in runs.values()],
        "detection": {name: _detection_report(d) for name, d in detection.items()},
        "agreement": _agreement(runs, resamples, seed),
        "skipped": dict(skipped),
    }


def check_segments(segments: list[Segment], config: Config, lang: str | None) -> DocumentResult:
    """Check one document of one system (what a worker does)."""
    from mtcheck.checker import resolve_language

    first = segments[0]
    texts = [s.translation for s in segments]
    try:
        doc_lang = resolve_language("\n".join(texts), lang, config, first.target_lang or None)
    except UnknownLanguage:  # a malformed language code: counted, not fatal for the corpus
        return DocumentResult(None, None, Counter({f"not a language code: {first.target_lang or lang}": len(segments)}))
    ids = [f"{i}" for i in range(len(segments))]
    doc = Document.from_records(texts, ids, list(range(1, len(segments) + 1)), doc_lang, path=first.corpus,
                                sources=[s.source for s in segments] if any(s.source for s in segments) else None,
                                source_lang=first.source_lang)
    by_segment: dict[int, list] = defaultdict(list)
    for f in check_document(doc, config):
        by_segment[int(f.record)].append(f)
    # A corpus with several language pairs (or one system's records in two) is reported per pair.
    run = SystemRun(first.corpus, first.system, f"{first.source_lang or '?'}-{doc.lang}")  # per language, not region
    detection = Detection() if any(s.errors is not None for s in segments) else None
    with_references = all(s.reference for s in segments) and not all(s.translation == s.reference for s in segments)
    for i, seg in enumerate(segments):
        found = by_segment.get(i, [])
        run.segments += 1
        run.words += len(seg.translation.split())
        run.by_category.update(f.category for f in found)
        run.penalties.append(sum(weight(f) for f in found))
        if seg.errors is not None:
            run.human.append(sum(error_weight(c, s) for c, s, _, _ in seg.errors))
            _detect(found, seg, detection)
    if with_references:
        from mtcheck.scoring.metrics import fixed_variants

        run.references = [s.reference.rstrip() for s in segments]
        run.variants.update(fixed_variants(texts, by_segment, per_rule=False))
    run.documents.append((first.doc_id, run.segments, round(sum(run.penalties), 4)))
    return DocumentResult(run, detection, Counter())


def _detect(found: list, seg: Segment, counts: Detection) -> None:
    errors = [Span(c, s, e) for c, _, s, e in seg.errors]
    findings = [(Span(f.category, f.start, f.end), spanless(f.start, f.end, seg.translation)) for f in found]
    for error in errors:
        counts.annotations[error.category] += 1
        counts.recalled[error.category] += any(
            mapped(error.category, f.category) and matches(f, no_span, error, any_category=False)
            for f, no_span in findings)
    for f, no_span in findings:
        counts.findings[f.category] += 1
        counts.matched[f.category] += any(matches(f, no_span, e, any_category=True) for e in errors)


def _system_report(run: SystemRun, metrics, resamples: int, seed: int, settings: Signature) -> dict:
    out = {
        "corpus": run.corpus, "system": run.system, "pair": run.pair, "reference_system": run.system == REFERENCE_SYSTEM,
        "segments": run.segments, "words": run.words, "findings": sum(run.by_category.values()),
        "per_10k_words": round(1e4 * sum(run.by_category.values()) / max(run.words, 1), 2),
        "by_category_per_10k": {c: round(1e4 * n / max(run.words, 1), 2) for c, n in sorted(run.by_category.items())},
        "mqm_style": {"per_segment": round(sum(run.penalties) / max(run.segments, 1), 4),
                      "per_100_words": round(100 * sum(run.penalties) / max(run.words, 1), 4)},
        "human_mqm": ({"per_segment": round(sum(run.human) / len(run.human), 4)} if run.human else None),
        "documents": [{"doc_id": d, "segments": n, "mqm_style_per_segment": round(p / n, 4)} for d, n, p in run.documents],
        "scores": [],
    }
    if run.references and metrics:
        from mtcheck.scoring.metrics import score_variants

        out["scores"] = [r.to_dict() for r in score_variants(run.variants, run.references, metrics, resamples, seed,
                                                            settings)]
    return out


def _detection_report(d: Detection) -> dict:
    return {
        "recall": {c: {"annotations": n, "matched": d.recalled[c], "recall": round(d.recalled[c] / n, 4),
                       "mtcheck_categories": sorted(m for m in CATEGORIES if mapped(c, m))}
                   for c, n in sorted(d.annotations.items())},
        "precision": {c: {"findings": n, "matched": d.matched[c], "precision": round(d.matched[c] / n, 4)}
                      for c, n in sorted(d.findings.items())},
        "span_rule": "same segment and overlapping spans (any category, for precision; the corresponding "
                     "category, for recall); an error or finding without a span matches the corresponding "
                     "category in its segment",
    }


def _agreement(runs: dict, resamples: int, seed: int) -> dict:
    """Kendall's tau and Pearson's r over the systems of each corpus with rater scores, with a
    bootstrap interval (the same resampled segments for every system). Systems must cover the
    same segments, as in WMT's MQM files; the reference system is left out."""
    import numpy as np
    from scipy.stats import kendalltau, pearsonr

    out = {}
    by_corpus: dict[str, list[SystemRun]] = defaultdict(list)
    for (corpus, system, _), run in runs.items():
        if run.human and system != REFERENCE_SYSTEM:
            by_corpus[corpus].append(run)
    for corpus, systems in by_corpus.items():
        n = min(len(r.human) for r in systems)
        if len(systems) < 3 or n == 0:
            continue
        ours = np.array([r.penalties[:n] for r in systems])
        theirs = np.array([r.human[:n] for r in systems])
        draws = np.random.default_rng(seed).integers(0, n, size=(resamples, n))
        taus, rs = [], []
        for idx in draws:
            a, b = ours[:, idx].mean(1), theirs[:, idx].mean(1)
            taus.append(kendalltau(a, b).statistic)
            rs.append(pearsonr(a, b).statistic if a.std() and b.std() else np.nan)

        def interval(values) -> list[float]:
            values = np.array(values, dtype=float)
            values = values[~np.isnan(values)]
            return [round(float(x), 4) for x in np.percentile(values, [2.5, 97.5])] if len(values) else [None, None]

        a, b = ours.mean(1), theirs.mean(1)
        out[corpus] = {"systems": len(systems), "segments": n,
                       "kendall_tau": round(float(kendalltau(a, b).statistic), 4), "kendall_tau_ci": interval(taus),
                       "pearson": round(float(pearsonr(a, b).statistic), 4), "pearson_ci": interval(rs)}
    return out
