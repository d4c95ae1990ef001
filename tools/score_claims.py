#!/usr/bin/env python3
"""Pair precision and recall of claims against a gold links file.

usage: score_claims.py GOLD_LINKS CLAIMS_JSONL [--show]

A pair is two mentions in different documents grouped into one claim. Gold
pairs are the links whose relation starts with `same_fact`; a predicted
mention matches a gold figure when the document is the same and the start
is within 2 code points. Also reports how many gold conflicts are grouped
and flagged as disagreeing.
"""
import json, sys, itertools

gold_path, pred_path = sys.argv[1], sys.argv[2]
show = "--show" in sys.argv
gold, conflicts = set(), set()
for line in open(gold_path, encoding="utf-8"):
    k = json.loads(line)
    if not k["relation"].startswith("same_fact"):
        continue
    a, b = (k["a"]["doc"], k["a"]["start"]), (k["b"]["doc"], k["b"]["start"])
    pair = tuple(sorted([a, b]))
    gold.add(pair)
    if k["relation"] == "same_fact_conflicts":
        conflicts.add(pair)

def near(p, q):
    return p[0] == q[0] and abs(p[1] - q[1]) <= 2

pred, disagreeing = set(), set()
for line in open(pred_path, encoding="utf-8"):
    c = json.loads(line)
    ms = [(m["doc"], m["start"]) for m in c["mentions"]]
    for a, b in itertools.combinations(ms, 2):
        if a[0] == b[0]:
            continue
        pair = tuple(sorted([a, b]))
        pred.add(pair)
        if c["verdict"] == "disagrees":
            disagreeing.add(pair)

def matched(p, pool):
    return any(near(p[0], g[0]) and near(p[1], g[1]) for g in pool)

tp = [p for p in pred if matched(p, gold)]
fn = [g for g in gold if not matched(g, pred)]
precision = len(tp) / len(pred) if pred else 0.0
recall = (len(gold) - len(fn)) / len(gold) if gold else 0.0
flagged = [g for g in conflicts if matched(g, disagreeing)]
print(f"pairs: predicted {len(pred)}, gold {len(gold)}, correct {len(tp)}")
print(f"precision {precision:.3f}  recall {recall:.3f}")
print(f"conflicts flagged: {len(flagged)} of {len(conflicts)}")
if show:
    for p in sorted(set(pred) - set(tp)):
        print("extra  ", p)
    for g in sorted(fn):
        print("missed ", g)
