#!/usr/bin/env python3
"""Prints a JMH JSON result file (-rf json) as a Markdown table, with the run's JVM and machine.

Usage: report.py [target/results.json]

Columns: benchmark, parameters, mode, score ± error (99.9 % confidence interval, as JMH computes it),
unit, and for sample-time runs the 99th percentile of the individual samples (JMH's p0.99). After the
table, benchmarks with a parameter are compared with their run at the parameter's first value.
"""

import json
import math
import os
import platform
import sys

def number(value):
    """JMH writes NaN and infinities as strings."""
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def fmt(value):
    if math.isnan(value):
        return "n/a"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def short_name(benchmark):
    return benchmark.rsplit(".", 2)[-2] + "." + benchmark.rsplit(".", 1)[-1]


def params_text(params):
    if not params:
        return ""
    return ", ".join(f"{k}={v}" for k, v in params.items())


def p99(result):
    if result.get("mode") != "sample":
        return math.nan
    return number(result["primaryMetric"].get("scorePercentiles", {}).get("99.0"))


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average():
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main(path):
    try:
        with open(path, encoding="utf-8") as results_file:
            results = json.load(results_file)
    except (OSError, ValueError) as error:
        print(f"report.py: cannot read {path}: {error}", file=sys.stderr)
        return 1
    if not results:
        print(f"report.py: {path} holds no result", file=sys.stderr)
        return 1

    # JMH lists results mode by mode; list them benchmark by benchmark, then parameter, then mode.
    order = {}
    for result in results:
        order.setdefault((result["benchmark"], params_text(result.get("params"))), len(order))
    mode_order = {"avgt": 0, "sample": 1}
    results = sorted(results, key=lambda r: (order[(r["benchmark"], params_text(r.get("params")))],
                                             mode_order.get(r.get("mode"), 2)))

    first = results[0]
    print("## Rules engine benchmarks")
    print()
    print(f"- JVM: {first.get('vmName', '?')} {first.get('jdkVersion', '?')} ({first.get('vmVersion', '?')})"
          f", options: {' '.join(first.get('jvmArgs', [])) or 'none'}")
    print(f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores; load average (1/5/15 min) after the run: "
          f"{load_average()}")
    print(f"- JMH {first.get('jmhVersion', '?')}: forks {first.get('forks')}, "
          f"warm-up {first.get('warmupIterations')} × {first.get('warmupTime')}, "
          f"measurement {first.get('measurementIterations')} × {first.get('measurementTime')}, "
          f"threads {first.get('threads')}")
    print()
    print("| Benchmark | Params | Mode | Score ± Error | Unit | p99 |")
    print("|---|---|---|---:|---|---:|")
    for result in results:
        metric = result["primaryMetric"]
        score = number(metric["score"])
        error = number(metric.get("scoreError"))
        error_text = "" if math.isnan(error) else f" ± {fmt(error)}"
        p99_text = fmt(p99(result)) if result.get("mode") == "sample" else ""
        print(f"| {short_name(result['benchmark'])} | {params_text(result.get('params'))} "
              f"| {result.get('mode')} | {fmt(score)}{error_text} "
              f"| {metric.get('scoreUnit', '')} | {p99_text} |")

    # Each parameterised benchmark against its run at the first parameter value, mode by mode.
    groups = {}
    for result in results:
        if result.get("params"):
            groups.setdefault((result["benchmark"], result["mode"]), []).append(result)
    lines = []
    for (benchmark, mode), runs in groups.items():
        if len(runs) < 2:
            continue
        base = runs[0]
        base_score = number(base["primaryMetric"]["score"])
        for run in runs[1:]:
            ratio = number(run["primaryMetric"]["score"]) / base_score if base_score else math.nan
            text = (f"- {short_name(benchmark)} {mode}: {params_text(run['params'])} vs "
                    f"{params_text(base['params'])}: ×{ratio:.2f} (mean)")
            if mode == "sample":
                base_p99 = p99(base)
                ratio99 = p99(run) / base_p99 if base_p99 else math.nan
                text += f", ×{ratio99:.2f} (p99)"
            lines.append(text)
    if lines:
        print()
        print("Relative to the first parameter value (same run):")
        print()
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/results.json"))
