#!/usr/bin/env python3
"""Prints the medians of the last `cargo bench` run as a table, each group's rows as a ratio to
the group's yardstick (the row whose name starts with "yardstick"), measured in the same run.

Usage: cargo bench && python3 benches/table.py
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
if not root.is_dir():
    sys.exit("no criterion results: run `cargo bench` first")


def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


rows = []
for estimates in sorted(root.glob("*/*/new/estimates.json")):
    bench = json.loads((estimates.parent / "benchmark.json").read_text())
    median = json.loads(estimates.read_text())["median"]["point_estimate"]
    rows.append((bench["group_id"], bench.get("function_id") or "", median))

print(f"| {'group':<22} | {'benchmark':<28} | {'median':>10} | {'× yardstick':>11} |")
print(f"|{'-' * 24}|{'-' * 30}|{'-' * 12}|{'-' * 13}|")
for group in sorted({r[0] for r in rows}):
    members = [r for r in rows if r[0] == group]
    yard = next((m for _, name, m in members if name.startswith("yardstick")), None)
    for _, name, median in sorted(members, key=lambda r: not r[1].startswith("yardstick")):
        ratio = f"{median / yard:.1f}" if yard else "-"
        print(f"| {group:<22} | {name:<28} | {human(median):>10} | {ratio:>11} |")
