#!/usr/bin/env python3
"""Runs a generated policy tree in a real Rego engine (rego-cpp, through the regopy package).

Usage: regopy_eval.py TREE [MANIFEST.yaml ...]

1. Loads every rego/*/*/policy.rego with its policy_test.rego and runs each test_* rule.
2. Compiles the Rego embedded in every Gatekeeper ConstraintTemplate and runs the gator suite
   beside it (suite.yaml): each case's violations, the Constraint's match and parameters applied.
3. Evaluates every policy on every Kubernetes object of the manifests (and each of its
   requirement_N functions, for the conformance table per check template) (PyYAML reads them, so the
   YAML is not read by the code under test): OPA's deny/warn with the object as input, and
   Gatekeeper's violation with {"review": {"object": ...}, "parameters": ...}, the parameters read
   from the generated Constraint (spec.parameters), which the template's Rego checks with.

Prints one JSON object: tests run, failures, templates compiled, and the verdicts per object and
control. Exits 0 even when tests fail; the caller compares.
"""
import glob
import json
import re
import sys

import regopy
import yaml


def package(source):
    return re.search(r"^package (\S+)", source, re.M).group(1)


def query(interpreter, expression):
    output = interpreter.query(expression)
    if not output.ok():
        raise RuntimeError("%s: %s" % (expression, output))
    text = str(output)
    return None if text == "undefined" else json.loads(text)


def values(result):
    """The value of a one-expression query, or None when undefined."""
    if not result or not result.get("expressions"):
        return None
    return result["expressions"][0]


def is_object(document):
    metadata = document.get("metadata") if isinstance(document, dict) else None
    return (
        isinstance(document.get("apiVersion"), str)
        and isinstance(document.get("kind"), str)
        and isinstance(metadata, dict)
        and isinstance(metadata.get("name"), str)
        and document["apiVersion"] != ""
        and document["kind"] != ""
        and metadata["name"] != ""
    )


def selected(constraint, document):
    """Whether a Constraint's match (kinds, excludedNamespaces) selects the object, as Gatekeeper's."""
    match = constraint["spec"].get("match", {})
    kinds = [k for entry in match.get("kinds", []) for k in entry.get("kinds", [])]
    if kinds and document.get("kind") not in kinds:
        return False
    namespace = (document.get("metadata") or {}).get("namespace")
    return namespace not in match.get("excludedNamespaces", [])


def run_suite(path, constraint, gatekeeper, gk_package, failures):
    """The gator suite's cases: each case's violation count, as gator verify would assert it."""
    with open(path, encoding="utf-8") as stream:
        suite = yaml.safe_load(stream)
    folder = path.rsplit("/", 1)[0]
    count = 0
    for test in suite["tests"]:
        if test["template"] != "template.yaml" or test["constraint"] != "constraint.yaml":
            failures.append("%s: %s names other files" % (path, test["name"]))
        for case in test["cases"]:
            count += 1
            with open(folder + "/" + case["object"], encoding="utf-8") as stream:
                objects = [d for d in yaml.safe_load_all(stream) if d is not None]
            if len(objects) != 1:
                failures.append("%s %s: %d objects" % (path, case["name"], len(objects)))
                continue
            found = 0
            if selected(constraint, objects[0]):
                gatekeeper.set_input_term(json.dumps(
                    {"review": {"object": objects[0]}, "parameters": constraint["spec"].get("parameters", {})},
                    ensure_ascii=False))
                found = len(values(query(gatekeeper, "data.%s.violation" % gk_package)) or [])
            expected = [a["violations"] for a in case["assertions"]]
            if expected != [found]:
                failures.append("%s %s: gator expects %s, the template's Rego gives %d" % (
                    path, case["name"], expected, found))
    return count


