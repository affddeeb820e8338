#!/usr/bin/env python3
"""An independent evaluator of the Kyverno ClusterPolicies regpolicy generates (no Kyverno engine
installs here). It reads the generated YAML and evaluates exactly the constructs the templates emit,
with Kyverno 1.19's semantics as its documentation and source describe them; anything else in a
policy is an error naming it, so a template that starts emitting something new fails the tests
instead of being misread.

Usage:
  kyverno_eval.py TREE MANIFEST...   verdicts of every kyverno/*/*/clusterpolicy.yaml on every object
  kyverno_eval.py --tests TREE       runs every kyverno/*/*/kyverno-test.yaml as `kyverno test` would

Covered (validate rules of a ClusterPolicy):
- match.any[].resources.kinds (bare kind names) and exclude.any[].resources.namespaces;
- preconditions.all / deny.conditions.any with the operators Equals, NotEquals (booleans, and
  strings that are neither quantities nor durations: Kyverno tries those first), AnyIn, AnyNotIn
  (strings and lists of strings, values as Kyverno wildcards: * and ?), GreaterThan, LessThan
  (numbers);
- context entries `variable.value` and `variable.jmesPath`, loaded in order;
- variables: a value that is one whole `{{ expression }}` becomes the expression's value with its
  type; a null result is an error, as in Kyverno;
- JMESPath (the jmespath package) with Kyverno's functions regex_match, regex_replace_all, split,
  lookup, add and sum (numbers; sum needs one element at least, as Kyverno's). Regular expressions
  are RE2 syntax: \\x{HH} and \\p{Z} are translated to Python's re, other \\p classes are refused.

Prints one JSON object; exits 0 unless an input cannot be read or a policy uses something not
covered (exit 2, with the reason on standard error).
"""
import glob
import json
import re
import sys

import jmespath
import yaml
from jmespath import functions


class NotCovered(Exception):
    """A policy construct this evaluator does not implement."""


# Go's unicode.IsSpace / Unicode White_Space minus the ASCII controls: what \p{Z} and \x{85} add.
SEPARATORS = "\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def python_regex(pattern):
    """An RE2 pattern as Python's re reads it (the subset the policies use)."""
    if "[[:" in pattern:
        raise NotCovered("POSIX character class in %r" % pattern)
    out = re.sub(r"\\x\{([0-9A-Fa-f]+)\}", lambda m: "\\U%08x" % int(m.group(1), 16), pattern)
    pieces = out.split("\\p{Z}")
    out = pieces[0]
    for piece in pieces[1:]:
        # Inside a character class the separators join it; outside they are a class of their own.
        inside = re.sub(r"\\.", "", out).count("[") > re.sub(r"\\.", "", out).count("]")
        out += (SEPARATORS if inside else "[" + SEPARATORS + "]") + piece
    if re.search(r"\\[pP]", out):
        raise NotCovered("Unicode class in %r" % pattern)
    return out.replace("\\z", "\\Z")


class KyvernoFunctions(functions.Functions):
    @functions.signature({"types": ["string"]}, {"types": ["string", "number"]})
    def _func_regex_match(self, pattern, value):
        return re.search(python_regex(pattern), to_text(value)) is not None

    @functions.signature({"types": ["string"]}, {"types": ["string", "number"]}, {"types": ["string", "number"]})
    def _func_regex_replace_all(self, pattern, value, replacement):
        # Go's ReplaceAllString expands $1; the policies replace with '' only.
        if "$" in to_text(replacement):
            raise NotCovered("regex_replace_all with a $ expansion")
        return re.sub(python_regex(pattern), to_text(replacement), to_text(value))

    @functions.signature({"types": ["string"]}, {"types": ["string"]})
    def _func_split(self, value, separator):
        return value.split(separator)

    @functions.signature({"types": ["object", "array"]}, {"types": ["string", "number"]})
    def _func_lookup(self, collection, key):
        if isinstance(collection, dict):
            if not isinstance(key, str):
                raise NotCovered("lookup of a non-string key in an object")
            return collection.get(key)
        if not isinstance(key, (int, float)) or key != int(key):
            raise NotCovered("lookup of a non-integer index in an array")
        index = int(key)
        return collection[index] if 0 <= index < len(collection) else None

    @functions.signature({"types": ["number"]}, {"types": ["number"]})
    def _func_add(self, left, right):
        return left + right

    @functions.signature({"types": ["array"]})
    def _func_sum(self, items):
        if not items:
            raise NotCovered("sum of an empty array (Kyverno: at least one element is required)")
        if not all(isinstance(item, (int, float)) and not isinstance(item, bool) for item in items):
            raise NotCovered("sum of quantities or durations")
        return sum(items)


OPTIONS = jmespath.Options(custom_functions=KyvernoFunctions())


def to_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NotCovered("a string function applied to %r" % (value,))
    return ("%d" % value) if value == int(value) else repr(value)


WHOLE_VARIABLE = re.compile(r"^\{\{\s*(.*?)\s*\}\}$", re.S)


