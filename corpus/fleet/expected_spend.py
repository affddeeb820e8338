#!/usr/bin/env python3
"""Independent computation of the figures `regpolicy report` must produce for the synthetic fleet.

Joins FinOps FOCUS cost rows to the Kubernetes workloads of a fleet by tag, and prices the fleet's
compliance gaps ("spend at risk"), without any of regpolicy's Swift code. Standard library and
PyYAML only; every amount is a decimal.Decimal (never a float), summed exactly.

    python3 expected_spend.py --profile corpus/fleet/profile.yaml \\
        --manifests corpus/fleet/manifests \\
        --violations corpus/fleet/expected-violations.json FOCUS.csv [FOCUS.csv ...]

Prints one JSON object (keys sorted; amounts as exact decimal strings without exponent or trailing
zeros). Several CSV files are one run over the union of their rows. Exit 2 on any input error
(e.g. rows with different BillingCurrency values). README.md next to this script documents the rules.
"""

import argparse
import csv
import datetime
import decimal
import json
import os
import sys

import yaml

WORKLOAD_KINDS = {"CronJob", "DaemonSet", "Deployment", "Job", "Pod", "ReplicaSet", "StatefulSet"}
NULLS = {"", "NULL"}  # FOCUS 1.3 samples write null as an empty field, the 1.0 sample as NULL
UNTAGGED = "(untagged)"  # a cost row without the tag
UNLABELLED = "(unlabelled)"  # a workload without the label

# Exact arithmetic: any rounding at all is an error, not a silent loss of digits.
decimal.setcontext(decimal.Context(prec=1000, traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation]))
ZERO = decimal.Decimal(0)


class InputError(Exception):
    pass


def amount(d):
    """'12.5', '0', '33773.232522429145313': no exponent, no trailing zeros, no '-0'."""
    if d == 0:
        return "0"
    return format(d.normalize(), "f")


def text(value):
    """A YAML scalar as a string label value, or None (labels must be strings: 42 or true are not)."""
    return value if isinstance(value, str) else None


def nonblank(value):
    return value if isinstance(value, str) and value.strip() else None


# ---------------------------------------------------------------------------------------- profile


def read_profile(path):
    with open(path, encoding="utf-8") as f:
        profile = yaml.safe_load(f)
    if not isinstance(profile, dict):
        raise InputError(f"{path}: not a mapping")
    prefix = profile.get("prefix")
    finops = profile.get("finops-prefix") or prefix
    overrides = profile.get("keys") or {}

    def key(prop, family_prefix):
        return overrides.get(prop) or f"{family_prefix}/{prop}"

    costs = profile.get("costs")
    if not isinstance(costs, dict) or not isinstance(costs.get("tags"), dict):
        raise InputError(f"{path}: no costs.tags section")
    tags = {}
    for label in ("workload-id", "cost-center", "owner"):
        keys = costs["tags"].get(label) or []
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise InputError(f"{path}: costs.tags.{label} is not a list of tag keys")
        tags[label] = keys
    return {
        "system": key("system", prefix),
        "workload-id": key("workload-id", finops),
        "cost-center": key("cost-center", finops),
        "owner": key("owner", finops),
        "gpu": (profile.get("gpu") or {}).get("resource") or "nvidia.com/gpu",
        "tags": tags,
        "column": costs.get("column") or "EffectiveCost",
    }


# -------------------------------------------------------------------------------------- manifests


def manifest_files(path):
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.endswith((".yaml", ".yml")))
        return [os.path.join(path, n) for n in names]
    return [path]


def documents(path):
    with open(path, encoding="utf-8") as f:
        for doc in yaml.safe_load_all(f):
            if not isinstance(doc, dict):
                continue  # empty document
            kind = doc.get("kind")
            if isinstance(kind, str) and kind.endswith("List") and isinstance(doc.get("items"), list):
                yield from (item for item in doc["items"] if isinstance(item, dict))
            else:
                yield doc


def containers(obj):
    spec = obj.get("spec") or {}
    if obj["kind"] == "Pod":
        pod = spec
    elif obj["kind"] == "CronJob":
        pod = ((((spec.get("jobTemplate") or {}).get("spec") or {}).get("template") or {}).get("spec")) or {}
    else:
        pod = ((spec.get("template") or {}).get("spec")) or {}
    return [c for c in (pod.get("containers") or []) if isinstance(c, dict)]


