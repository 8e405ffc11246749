"""Write a bench report (``mtcheck.scoring.bench``) as ``report.json``, ``report.md`` and ``report.html``.

The HTML page is one self-contained file: the plots are inline SVG drawn by matplotlib (Agg, no
display), there is no script or style from elsewhere, and a few lines of JavaScript mark, once
the page is laid out, how many plots have a drawn size (``data-plots-rendered="4/4"`` on the
body), which the browser test reads.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

from mtcheck.scoring.metrics import CHRF_NOTE

TOP_CATEGORIES = 8  # categories shown apart in the findings plot; the rest are "other"


def write(report: dict, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = [out / "report.json", out / "report.md", out / "report.html"]
    files[0].write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    files[1].write_text(markdown(report), encoding="utf-8")
    files[2].write_text(page(report), encoding="utf-8")
    return files


# -- Markdown ------------------------------------------------------------------------------------

def _fmt(x, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def markdown(report: dict) -> str:
    lines = [f"# mtcheck bench report (version {report['version']})", "", f"`{report['signature']}`", ""]
    lines += ["## Findings per system", "", "| corpus | system | segments | words | findings per 10k words | "
              "MQM-style per segment | per 100 words | raters' MQM per segment |", "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in report["systems"]:
        human = s["human_mqm"]["per_segment"] if s["human_mqm"] else None
        lines.append(f"| {s['corpus']} | {s['system']} | {s['segments']} | {s['words']} | {s['per_10k_words']:.2f} | "
                     f"{s['mqm_style']['per_segment']:.3f} | {s['mqm_style']['per_100_words']:.3f} | {_fmt(human, 3)} |")
    scored = [s for s in report["systems"] if s["scores"]]
    if scored:
        lines += ["", "## Metric deltas of the fixes (95 % paired-bootstrap interval)", "",
                  f"{CHRF_NOTE}", "", "| corpus | system | metric | original | safe Δ | interval | all Δ | interval |",
                  "|---|---|---|---:|---:|---|---:|---|"]
        for s in scored:
            rows = {(r["metric"], r["variant"]): r for r in s["scores"]}
            for metric in dict.fromkeys(r["metric"] for r in s["scores"]):
                o, safe, all_ = rows[metric, "original"], rows[metric, "safe"], rows[metric, "all"]
                lines.append(f"| {s['corpus']} | {s['system']} | {metric} | {o['score']:.2f} | {safe['delta']:+.2f} | "
                             f"[{safe['ci'][0]:+.2f}, {safe['ci'][1]:+.2f}] | {all_['delta']:+.2f} | "
                             f"[{all_['ci'][0]:+.2f}, {all_['ci'][1]:+.2f}] |")
    for corpus, d in report["detection"].items():
        lines += ["", f"## Detection against the raters' spans: {corpus}", "", f"Rule: {d['span_rule']}.", "",
                  "| MQM category | annotations | matched | recall | mtcheck categories |", "|---|---:|---:|---:|---|"]
        for c, r in d["recall"].items():
            lines.append(f"| {c} | {r['annotations']} | {r['matched']} | {r['recall']:.3f} | "
                         f"{', '.join(r['mtcheck_categories']) or '–'} |")
        lines += ["", "| mtcheck category | findings | matched | precision |", "|---|---:|---:|---:|"]
        for c, r in d["precision"].items():
            lines.append(f"| {c} | {r['findings']} | {r['matched']} | {r['precision']:.3f} |")
    if report["agreement"]:
        lines += ["", "## Agreement with the raters over systems (bootstrap 95 % intervals)", "",
                  "| corpus | systems | segments | Kendall's tau | interval | Pearson's r | interval |",
                  "|---|---:|---:|---:|---|---:|---|"]
        for corpus, a in report["agreement"].items():
            lines.append(f"| {corpus} | {a['systems']} | {a['segments']} | {a['kendall_tau']:.3f} | "
                         f"[{_fmt(a['kendall_tau_ci'][0], 3)}, {_fmt(a['kendall_tau_ci'][1], 3)}] | {a['pearson']:.3f} | "
                         f"[{_fmt(a['pearson_ci'][0], 3)}, {_fmt(a['pearson_ci'][1], 3)}] |")
    if report["skipped"]:
        lines += ["", "## Skipped records", ""] + [f"- {why}: {n}" for why, n in report["skipped"].items()]
    return "\n".join(lines) + "\n"


# -- HTML ----------------------------------------------------------------------------------------

def page(report: dict) -> str:
    plots = [(name, title, svg) for name, title, svg in _plots(report) if svg]
    figures = "\n".join(f'<figure class="plot" data-plot="{name}"><figcaption>{html.escape(title)}</figcaption>'
                        f"{svg}</figure>" for name, title, svg in plots)
    body_md = html.escape(markdown(report))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>mtcheck bench report</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}} figure{{margin:2em 0}}
figcaption{{font-weight:bold}} svg{{max-width:100%;height:auto}} pre{{white-space:pre-wrap;font-size:90%}}</style>
</head><body data-plots="{len(plots)}">
<h1>mtcheck bench report</h1>
<p><code>{html.escape(report['signature'])}</code></p>
{figures}
<h2>Tables</h2>
<pre>{body_md}</pre>
<script>
window.addEventListener("load", function () {{
  var figs = document.querySelectorAll("figure.plot"), drawn = 0;
  figs.forEach(function (f) {{
    var svg = f.querySelector("svg");
    if (svg && svg.getBBox().width > 0 && svg.getBoundingClientRect().height > 0) drawn += 1;
  }});
  document.body.setAttribute("data-plots-rendered", drawn + "/" + figs.length);
}});
</script>
</body></html>
"""