def substitute(value, context):
    """Kyverno's variable substitution, for the forms the policies use."""
    if isinstance(value, list):
        return [substitute(item, context) for item in value]
    if isinstance(value, dict):
        return {key: substitute(item, context) for key, item in value.items()}
    if not isinstance(value, str) or "{{" not in value:
        return value
    whole = WHOLE_VARIABLE.match(value)
    if not whole or "{{" in whole.group(1):
        raise NotCovered("a variable inside other text: %r" % value)
    result = jmespath.search(whole.group(1), context, options=OPTIONS)
    if result is None:
        raise NotCovered("variable %r resolved to null (Kyverno: substitution failed)" % value)
    return result


def wildcard(pattern, text):
    """Kyverno's wildcard.Match: * any run of characters, ? one character."""
    expression = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(expression, text, re.S) is not None


QUANTITY_OR_DURATION = re.compile(r"^[+-]?(\d|\.\d)")


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def strings(value, what):
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in items):
        raise NotCovered("%s that is not strings: %r" % (what, value))
    return items


def condition(entry, context):
    """One condition's truth."""
    unknown = set(entry) - {"key", "operator", "value", "message"}
    if unknown:
        raise NotCovered("condition keys %s" % sorted(unknown))
    key = substitute(entry["key"], context)
    value = substitute(entry.get("value"), context)
    operator = entry["operator"]
    if operator in ("Equals", "NotEquals"):
        if isinstance(key, bool) and isinstance(value, bool):
            equal = key == value
        elif isinstance(key, str) and isinstance(value, str):
            if QUANTITY_OR_DURATION.match(key) or QUANTITY_OR_DURATION.match(value):
                raise NotCovered("Equals on a quantity or duration: %r, %r" % (key, value))
            equal = wildcard(value, key)
        else:
            raise NotCovered("%s on %r and %r" % (operator, key, value))
        return equal if operator == "Equals" else not equal
    if operator in ("AnyIn", "AnyNotIn"):
        keys = strings(key, "an AnyIn/AnyNotIn key")
        values = strings(value, "an AnyIn/AnyNotIn value")
        if any(re.match(r"^-?\d+(\.\d+)?!?-", v) for v in values):
            raise NotCovered("a range in %r" % values)

        def found(item):
            return any(wildcard(pattern, item) for pattern in values)

        if operator == "AnyIn":
            return any(found(item) for item in keys)
        return any(not found(item) for item in keys)
    if operator in ("GreaterThan", "LessThan"):
        if not (is_number(key) and is_number(value)):
            raise NotCovered("%s on %r and %r (only numbers are covered)" % (operator, key, value))
        return key > value if operator == "GreaterThan" else key < value
    raise NotCovered("operator %s" % operator)


def conditions(block, context, what):
    unknown = set(block) - {"any", "all"}
    if unknown or not block:
        raise NotCovered("%s with %s" % (what, sorted(unknown) or "no any/all"))
    result = True
    if "any" in block:
        result = result and any(condition(entry, context) for entry in block["any"])
    if "all" in block:
        result = result and all(condition(entry, context) for entry in block["all"])
    return result


def kinds_and_namespaces(block, what):
    if set(block) != {"any"}:
        raise NotCovered("%s with %s" % (what, sorted(block)))
    selected = []
    for item in block["any"]:
        if set(item) != {"resources"}:
            raise NotCovered("%s entry %s" % (what, sorted(item)))
        resources = item["resources"]
        allowed = {"kinds"} if what == "match" else {"namespaces"}
        if set(resources) - allowed or not resources:
            raise NotCovered("%s.resources with %s" % (what, sorted(resources)))
        names = resources.get("kinds") or resources.get("namespaces")
        if what == "match" and any("/" in kind or "*" in kind for kind in names):
            raise NotCovered("a kind with a group, version or wildcard: %r" % names)
        selected.append(names)
    return selected


def namespace(obj):
    value = (obj.get("metadata") or {}).get("namespace")
    return value if isinstance(value, str) else "default"


RULE_KEYS = {"name", "match", "exclude", "preconditions", "context", "validate"}


def evaluate_rule(rule, obj):
    """None when the rule does not select the object; else skip, fail or pass."""
    unknown = set(rule) - RULE_KEYS
    if unknown:
        raise NotCovered("rule keys %s" % sorted(unknown))
    if not any(obj.get("kind") in kinds for kinds in kinds_and_namespaces(rule["match"], "match")):
        return None
    if "exclude" in rule:
        if any(wildcard(pattern, namespace(obj)) for names in kinds_and_namespaces(rule["exclude"], "exclude")
               for pattern in names):
            return None
    context = {"request": {"object": obj, "operation": "CREATE"}}
    for entry in rule.get("context", []):
        if set(entry) != {"name", "variable"} or set(entry["variable"]) - {"value", "jmesPath"}:
            raise NotCovered("context entry %s" % json.dumps(entry, sort_keys=True))
        variable = entry["variable"]
        if "jmesPath" in variable:
            result = jmespath.search(variable["jmesPath"], context, options=OPTIONS)
            if result is None:
                raise NotCovered("context variable %s resolved to null" % entry["name"])
        else:
            result = substitute(variable["value"], context)
        context[entry["name"]] = result
    if "preconditions" in rule and not conditions(rule["preconditions"], context, "preconditions"):
        return "skip"
    validate = rule["validate"]
    if set(validate) - {"failureAction", "message", "deny"} or set(validate["deny"]) != {"conditions"}:
        raise NotCovered("validate with %s" % sorted(validate))
    if validate.get("failureAction") not in ("Enforce", "Audit"):
        raise NotCovered("failureAction %r" % validate.get("failureAction"))
    return "fail" if conditions(validate["deny"]["conditions"], context, "deny.conditions") else "pass"


