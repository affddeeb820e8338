#!/usr/bin/env python3
"""Validates generated Kyverno ClusterPolicies, Gatekeeper ConstraintTemplates and their
Constraints against the CustomResourceDefinitions' OpenAPI v3 schemas, as the API server would.

Usage: validate_crds.py CRD.yaml... -- FILE.yaml...

Each FILE's apiVersion and kind choose the CRD and the version (spec.versions[].name) whose
spec.versions[].schema.openAPIV3Schema it is checked against with jsonschema. A Gatekeeper
Constraint (constraints.gatekeeper.sh) is checked against the schema Gatekeeper makes from its
ConstraintTemplate (in the same folder): spec.parameters against the template's
spec.crd.spec.validation.openAPIV3Schema, the rest against Gatekeeper's constraint fields.

The Kubernetes dialect of OpenAPI v3 is turned into JSON Schema so that what the API server
refuses is refused here:
- an object schema with `properties` and without `additionalProperties` rejects unknown fields, as
  the API server does with strict field validation (`kubectl apply --validate=strict`, the default
  of `kubectl` since 1.27 is to warn; without it the server prunes them silently, so a misspelt
  field would vanish unnoticed: for a generated file both are a bug);
- `x-kubernetes-preserve-unknown-fields: true` keeps unknown fields (and, without a `type`,
  accepts any value): Kyverno's conditions and context values, Gatekeeper's parameter schema;
- `x-kubernetes-int-or-string: true` accepts an integer or a string;
- `x-kubernetes-embedded-resource: true` allows apiVersion, kind and metadata;
- `nullable: true` also accepts null;
- `x-kubernetes-list-type: set` means unique items; `map` lists (unique by their
  x-kubernetes-list-map-keys) are checked the same way on those keys;
- `x-kubernetes-validations` (CEL rules) cannot be evaluated here: they are counted and reported,
  so a CRD that adds some is noticed (the two CRDs of the corpus have none);
- `format` (int32, int64, date-time, …) is not enforced, as the API server enforces only a few.
The object's metadata is checked as the API server checks ObjectMeta: a name that is a DNS
subdomain, labels and annotations whose values are strings.

Prints one JSON object {"checked": {kind: n}, "errors": [{"file", "path", "message"}],
"cel_rules": n}; exits 0 (the caller decides), 2 when an input cannot be read.
"""
import copy
import json
import os
import re
import sys

import jsonschema
import yaml


def convert(schema, counts):
    """A Kubernetes structural schema as JSON Schema (draft 4 keywords)."""
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key == "properties":
            out[key] = {name: convert(sub, counts) for name, sub in value.items()}
        elif key == "items" or key == "not":
            out[key] = convert(value, counts)
        elif key == "additionalProperties":
            out[key] = convert(value, counts) if isinstance(value, dict) else value
        elif key in ("oneOf", "anyOf", "allOf"):
            out[key] = [convert(sub, counts) for sub in value]
        elif key == "x-kubernetes-validations":
            counts["cel_rules"] += len(value)
        elif key.startswith("x-kubernetes-") or key in ("nullable", "format", "default", "description", "example"):
            continue
        else:
            out[key] = value
    preserve = schema.get("x-kubernetes-preserve-unknown-fields") is True
    if schema.get("x-kubernetes-int-or-string") is True:
        out.pop("type", None)
        out["anyOf"] = out.get("anyOf", []) + [{"type": "integer"}, {"type": "string"}]
    if schema.get("x-kubernetes-embedded-resource") is True:
        properties = out.setdefault("properties", {})
        properties.setdefault("apiVersion", {"type": "string"})
        properties.setdefault("kind", {"type": "string"})
        properties.setdefault("metadata", {"type": "object"})
    if "properties" in out and "additionalProperties" not in out and not preserve:
        out["additionalProperties"] = False
    if schema.get("x-kubernetes-list-type") == "set":
        out["uniqueItems"] = True
    if schema.get("x-kubernetes-list-type") == "map" and schema.get("x-kubernetes-list-map-keys"):
        out["x-map-keys"] = schema["x-kubernetes-list-map-keys"]
    if schema.get("nullable") is True:
        if "type" in out:
            out["type"] = [out["type"], "null"] if isinstance(out["type"], str) else out["type"] + ["null"]
        if "enum" in out:
            out["enum"] = out["enum"] + [None]
    return out


