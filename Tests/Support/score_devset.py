#!/usr/bin/env python3
"""Scores `regpolicy extract` against the hand-labelled sentences of corpus/devset/sentences/.

usage: score_devset.py [--errors] REGPOLICY [ACT ...]   (run from the package root; default: every act)

--errors prints every statement whose class, modality or actor the extractor got wrong, after the
table (label, then prediction), for reading where it fails.

Acts are read with `extract --recitals` (the set samples recitals too). For each labelled
statement the extracted statement of the same clause whose text holds the
sentence's opening is the prediction (for a chapeau, which is read with its points: the first
statement of a point below it that starts with it; for a point below a limb, which is read as
part of the limb: the limb's statement that holds it; none found: no statement). Prints per act: regulatory vs
constitutive accuracy, modality accuracy and macro-F1 over the labelled modalities, and actor
accuracy on the regulatory statements (the predicted addressees, as words, against the label's
actors; `-` must predict none). The first statement of a sentence is scored in the table; a last
line counts the labelled second statements the extractor also reads (same sentence, second
statement, labelled modality). The made-up
sentences (handmade.tsv) have no clause: each is classified alone with `regpolicy classify`.
"""
import collections
import functools
import json
import re
import subprocess
import sys

REGULATORY = {"obligation", "prohibition", "permission", "right", "exemption", "recommendation"}
SOURCES = {
    "ai-act": "eu-ai-act/html/32024R1689_EN_OJ.html",
    "gdpr": "gdpr/32016R0679_EN_OJ.html",
    "dsa": "other-eu/32022R2065_DSA_EN_OJ.html",
    "dma": "other-eu/32022R1925_DMA_EN_OJ.html",
    "data-act": "other-eu/32023R2854_DataAct_EN_OJ.html",
    "dga": "other-eu/32022R0868_DGA_EN_OJ.html",
    "reach": "other-eu/formex-reach-consolidated/CL2006R1907EN0670010.0001.xml",
    "dsm-2019-790": "other-eu/formex-dsm-2019-790/L_2019130EN.01009201.xml",
    "eprivacy": "eprivacy/02002L0058-20091219_EN_consolidated.html",
    "reg-2024-903": "format-samples/reg-2024-903/32024R0903_EN_OJ.html",
    "sp800-53": "nist/NIST_SP-800-53_rev5_catalog.xml",
    "ai-rmf": "nist/nist_ai_rmf_playbook_2024-06.json",
}


