"""Render an evaluation: the one table on the terminal, and a report directory.

``--report DIR`` writes ``report.md`` (settings, the table, the paired comparison of newsfuse with each
other method, notes), ``rows.json`` and ``paired.json`` (the two tables' numbers), ``summaries.jsonl`` (one line per
cluster and method: the budget, the truncated summary, seconds, error), ``scores.jsonl`` (one line per
cluster, method and scorer, with the budget) and ``scores.png`` (each method's R1/R2/RL recall and F1 with 95 % intervals).
"""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.evaluate.harness import EvalResult, Row

COLUMNS = (("rouge1", "r", "R1-R"), ("rouge1", "f", "R1-F"), ("rouge2", "r", "R2-R"), ("rouge2", "f", "R2-F"),
           ("rougeL", "r", "RL-R"), ("rougeL", "f", "RL-F"))


def _cell(v: tuple[float, float, float]) -> str:
    return f"{v[0]:.1f} [{v[1]:.1f}, {v[2]:.1f}]"


def table_rows(result: EvalResult) -> tuple[list[str], list[list[str]]]:
    both = len(result.config.scorers) > 1
    header = ["method"] + (["scorer"] if both else []) + [c[2] for c in COLUMNS] + ["s/cluster", "n", "errors"]
    rows = []
    for r in result.rows:
        rows.append([r.method] + ([r.scorer] if both else []) + [_cell(r.scores[m][k]) for m, k, _ in COLUMNS]
                    + [f"{r.median_seconds:.4f}", str(r.n), str(r.errors)])
    return header, rows


PAIRED_COLUMNS = (("rouge1", "r", "R1-R"), ("rouge1", "f", "R1-F"), ("rouge2", "r", "R2-R"), ("rouge2", "f", "R2-F"),
                  ("rougeL", "f", "RL-F"))


def _signed(v: tuple[float, float, float]) -> str:
    return f"{v[0]:+.2f} [{v[1]:+.2f}, {v[2]:+.2f}]"


def paired_rows(result: EvalResult) -> tuple[list[str], list[list[str]]]:
    """The paired comparison: one row per other method (and scorer), or no rows."""
    if not result.paired:
        return [], []
    both = len(result.config.scorers) > 1
    header = ["versus"] + (["scorer"] if both else []) + [c[2] for c in PAIRED_COLUMNS] + ["time ratio"]
    rows = []
    for p in result.paired:
        ratio = f"{p.time_ratio:.2f}x" if p.time_ratio is not None else "n/a"
        rows.append([p.method] + ([p.scorer] if both else []) + [_signed(p.diffs[m][k]) for m, k, _ in PAIRED_COLUMNS]
                    + [ratio])
    return header, rows


def paired_title(result: EvalResult) -> str:
    base = result.paired[0].base
    return (f"{base} minus each method, cluster by cluster: mean difference in points [95% paired bootstrap CI]; "
            f"time ratio: {base}'s median seconds per cluster over the method's")


def _columns(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(x) for x in col) for col in zip(header, *rows, strict=True)]
    return ["  ".join(x.ljust(w) if i == 0 else x.rjust(w) for i, (x, w) in enumerate(zip(row, widths, strict=True)))
            for row in [header, *rows]]


def title(result: EvalResult) -> str:
    cfg = result.config
    return (f"ROUGE ({' + '.join(cfg.scorers)}), {cfg.describe()}, splitter {cfg.splitter}: "
            f"mean [95% bootstrap CI over clusters], median seconds per cluster")


def format_table(result: EvalResult) -> str:
    header, rows = table_rows(result)
    lines = [title(result), *_columns(header, rows)]
    p_header, p_rows = paired_rows(result)
    if p_rows:
        lines += ["", paired_title(result), *_columns(p_header, p_rows)]
    for note in result.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines)


def markdown_table(result: EvalResult, paired: bool = False) -> str:
    header, rows = paired_rows(result) if paired else table_rows(result)
    if not rows:
        return ""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def write_report(result: EvalResult, directory: str | Path, command: str = "") -> Path:
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    cfg = result.config
    with open(d / "summaries.jsonl", "w", encoding="utf-8") as fh:
        for c in result.clusters:
            for name, run in c.runs.items():
                fh.write(json.dumps({"id": c.id, "method": name, "budget": cfg.describe(), "summary": run.summary,
                                     "seconds": round(run.seconds, 5), "error": run.error}, ensure_ascii=False) + "\n")
    with open(d / "scores.jsonl", "w", encoding="utf-8") as fh:
        for c in result.clusters:
            for name, run in c.runs.items():
                for scorer, sc in run.scores.items():
                    fh.write(json.dumps({"id": c.id, "method": name, "scorer": scorer, "budget": cfg.describe(), **sc}) + "\n")
    chart = write_chart(result.rows, d / "scores.png", f"{cfg.describe()}, splitter {cfg.splitter}")
    md = [
        "# newsfuse eval report",
        "",
        f"- command: `{command}`" if command else "",
        f"- clusters scored: {len(result.clusters)} (skipped without references: {result.skipped})",
        f"- budget: {cfg.describe()} (every summary truncated to it before scoring"
        + (", as ROUGE-1.5.5 -b counts bytes: the spaces joining sentences not counted)" if cfg.unit == "bytes" else ")"),
        f"- splitter for peers and references: {cfg.splitter}",
        f"- scorers: {', '.join(cfg.scorers)}; several references are averaged",
        f"- wall time: {result.seconds:.1f} s",
        "",
        title(result),
        "",
        markdown_table(result),
        "",
        *([paired_title(result), "", markdown_table(result, paired=True), ""] if result.paired else []),
        *[f"Note: {n}" for n in result.notes],
        "",
        f"![scores]({chart.name})",
        "",
        "Files: `summaries.jsonl` (per cluster and method), `scores.jsonl` (per cluster, method and scorer; fractions).",
        "",
    ]
    (d / "report.md").write_text("\n".join(x for x in md if x is not None), encoding="utf-8")
    (d / "rows.json").write_text(json.dumps([r.to_dict() for r in result.rows], indent=1), encoding="utf-8")
    (d / "paired.json").write_text(json.dumps([p.to_dict() for p in result.paired], indent=1), encoding="utf-8")
    return d / "report.md"


def write_chart(rows: list[Row], path: Path, subtitle: str) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [r.method if len({x.scorer for x in rows}) == 1 else f"{r.method}\n({r.scorer})" for r in rows]
    fig, axes = plt.subplots(1, 2, figsize=(max(8, 1.6 * len(rows) + 3), 4.5), sharey=False)
    width = 0.26
    for ax, kind, name in ((axes[0], "r", "recall"), (axes[1], "f", "F1")):
        for j, metric in enumerate(("rouge1", "rouge2", "rougeL")):
            xs = [i + (j - 1) * width for i in range(len(rows))]
            means = [r.scores[metric][kind][0] for r in rows]
            err = [[r.scores[metric][kind][0] - r.scores[metric][kind][1] for r in rows],
                   [r.scores[metric][kind][2] - r.scores[metric][kind][0] for r in rows]]
            ax.bar(xs, means, width, yerr=err, capsize=2, label=metric.replace("rouge", "ROUGE-"))
        ax.set_xticks(range(len(rows)))
        ax.set_xticklabels(labels, fontsize=8)
        ax.set_title(f"ROUGE {name}")
        ax.set_ylabel("points (95% CI)")
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.suptitle(subtitle)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