def map_keys(validator, keys, instance, schema):
    """x-kubernetes-list-type: map: items unique by their key fields."""
    if not validator.is_type(instance, "array"):
        return
    seen = set()
    for item in instance:
        if isinstance(item, dict):
            identity = json.dumps([item.get(k) for k in keys])
            if identity in seen:
                yield jsonschema.ValidationError("duplicate list-map key %s" % identity)
            seen.add(identity)


Validator = jsonschema.validators.extend(jsonschema.Draft4Validator, {"x-map-keys": map_keys})

DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")

OBJECT_META = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "maxLength": 253, "pattern": DNS_SUBDOMAIN.pattern},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
        "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
    },
    "additionalProperties": False,
}

# The fields Gatekeeper puts beside a constraint's parameters (its constraint CRD's spec).
CONSTRAINT_SPEC = {
    "type": "object",
    "properties": {
        "enforcementAction": {"type": "string", "enum": ["deny", "dryrun", "warn", "scoped"]},
        "match": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "kinds": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "properties": {"apiGroups": {"type": "array", "items": {"type": "string"}},
                                   "kinds": {"type": "array", "items": {"type": "string"}}}}},
                "namespaces": {"type": "array", "items": {"type": "string"}},
                "excludedNamespaces": {"type": "array", "items": {"type": "string"}},
                "scope": {"type": "string", "enum": ["*", "Cluster", "Namespaced"]},
                "labelSelector": {"type": "object"},
                "namespaceSelector": {"type": "object"},
                "name": {"type": "string"},
                "source": {"type": "string", "enum": ["All", "Generated", "Original"]},
            },
        },
        "parameters": {},
    },
    "additionalProperties": False,
}


def errors_of(schema, instance, prefix):
    found = []
    for error in sorted(Validator(schema).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        path = ".".join([prefix] + [str(p) for p in error.absolute_path]) if prefix else ".".join(
            str(p) for p in error.absolute_path)
        found.append({"path": path or "(root)", "message": error.message})
    return found


def main():
    arguments = sys.argv[1:]
    if "--" not in arguments:
        print("usage: validate_crds.py CRD.yaml... -- FILE.yaml...", file=sys.stderr)
        sys.exit(2)
    split = arguments.index("--")
    counts = {"cel_rules": 0}
    schemas = {}
    for path in arguments[:split]:
        with open(path, encoding="utf-8") as stream:
            for crd in yaml.safe_load_all(stream):
                if not crd or crd.get("kind") != "CustomResourceDefinition":
                    continue
                group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
                for version in crd["spec"]["versions"]:
                    schema = convert(version["schema"]["openAPIV3Schema"], counts)
                    schema.setdefault("properties", {})["metadata"] = OBJECT_META
                    schemas[("%s/%s" % (group, version["name"]), kind)] = schema
    report = {"checked": {}, "errors": [], "cel_rules": counts["cel_rules"]}
    for path in arguments[split + 1:]:
        with open(path, encoding="utf-8") as stream:
            document = yaml.safe_load(stream)
        if not isinstance(document, dict):
            report["errors"].append({"file": path, "path": "(root)", "message": "not a YAML mapping"})
            continue
        api, kind = document.get("apiVersion"), document.get("kind")
        found = []
        if (api, kind) in schemas:
            found = errors_of(schemas[(api, kind)], document, "")
        elif api == "constraints.gatekeeper.sh/v1beta1":
            template_path = os.path.join(os.path.dirname(path), "template.yaml")
            with open(template_path, encoding="utf-8") as stream:
                template = yaml.safe_load(stream)
            crd_spec = ((template.get("spec") or {}).get("crd") or {}).get("spec") or {}
            names = crd_spec.get("names") or {}
            if names.get("kind") != kind:
                found.append({"path": "kind", "message": "%r is not the template's kind %r" % (kind, names.get("kind"))})
            spec_schema = copy.deepcopy(CONSTRAINT_SPEC)
            validation = (crd_spec.get("validation") or {}).get("openAPIV3Schema")
            spec_schema["properties"]["parameters"] = convert(validation, counts) if validation else {}
            found += errors_of({"type": "object", "required": ["spec"], "properties": {
                "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": OBJECT_META,
                "spec": spec_schema}, "additionalProperties": False}, document, "")
        else:
            found.append({"path": "(root)", "message": "no CRD for %s %s" % (api, kind)})
        report["checked"][kind if api != "constraints.gatekeeper.sh/v1beta1" else "Constraint"] = \
            report["checked"].get(kind if api != "constraints.gatekeeper.sh/v1beta1" else "Constraint", 0) + 1
        for error in found:
            report["errors"].append(dict(error, file=path))
    report["cel_rules"] = counts["cel_rules"]
    json.dump(report, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