def main():
    tree, manifests = sys.argv[1], sys.argv[2:]
    report = {"tests": 0, "failures": [], "gatekeeper_compiled": 0, "verdicts": [], "suite_cases": 0,
              "suite_failures": []}
    policies = []
    for path in sorted(glob.glob(tree + "/rego/*/*/policy.rego")):
        source = open(path, encoding="utf-8").read()
        test = open(path.replace("policy.rego", "policy_test.rego"), encoding="utf-8").read()
        interpreter = regopy.Interpreter()
        interpreter.add_module("policy.rego", source)
        interpreter.add_module("policy_test.rego", test)
        for name in re.findall(r"^(test_\w+) if", test, re.M):
            report["tests"] += 1
            try:
                passed = values(query(interpreter, "data.%s.%s" % (package(test), name))) is True
            except RuntimeError as error:
                passed = False
                name += ": " + str(error)
            if not passed:
                report["failures"].append("%s %s" % (path, name))
        control = re.search(r'^#   control: "(.*)"', source, re.M).group(1)
        head = "deny" if re.search(r"^deny contains", source, re.M) else "warn"
        folder = path[len(tree) + len("/rego/"):-len("/policy.rego")]
        template = yaml.safe_load(open("%s/gatekeeper/%s/template.yaml" % (tree, folder), encoding="utf-8"))
        code = template["spec"]["targets"][0]["code"][0]
        assert code["engine"] == "Rego" and code["source"]["version"] == "v1", path
        gatekeeper_source = code["source"]["rego"]
        constraint = yaml.safe_load(open("%s/gatekeeper/%s/constraint.yaml" % (tree, folder), encoding="utf-8"))
        parameters = constraint["spec"].get("parameters", {})
        gatekeeper = regopy.Interpreter()
        gatekeeper.add_module("template.rego", gatekeeper_source)
        query(gatekeeper, "data.%s" % package(gatekeeper_source))
        report["gatekeeper_compiled"] += 1
        suite_path = "%s/gatekeeper/%s/suite.yaml" % (tree, folder)
        report["suite_cases"] += run_suite(suite_path, constraint, gatekeeper, package(gatekeeper_source),
                                           report["suite_failures"])
        opa = regopy.Interpreter()
        opa.add_module("policy.rego", source)
        requirements = len(re.findall(r"^requirement_\d+\(obj\) :=", source, re.M))
        policies.append(
            (control, head, package(source), opa, package(gatekeeper_source), gatekeeper, parameters, requirements))

    for path in manifests:
        with open(path, encoding="utf-8") as stream:
            documents = [d for d in yaml.safe_load_all(stream) if d is not None and is_object(d)]
        for document in documents:
            metadata = document["metadata"]
            namespace = metadata.get("namespace")
            subject = "%s/%s/%s" % (
                document["kind"].lower(), namespace if isinstance(namespace, str) else "default", metadata["name"])
            # Raw UTF-8, not \u escapes, which rego-cpp 1.5.2 fails to read in an input term.
            as_json = json.dumps(document, default=str, ensure_ascii=False)
            for control, head, opa_package, opa, gk_package, gatekeeper, parameters, requirements in policies:
                opa.set_input_term(as_json)
                denied = values(query(opa, "data.%s.%s" % (opa_package, head))) or []
                # Each requirement's messages, for the per-template conformance table.
                by_requirement = [
                    sorted(values(query(opa, "data.%s.requirement_%d(input)" % (opa_package, index))) or [])
                    for index in range(requirements)
                ]
                gatekeeper.set_input_term(json.dumps({"review": {"object": document}, "parameters": parameters}, default=str, ensure_ascii=False))
                violations = values(query(gatekeeper, "data.%s.violation" % gk_package)) or []
                report["verdicts"].append({
                    "file": path, "subject": subject, "control": control,
                    "opa": sorted(denied), "gatekeeper": sorted(v["msg"] for v in violations),
                    "requirements": by_requirement,
                })
    json.dump(report, sys.stdout, sort_keys=True, ensure_ascii=False)


if __name__ == "__main__":
    main()