def gpus(obj, resource):
    """GPUs requested: per container the limit, else the request; numbers or digit strings."""
    total = ZERO
    for container in containers(obj):
        resources = container.get("resources") or {}
        limits = resources.get("limits") or {}
        requests = resources.get("requests") or {}
        quantity = limits[resource] if resource in limits else requests.get(resource)
        if isinstance(quantity, bool):
            continue
        if isinstance(quantity, (int, float)):
            total += decimal.Decimal(str(quantity))
        elif isinstance(quantity, str) and quantity.isascii() and quantity.isdigit():
            total += decimal.Decimal(quantity)
    return total


def read_fleet(path, keys):
    """The workload objects in file order, and the fleet workloads {id: {cost-center, owner, gpu-ai}}."""
    objects = []
    for file in manifest_files(path):
        for doc in documents(file):
            if doc.get("kind") not in WORKLOAD_KINDS:
                continue  # ConfigMap, Service, ...: not a workload, ignored
            meta = doc.get("metadata") or {}
            labels = meta.get("labels") or {}
            namespace = text(meta.get("namespace")) or "default"
            objects.append({
                "subject": f"{doc['kind'].lower()}/{namespace}/{meta.get('name')}",
                "workload-id": nonblank(text(labels.get(keys["workload-id"]))),
                "cost-center": nonblank(text(labels.get(keys["cost-center"]))),
                "owner": nonblank(text(labels.get(keys["owner"]))),
                "ai": text(labels.get(keys["system"])) == "true",
                "gpus": gpus(doc, keys["gpu"]),
            })
    workloads = {}
    for obj in objects:
        wid = obj["workload-id"]
        if wid is None:
            continue
        if wid not in workloads:  # the first object in file order names cost centre and owner
            workloads[wid] = {"cost-center": obj["cost-center"], "owner": obj["owner"], "gpu-ai": False}
        if obj["ai"] and obj["gpus"] > 0:
            workloads[wid]["gpu-ai"] = True
    return objects, workloads


def read_violations(path, objects, workloads):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    by_control = {}
    unlabelled = set()
    unlabelled_subjects = {o["subject"] for o in objects if o["workload-id"] is None}
    for control, ids in data.items():
        if control == "unlabelled":
            for ctl, subjects in ids.items():
                for subject in subjects:
                    if subject not in unlabelled_subjects:
                        raise InputError(f"{path}: unlabelled {ctl}: {subject} is no workload without a workload id")
                    unlabelled.add(subject)
            continue
        for wid in ids:
            if wid not in workloads:
                raise InputError(f"{path}: {control}: {wid} is not a fleet workload id")
        by_control[control] = set(ids)
    return by_control, sorted(unlabelled)


# -------------------------------------------------------------------------------------- cost rows


def null(value):
    return value is None or value in NULLS


def tag_object(value, where):
    if null(value):
        return None
    try:
        obj = json.loads(value)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: tags are not JSON ({error})")
    if not isinstance(obj, dict):
        raise InputError(f"{where}: tags are not a JSON object")
    return obj


def tag_value(tag_objects, keys):
    """The first of the keys found in AllocatedTags, else the first found in Tags.

    A key counts as found when its value is a non-blank string; keys match case-sensitively."""
    for obj in tag_objects:
        if obj is None:
            continue
        for key in keys:
            value = nonblank(obj.get(key))
            if value is not None:
                return value
    return None


def instant(value, where):
    """ChargePeriodStart/End for comparison only ('2026-05-01T00:00:00Z', '2024-09-01 00:00:00')."""
    iso = value.strip().replace(" ", "T", 1)
    if iso.endswith("Z"):
        iso = iso[:-1] + "+00:00"
    try:
        moment = datetime.datetime.fromisoformat(iso)
    except ValueError:
        raise InputError(f"{where}: '{value}' is not a date-time")
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)


