#!/usr/bin/env python3
"""The table of bench/run.sh (issue #16): every figure, each repetition, median, spread (min–max), goal, verdict.

    python3 bench/table.py LINES

LINES holds what bench/Bench.java and run.sh printed:
    RESULT row=… rep=… rate=… p50=… p99=… n=… errors=… secs=…    (Bench.java, one measurement window)
    RESULT row=start-<svc>|rss-<svc> rep=… value=…              (run.sh: ms, MiB)
    CPU row=… rep=… secs=… loadgen=… <process>=… others=… busy_pct=…
    RSS rep=… <process>=… total=…                               (MiB)
A ratio is taken repetition by repetition (rep i of one row ÷ rep i of the other: measured in the same round),
then its median and spread are those of the per-repetition ratios.
"""
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import kiban_services  # noqa: E402

SERVICES = kiban_services.services()  # KIBAN_SERVICES of scripts/lib.sh
SUITE = SERVICES + ["console", "keycloak", "mariadbd"]
BUSY_SHARE = 0.10  # "others" above 10 % of one core during a window: the machine was not idle


def parse(path):
    results, cpu, rss = {}, [], []
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if not parts or parts[0] not in ("RESULT", "CPU", "RSS"):
            continue
        kv = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
        if parts[0] == "RESULT":
            results.setdefault(kv["row"], {})[int(kv["rep"])] = kv
        elif parts[0] == "CPU":
            cpu.append(kv)
        else:
            rss.append(kv)
    return results, cpu, rss


def fmt(v, unit):
    if v is None:
        return "n/a"
    if unit == "×":
        return f"{v:.3f}×"
    if unit == "/s":
        return f"{v:,.0f}/s" if v >= 100 else f"{v:,.1f}/s"
    if unit == "ms" and v < 100:
        return f"{v:.1f} ms"
    return f"{v:,.0f} {unit}"


