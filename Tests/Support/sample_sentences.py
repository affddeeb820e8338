#!/usr/bin/env python3
"""Stratified, seeded sample of sentences from one ingested act, for hand labelling.

usage: sample_sentences.py REGPOLICY CORPUS_FILE SLUG COUNT > SLUG.candidates.tsv
Writes: clause<TAB>kind<TAB>sentence. Strata: articles 75 %, annexes 15 %, recitals 10 %
(when the act has them). Sentences are split on '. ' / '; ' + capital or end; points keep
their chapeau out (labellers see the clause and can look it up with the context file)."""
import json, random, re, subprocess, sys

rp, path, slug, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
doc = json.loads(subprocess.run([rp, "ingest", path, "--format", "json"], capture_output=True, check=True).stdout)

ABBREV = re.compile(r"(?:\b(?:No|Nos|Art|p|pp|e\.g|i\.e|etc|cf|para|OJ|Vol|Dir|Reg|Mr|Ms|Dr|St|vs|approx|incl|viz)\.|\b[A-Z]\.|\d\.)$")

def sentences(text):
    out, start = [], 0
    for m in re.finditer(r"(?<=[.;:])\s+(?=[A-Z(‘“'\"])", text):
        head = text[start:m.start()]
        if ABBREV.search(head):
            continue
        out.append(head.strip()); start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if len(s) >= 25]

units = {"article": [], "annex": [], "recital": [], "other": []}
def walk(node, stratum):
    kind = node.get("kind")
    if kind in ("article", "control", "subcategory", "category", "function") or (stratum is None and kind not in ("annex", "recital", "preamble", "citation", "footnote", "final")):
        s = "article"
    elif kind == "annex":
        s = "annex"
    elif kind == "recital":
        s = "recital"
    else:
        s = stratum
    text = (node.get("text") or "").replace("\t", " ").replace("\n", " ")
    # The Playbook's references and "document the following" questions are no statements.
    skip = node["id"].endswith((".smt_ref", ".smt_doc"))
    if text and kind not in ("citation", "footnote", "final", "preamble") and s and not skip:
        for sent in sentences(text):
            units[s].append((node["id"], kind, sent))
    for child in node.get("children", []):
        walk(child, s if kind in ("article", "annex", "recital") or s else None)

for p in doc["provisions"]:
    walk(p, None)
rng = random.Random(f"regpolicy-devset-{slug}")
share = {"article": 0.75, "annex": 0.15, "recital": 0.10}
picked = []
available = {k: v for k, v in units.items() if v and k in share}
total_share = sum(share[k] for k in available)
for k, v in available.items():
    n = min(len(v), round(count * share[k] / total_share))
    picked += rng.sample(v, n)
order = {}
for i, (cid, _, s) in enumerate(u for k in ("article", "annex", "recital", "other") for u in units[k]):
    order.setdefault((cid, s), i)
picked.sort(key=lambda u: order[(u[0], u[2])])
for cid, kind, s in picked:
    print(f"{cid}\t{kind}\t{s}")