def load_policy(path):
    with open(path, encoding="utf-8") as stream:
        policy = yaml.safe_load(stream)
    if policy.get("apiVersion") != "kyverno.io/v1" or policy.get("kind") != "ClusterPolicy":
        raise NotCovered("%s: not a kyverno.io/v1 ClusterPolicy" % path)
    spec = policy["spec"]
    if set(spec) - {"background", "rules"}:
        raise NotCovered("%s: spec keys %s" % (path, sorted(spec)))
    return policy


def evaluate(policy, obj):
    """Each rule's result on one object (rules that do not select it are left out)."""
    results = {}
    for rule in policy["spec"]["rules"]:
        result = evaluate_rule(rule, obj)
        if result is not None:
            results[rule["name"]] = result
    return results


def is_object(document):
    metadata = document.get("metadata") if isinstance(document, dict) else None
    return (isinstance(document.get("apiVersion"), str) and isinstance(document.get("kind"), str)
            and isinstance(metadata, dict) and isinstance(metadata.get("name"), str)
            and document["apiVersion"] != "" and document["kind"] != "" and metadata["name"] != "")


def subject(document):
    return "%s/%s/%s" % (document["kind"].lower(), namespace(document), document["metadata"]["name"])


def verdicts(tree, manifests):
    report = {"policies": 0, "verdicts": []}
    policies = []
    for path in sorted(glob.glob(tree + "/kyverno/*/*/clusterpolicy.yaml")):
        policy = load_policy(path)
        control = policy["metadata"]["annotations"]["regpolicy.dev/control"]
        policies.append((control, policy))
    report["policies"] = len(policies)
    for path in manifests:
        with open(path, encoding="utf-8") as stream:
            documents = [d for d in yaml.safe_load_all(stream) if d is not None and is_object(d)]
        for document in documents:
            for control, policy in policies:
                results = evaluate(policy, document)
                report["verdicts"].append({
                    "file": path, "subject": subject(document), "control": control,
                    "failed": sorted(name for name, result in results.items() if result == "fail"),
                    "results": results,
                })
    return report


def tests(tree):
    """Every kyverno-test.yaml: its expected results against this evaluator's."""
    report = {"tests": 0, "results": 0, "mismatches": []}
    for path in sorted(glob.glob(tree + "/kyverno/*/*/kyverno-test.yaml")):
        folder = path.rsplit("/", 1)[0]
        with open(path, encoding="utf-8") as stream:
            test = yaml.safe_load(stream)
        if test.get("apiVersion") != "cli.kyverno.io/v1alpha1" or test.get("kind") != "Test":
            raise NotCovered("%s: not a cli.kyverno.io/v1alpha1 Test" % path)
        report["tests"] += 1
        policies = {}
        for name in test["policies"]:
            policy = load_policy(folder + "/" + name)
            policies[policy["metadata"]["name"]] = policy
        objects = {}
        for name in test["resources"]:
            with open(folder + "/" + name, encoding="utf-8") as stream:
                for document in yaml.safe_load_all(stream):
                    if document is not None:
                        objects[(document["kind"], document["metadata"]["name"])] = document
        expected = {}
        for result in test["results"]:
            for resource in result["resources"]:
                expected[(result["policy"], result["rule"], result["kind"], resource)] = result["result"]
        actual = {}
        for policy_name, policy in policies.items():
            for (kind, name), document in objects.items():
                for rule, result in evaluate(policy, document).items():
                    actual[(policy_name, rule, kind, name)] = result
        report["results"] += len(expected)
        for key in sorted(set(expected) | set(actual)):
            if expected.get(key) != actual.get(key):
                report["mismatches"].append({
                    "test": path, "policy": key[0], "rule": key[1], "kind": key[2], "resource": key[3],
                    "expected": expected.get(key), "actual": actual.get(key),
                })
    return report


def main():
    try:
        if sys.argv[1:2] == ["--tests"]:
            report = tests(sys.argv[2])
        else:
            report = verdicts(sys.argv[1], sys.argv[2:])
    except NotCovered as error:
        print("kyverno_eval.py: not covered: %s" % error, file=sys.stderr)
        sys.exit(2)
    json.dump(report, sys.stdout, sort_keys=True, ensure_ascii=False)


if __name__ == "__main__":
    main()