def main():
    results, cpu, rss = parse(sys.argv[1])
    reps = sorted({r for row in results.values() for r in row} | {int(x["rep"]) for x in rss}) or [1]
    figures = []  # (name, {rep: value}, unit, goal text, predicate or None)

    def series(row, field, cast=float):
        return {rep: cast(kv[field]) for rep, kv in results.get(row, {}).items() if field in kv}

    def ratio(a, b):
        sa, sb = series(a, "rate"), series(b, "rate")
        return {r: sa[r] / sb[r] for r in sa if r in sb and sb[r] > 0}

    def add(name, values, unit, goal="reference", pred=None):
        if values:
            figures.append((name, values, unit, goal, pred))

    add("GET /q/health/live — HTTP floor, no token", series("floor", "rate"), "/s")
    add("GET /hardware?environment=BENCH_TOKEN_COST — token + role check, then 400 before any database work", series("token", "rate"), "/s")
    add("GET /hardware/{id}", series("get", "rate"), "/s")
    add("raw: the same SELECT by primary key over JDBC (autocommit), same rows, same number of connections", series("raw-select", "rate"), "/s")
    add("**GET by id ÷ raw primary-key select**", ratio("get", "raw-select"), "×", "≥ 0.30×", lambda v: v >= 0.30)
    add("POST /hardware (audit chain, idempotency, history)", series("post", "rate"), "/s")
    add("raw single-row INSERT, autocommit", series("raw-insert", "rate"), "/s")
    add("raw: the statements the service issues per POST, one transaction", series("raw-tx", "rate"), "/s")
    add("POST ÷ raw single-row insert", ratio("post", "raw-insert"), "×")
    add("**POST ÷ the same statements over raw JDBC in one transaction**", ratio("post", "raw-tx"), "×",
        "≥ 0.50×", lambda v: v >= 0.50)
    half = results.get("post-half", {})
    rate_txt = ""
    if half:
        achieved = statistics.median(float(kv["rate"]) for kv in half.values())
        target = statistics.median(float(kv.get("target", "nan")) for kv in half.values())
        rate_txt = f" (open loop at {target:.1f}/s, {achieved:.1f}/s answered)"
    add("**POST p99 at half of its saturated rate**" + rate_txt, series("post-half", "p99"), "ms", "≤ 50 ms",
        lambda v: v <= 50)
    for svc in SERVICES:
        add(f"**{svc}-service start to ready** (second JVM of the packaged jar)",
            {r: float(kv["value"]) for r, kv in results.get(f"start-{svc}", {}).items()}, "ms", "≤ 1,000 ms",
            lambda v: v <= 1000)
    for svc in SERVICES:
        add(f"**{svc}-service RSS after the first authenticated request**",
            {r: float(kv["value"]) for r, kv in results.get(f"rss-{svc}", {}).items()}, "MiB", "≤ 160 MiB",
            lambda v: v <= 160)
    names = [k for k in (rss[0].keys() if rss else []) if k not in ("rep", "total")]
    missing = [p for p in SUITE if p not in names]
    add("**whole suite up: total RSS** (" + " + ".join(names) + ")"
        + (f" — INCOMPLETE, not running: {', '.join(missing)}" if missing else ""),
        {int(kv["rep"]): float(kv["total"]) for kv in rss}, "MiB", "≤ 1,536 MiB (1.5 GiB)",
        None if missing else (lambda v: v <= 1536))

    head = "| figure | " + " | ".join(f"rep {r}" for r in reps) + " | median | spread (min–max) | goal | verdict |"
    out = [head, "|---|" + "---|" * len(reps) + "---|---|---|---|"]
    for name, values, unit, goal, pred in figures:
        vals = list(values.values())
        med = statistics.median(vals)
        spread = f"{fmt(min(vals), unit)} – {fmt(max(vals), unit)}"
        verdict = ("n/a" if goal != "reference" else "—") if pred is None else ("met" if pred(med) else "**not met**")
        cells = [fmt(values.get(r), unit) if r in values else "" for r in reps]
        out.append(f"| {name} | " + " | ".join(cells) + f" | {fmt(med, unit)} | {spread} | {goal} | {verdict} |")

    # latency and errors of the closed-loop rows
    lat = []
    for row, kvs in results.items():
        if "p99" not in next(iter(kvs.values())):
            continue
        p50 = statistics.median(float(kv["p50"]) for kv in kvs.values())
        p99 = statistics.median(float(kv["p99"]) for kv in kvs.values())
        err = sum(int(kv["errors"]) for kv in kvs.values())
        n = sum(int(kv["n"]) for kv in kvs.values())
        lat.append(f"{row} p50 {p50:.2f} ms, p99 {p99:.2f} ms, {n:,} ok" + (f", **{err} errors**" if err else ""))
    out += ["", "Latency (median over the repetitions): " + "; ".join(lat) + "."]

    # CPU per process, per measurement window
    if cpu:
        procs = [k for k in cpu[0] if k not in ("row", "rep", "secs", "others", "busy_pct")]
        out += ["", "CPU used during each window, in % of one core (utime+stime from /proc/<pid>/stat of each process "
                "tree; others = the machine's busy time minus these; busy = the whole machine, all cores):", "",
                "| row | rep | " + " | ".join(procs) + " | others | machine busy |",
                "|---|---|" + "---|" * len(procs) + "---|---|"]
        busy = []
        for kv in cpu:
            secs = float(kv["secs"])
            cells = [f"{100 * float(kv[p]) / secs:.0f} %" for p in procs]
            others = 100 * float(kv["others"]) / secs
            out.append(f"| {kv['row']} | {kv['rep']} | " + " | ".join(cells) + f" | {others:.0f} % | {kv['busy_pct']} % |")
            if others > 100 * BUSY_SHARE:
                busy.append(f"{kv['row']} rep {kv['rep']} ({others:.0f} %)")
        if busy:
            out += ["", f"**The machine was not idle**: processes outside the suite and the load generator used more than "
                    f"{100 * BUSY_SHARE:.0f} % of a core during " + ", ".join(busy) + ". Treat these figures as "
                    "disturbed."]
        else:
            out += ["", f"Processes outside the suite and the load generator stayed under {100 * BUSY_SHARE:.0f} % of a "
                    "core in every window."]
    if rss:
        out += ["", "RSS at the end of each round (MiB): " + "; ".join(
            f"rep {kv['rep']}: " + ", ".join(f"{k} {v}" for k, v in kv.items() if k != "rep") for kv in rss) + "."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