def labels(act, number="1"):
    rows = []
    for line in open(f"corpus/devset/sentences/{act}.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        clause, kind, n, cls, modality, actor, how, counterparty, sentence = line.rstrip("\n").split("\t")
        if n == number:
            rows.append((clause, cls, modality, actor, sentence))
    return rows


def second_statements(rp, act):
    """For the sentences labelled with a second statement (n = 2): how many the extractor also
    reads as two, the second with the labelled modality."""
    rows = labels(act, "2")
    if not rows or act == "handmade":
        return 0, len(rows)
    by_clause = extracted(rp, act)
    found = 0
    for clause, _, modality, _, sentence in rows:
        same = [s for s in by_clause.get(clause, []) if sentence[:40] in s["text"]]
        found += len(same) >= 2 and same[1]["modality"] == modality
    return found, len(rows)


def party(addressee):
    """A role id, or for a party outside the role list its words without the article."""
    role = addressee.get("role")
    if role and role != "party":
        return role
    text = addressee.get("text", "").lower()
    for article in ("the ", "a ", "an ", "that ", "this ", "those ", "such "):
        if text.startswith(article):
            text = text[len(article):]
    return text


def words(role):
    """A role or party in a form that compares: lower-case, words apart, each singular (the labels
    are singular by docs/labelling.md; the extractor gives an unlisted party's words as written,
    "Competent authorities")."""
    def singular(word):
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        return word.rstrip("s")
    return " ".join(singular(w) for w in role.replace("-", " ").replace("_", " ").lower().split())


@functools.cache
def extracted(rp, act):
    """The act's statements as `extract --recitals` writes them, by clause (read once per act)."""
    out = subprocess.run([rp, "extract", "--recitals", "corpus/official/" + SOURCES[act]],
                         capture_output=True, text=True).stdout.splitlines()
    by_clause = collections.defaultdict(list)
    for line in out:
        item = json.loads(line)
        by_clause[item["clause"]].append(item)
    return by_clause


def predictions(rp, act, rows):
    if act == "handmade":
        out = subprocess.run([rp, "classify"], input="\n".join(r[4] for r in rows) + "\n",
                             capture_output=True, text=True, check=True).stdout.splitlines()
        result = []
        for line in out:
            item = json.loads(line)
            result.append((item.get("modality"), [party(a) for a in item.get("addressees", [])]))
        return result
    by_clause = extracted(rp, act)
    result = []
    for clause, _, _, _, sentence in rows:
        # A suggested action is read without its bullet marker ("- Establish …"), and each bullet
        # on its own: the sampler's sentence may run over several.
        opening = re.split(r" [-*] ", sentence.lstrip("-* "))[0][:40]
        match = next((s for s in by_clause.get(clause, []) if opening in s["text"]), None)
        if match is None:
            # A chapeau is read with its points: its statement is the first point's.
            match = next((s for c, found in by_clause.items() if c.startswith(clause + ".")
                          for s in found if s["text"].startswith(opening)), None)
        parent = clause
        while match is None and "." in parent:
            # A point below a limb is read as part of the limb.
            parent = parent.rsplit(".", 1)[0]
            match = next((s for s in by_clause.get(parent, []) if opening in s["text"]), None)
        if match is None:
            result.append((None, []))
        else:
            result.append((match["modality"], [party(a) for a in match["addressees"]]))
    return result


def score(rp, act):
    rows = labels(act)
    predicted = predictions(rp, act, rows)
    cls_ok = mod_ok = actor_ok = actor_n = 0
    confusion = collections.Counter()
    errors = []
    for (clause, cls, modality, actor, sentence), (pmod, paddr) in zip(rows, predicted):
        pcls = "regulatory" if pmod in REGULATORY else "constitutive"
        cls_ok += pcls == cls
        mod_ok += pmod == modality
        confusion[(modality, pmod)] += 1
        actor_right = True
        if cls == "regulatory":
            actor_n += 1
            want = {words(a) for a in actor.split("|")} if actor != "-" else set()
            got = {words(a) for a in paddr}
            actor_right = want == got
            actor_ok += actor_right
        if pmod != modality or not actor_right:
            errors.append(f"{act}\t{clause}\t{modality}/{actor}\t{pmod}/{'|'.join(paddr) or '-'}\t{sentence[:160]}")
    modalities = sorted({m for m, _ in confusion})
    f1s = []
    for m in modalities:
        tp = confusion[(m, m)]
        fp = sum(c for (g, p), c in confusion.items() if p == m and g != m)
        fn = sum(c for (g, p), c in confusion.items() if g == m and p != m)
        f1s.append(0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    n = len(rows)
    result = (n, cls_ok / n, mod_ok / n, sum(f1s) / len(f1s), (actor_ok / actor_n if actor_n else 0), actor_n)
    return result, errors


def main():
    args = sys.argv[1:]
    show = "--errors" in args
    args = [a for a in args if a != "--errors"]
    rp = args[0]
    acts = args[1:] or list(SOURCES) + ["handmade"]
    print("act\tstatements\tregulatory_acc\tmodality_acc\tmodality_macro_f1\tactor_acc\tregulatory_statements")
    wrong = []
    for act in acts:
        (n, cls, mod, f1, actor, actor_n), errors = score(rp, act)
        wrong += errors
        print(f"{act}\t{n}\t{cls:.3f}\t{mod:.3f}\t{f1:.3f}\t{actor:.3f}\t{actor_n}")
    matched = labelled = 0
    for act in acts:
        found, total = second_statements(rp, act)
        matched += found
        labelled += total
    print(f"# second statements (n = 2 labels of the corpus acts; made-up ones not scored): {matched} of {labelled}")
    if show:
        print()
        print("\n".join(wrong))


main()
