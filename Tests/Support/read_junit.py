#!/usr/bin/env python3
"""Reads a JUnit XML report with junitparser (PyPI junitparser==5.0.3) and prints a JSON summary.

Usage: read_junit.py FILE.xml

The root may be <testsuites> or a single <testsuite>; nested <testsuite> elements are followed.
Prints one JSON object:

  {"suites": N, "tests": N, "failures": N, "errors": N, "skipped": N,
   "cases": [{"suite": ..., "classname": ..., "name": ..., "result": "passed|failure|error|skipped",
              "message": ...}],
   "declared": {"root": {"tests": .., "failures": .., "errors": .., "skipped": ..} or null,
                "suites": [{"name": .., "tests": .., "failures": .., "errors": .., "skipped": ..}]}}

"suites" counts every <testsuite> element; "tests" and the three result counts are counted from the
<testcase> elements themselves (each case once, by its result), not taken from the attributes. The
attributes the file declares are under "declared", as written (null when absent), so a caller can
check that a writer's totals agree with its cases. A case with several result elements is
classified error > failure > skipped; "message" is that element's message attribute, else its
text, else null; "suite" is the name of the innermost enclosing <testsuite>.

Exits 0 when the file parses as JUnit XML, 1 when it cannot be read or parsed (message on stderr).
"""
import json
import sys

from junitparser import Error, Failure, JUnitXml, JUnitXmlError, Skipped, TestCase, TestSuite
from junitparser import junitparser as junitparser_impl

COUNTS = ("tests", "failures", "errors", "skipped")
PRECEDENCE = ((Error, "error"), (Failure, "failure"), (Skipped, "skipped"))


class Unreadable(Exception):
    pass


def declared(element, with_name=False):
    """The count attributes exactly as the file writes them. Read from the raw element: junitparser's
    own attribute getters fill missing counts in, which would hide a writer that left them out."""
    attrib = element._elem.attrib
    values = {}
    if with_name:
        values["name"] = attrib.get("name")
    for key in COUNTS:
        raw = attrib.get(key)
        if raw is None:
            values[key] = None
            continue
        try:
            values[key] = int(raw)
        except ValueError:
            raise Unreadable(f"<{element._elem.tag}> has {key}={raw!r}, not an integer") from None
    return values


def classify(case):
    results = case.result
    for kind, label in PRECEDENCE:
        for entry in results:
            if isinstance(entry, kind):
                message = entry.message
                if message is None and entry.text and entry.text.strip():
                    message = entry.text.strip()
                return label, message
    return "passed", None


def walk(suite, summary):
    summary["suites"] += 1
    summary["declared"]["suites"].append(declared(suite, with_name=True))
    for case in suite.iterchildren(TestCase):
        result, message = classify(case)
        summary["tests"] += 1
        if result != "passed":
            summary[{"failure": "failures", "error": "errors", "skipped": "skipped"}[result]] += 1
        summary["cases"].append(
            {
                "suite": suite.name,
                "classname": case.classname,
                "name": case.name,
                "result": result,
                "message": message,
            }
        )
    for child in suite.iterchildren(TestSuite):
        walk(child, summary)


def summarize(path):
    roots = []

    def parse(file):
        # junitparser's own XML backend (lxml when installed, else xml.etree); the root's tag is
        # kept because fromfile wraps a lone <testsuite> root in a <testsuites> that declares nothing.
        tree = junitparser_impl.etree.parse(file)  # nosec: a local test report
        roots.append(tree.getroot().tag)
        return tree

    try:
        xml = JUnitXml.fromfile(path, parse_func=parse)
    except JUnitXmlError as error:
        raise Unreadable(f"not a JUnit report ({error}): the root is <{roots[0] if roots else '?'}>") from None
    except OSError as error:
        raise Unreadable(str(error)) from None
    except Exception as error:  # the XML backend's ParseError (xml.etree's or lxml's)
        raise Unreadable(f"{type(error).__name__}: {error}") from None
    summary = {"suites": 0, "tests": 0, "failures": 0, "errors": 0, "skipped": 0, "cases": []}
    summary["declared"] = {"root": declared(xml) if roots[0] == "testsuites" else None, "suites": []}
    for suite in xml:
        walk(suite, summary)
    return summary


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: read_junit.py FILE.xml", file=sys.stderr)
        return 1
    try:
        summary = summarize(argv[0])
    except Unreadable as problem:
        print(f"error: {argv[0]}: {problem}", file=sys.stderr)
        return 1
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