def read_rows(paths, keys):
    for path in paths:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            if keys["column"] not in (reader.fieldnames or []):
                raise InputError(f"{path}: no column {keys['column']}")
            for row in reader:
                where = f"{path}:{reader.line_num}"
                raw = row.get(keys["column"])
                try:
                    cost = ZERO if null(raw) else decimal.Decimal(raw.strip())
                except decimal.InvalidOperation:
                    raise InputError(f"{where}: {keys['column']} '{raw}' is not a number")
                if not cost.is_finite():
                    raise InputError(f"{where}: {keys['column']} '{raw}' is not a finite number")
                tags = (tag_object(row.get("AllocatedTags"), where), tag_object(row.get("Tags"), where))
                yield {
                    "where": where,
                    "cost": cost,
                    "currency": None if null(row.get("BillingCurrency")) else row["BillingCurrency"],
                    "start": None if null(row.get("ChargePeriodStart")) else row["ChargePeriodStart"],
                    "end": None if null(row.get("ChargePeriodEnd")) else row["ChargePeriodEnd"],
                    "workload-id": tag_value(tags, keys["tags"]["workload-id"]),
                    "cost-center": tag_value(tags, keys["tags"]["cost-center"]),
                    "owner": tag_value(tags, keys["tags"]["owner"]),
                }


# ---------------------------------------------------------------------------------------- compute


def add(table, key, value):
    table[key] = table.get(key, ZERO) + value


def compute(keys, workloads, by_control, unlabelled, csv_paths):
    currencies = set()
    start = end = None
    rows = 0
    total = ZERO
    allocated = {wid: ZERO for wid in workloads}
    unallocated = ZERO
    un_cc, un_owner = {}, {}
    for row in read_rows(csv_paths, keys):
        rows += 1
        total += row["cost"]
        if row["currency"] is not None:
            currencies.add(row["currency"])
        if row["start"] is not None:
            moment = instant(row["start"], row["where"])
            if start is None or moment < start[0]:
                start = (moment, row["start"])
        if row["end"] is not None:
            moment = instant(row["end"], row["where"])
            if end is None or moment > end[0]:
                end = (moment, row["end"])
        wid = row["workload-id"]
        if wid is not None and wid in allocated:
            allocated[wid] += row["cost"]
        else:
            unallocated += row["cost"]
            add(un_cc, row["cost-center"] or UNTAGGED, row["cost"])
            add(un_owner, row["owner"] or UNTAGGED, row["cost"])
    if len(currencies) > 1:
        raise InputError("several billing currencies: " + ", ".join(sorted(currencies)))

    violating = set().union(*by_control.values()) if by_control else set()
    risk_cc, risk_owner = {}, {}
    for wid in violating:
        add(risk_cc, workloads[wid]["cost-center"] or UNLABELLED, allocated[wid])
        add(risk_owner, workloads[wid]["owner"] or UNLABELLED, allocated[wid])
    risk_total = sum((allocated[w] for w in violating), ZERO)
    gpu_ai = sum((allocated[w] for w, info in workloads.items() if info["gpu-ai"]), ZERO)

    def amounts(table):
        return {k: amount(v) for k, v in table.items()}

    return {
        "currency": currencies.pop() if currencies else None,
        "period": {"start": start[1] if start else None, "end": end[1] if end else None},
        "rows": rows,
        "total": amount(total),
        "allocated": amounts(allocated),
        "unallocated": {"total": amount(unallocated), "by-cost-center": amounts(un_cc), "by-owner": amounts(un_owner)},
        "at-risk": {
            "total": amount(risk_total),
            "by-control": {c: amount(sum((allocated[w] for w in ids), ZERO)) for c, ids in by_control.items()},
            "by-cost-center": amounts(risk_cc),
            "by-owner": amounts(risk_owner),
        },
        "gpu-ai": amount(gpu_ai),
        "unlabelled-violators": unlabelled,
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", required=True)
    parser.add_argument("--manifests", required=True, help="a folder of *.yaml files (sorted by name) or one file")
    parser.add_argument("--violations", required=True, help="expected-violations.json")
    parser.add_argument("csv", nargs="+", help="FOCUS cost-and-usage CSV files (one run = their union)")
    args = parser.parse_args(argv)
    try:
        keys = read_profile(args.profile)
        objects, workloads = read_fleet(args.manifests, keys)
        by_control, unlabelled = read_violations(args.violations, objects, workloads)
        result = compute(keys, workloads, by_control, unlabelled, args.csv)
    except (InputError, OSError, yaml.YAMLError, json.JSONDecodeError, csv.Error) as error:
        print(f"expected_spend.py: {error}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, sort_keys=True, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