def _svg(fig) -> str:
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # no XML declaration or doctype inside HTML


def _plots(report: dict):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = report["systems"]
    labels = [f"{s['corpus'].rsplit('.', 1)[0]}: {s['system']}" for s in systems]

    # 1. Findings per 10,000 words, by system and category.
    totals: dict[str, float] = {}
    for s in systems:
        for c, v in s["by_category_per_10k"].items():
            totals[c] = totals.get(c, 0) + v
    top = sorted(totals, key=totals.get, reverse=True)[:TOP_CATEGORIES]
    fig, ax = plt.subplots(figsize=(9, max(3, 0.28 * len(systems))))
    left = [0.0] * len(systems)
    for c in top + ["other"]:
        values = [s["by_category_per_10k"].get(c, 0) if c != "other" else
                  sum(v for k, v in s["by_category_per_10k"].items() if k not in top) for s in systems]
        ax.barh(labels, values, left=left, label=c)
        left = [a + b for a, b in zip(left, values)]
    ax.set_xlabel("findings per 10,000 words")
    ax.invert_yaxis()
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    yield "findings", "Findings per 10,000 words, by system and category", _svg(fig)

    # 2. Metric deltas of all fixes, with intervals.
    rows = [(label, r) for label, s in zip(labels, systems) for r in s["scores"] if r["variant"] == "all"]
    if rows:
        fig, ax = plt.subplots(figsize=(9, max(3, 0.22 * len(rows))))
        names = [f"{label} {r['metric']}" for label, r in rows]
        deltas = [r["delta"] for _, r in rows]
        errors = [[d - r["ci"][0] for d, (_, r) in zip(deltas, rows)], [r["ci"][1] - d for d, (_, r) in zip(deltas, rows)]]
        ax.errorbar(deltas, names, xerr=errors, fmt="o", markersize=3)
        ax.axvline(0, color="grey", linewidth=0.8)
        ax.set_xlabel("delta after all fixes (TER: lower is better)")
        ax.invert_yaxis()
        ax.tick_params(axis="y", labelsize=6)
        yield "deltas", "Metric deltas after all fixes, 95 % paired-bootstrap intervals", _svg(fig)

    # 3. MQM-style score beside the raters'.
    rated = [(label, s) for label, s in zip(labels, systems) if s["human_mqm"]]
    if rated:
        fig, ax = plt.subplots(figsize=(6, 5))
        for corpus in dict.fromkeys(s["corpus"] for _, s in rated):
            pts = [s for _, s in rated if s["corpus"] == corpus]
            ax.scatter([s["human_mqm"]["per_segment"] for s in pts], [s["mqm_style"]["per_segment"] for s in pts],
                       label=corpus)
        ax.set_xlabel("raters' MQM per segment")
        ax.set_ylabel("mtcheck MQM-style per segment")
        ax.legend(fontsize=7)
        yield "mqm", "MQM-style score per system beside the raters' MQM score", _svg(fig)

    # 4. Detection precision and recall per category.
    det = [(corpus, c, r["recall"]) for corpus, d in report["detection"].items() for c, r in d["recall"].items()
           if r["annotations"] >= 5]
    prec = [(corpus, c, r["precision"]) for corpus, d in report["detection"].items() for c, r in d["precision"].items()]
    if det or prec:
        fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, max(3, 0.25 * max(len(det), len(prec), 1))))
        a1.barh([f"{c} ({corpus})" for corpus, c, _ in det], [v for *_, v in det])
        a1.set_xlabel("recall of rater errors")
        a1.tick_params(axis="y", labelsize=6)
        a2.barh([f"{c} ({corpus})" for corpus, c, _ in prec], [v for *_, v in prec], color="tab:orange")
        a2.set_xlabel("precision of findings")
        a2.tick_params(axis="y", labelsize=6)
        yield "detection", "Detection against the raters' spans: recall per MQM category, precision per mtcheck category", _svg(fig)
