import Foundation
import RegPolicyModel
import RegPolicyPolicies

/// Violations in the formats CI systems read, for `check` and `report` alike: SARIF 2.1.0 (code
/// scanning), JUnit XML (test reports), GitHub workflow commands (annotations on the diff).
enum FindingFormats {
  /// SARIF 2.1.0: one rule per violated control, carrying its clauses (citation, link, words), and
  /// one result per violation at the manifest file and the line of the offending key.
  static func sarif(_ violations: [CheckRun.Violation], policies: [Policy]) -> [UInt8] {
    let violated = Set(violations.map(\.policy.control))
    let rules = policies.filter { violated.contains($0.control) }
    // An index with a control twice (hand-edited) keeps the first: SARIF needs one rule per id.
    let ruleIndex = Dictionary(rules.enumerated().map { ($0.element.control, $0.offset) }) { first, _ in first }
    let log: [String: Any] = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [
        [
          "tool": [
            "driver": [
              "name": "regpolicy", "version": RegPolicyVersion.current, "rules": rules.map(rule),
            ]
          ],
          "columnKind": "utf16CodeUnits",
          "results": violations.map { violation -> [String: Any] in
            [
              "ruleId": violation.policy.control, "ruleIndex": ruleIndex[violation.policy.control] ?? 0,
              "level": level(violation.policy),
              "message": ["text": violation.message],
              "locations": [
                [
                  "physicalLocation": [
                    "artifactLocation": ["uri": uri(violation.file)],
                    "region": ["startLine": max(violation.line, 1)],
                  ],
                  "logicalLocations": [["name": violation.subject, "kind": "resource"]],
                ]
              ],
              "partialFingerprints": [
                "regpolicy/v1": "\(violation.policy.control):\(violation.subject):\(violation.field)/\(violation.key)"
              ],
              "properties": ["citation": violation.basis.citation, "clauses": violation.basis.clauses.map(\.rawValue)],
            ]
          },
        ]
      ],
    ]
    return JSONValues.encode(log)
  }

  private static func rule(_ policy: Policy) -> [String: Any] {
    let link = policy.clauses.first?.link ?? ""
    let words = policy.clauses.filter { policy.citedClauses.contains($0.id) }
      .map { "\($0.citation): “\($0.text)”" }.joined(separator: "\n\n")
    var rule: [String: Any] = [
      "id": policy.control, "name": policy.name,
      "shortDescription": ["text": policy.title],
      "fullDescription": ["text": policy.description.isEmpty ? policy.title : policy.description],
      "help": ["text": words.isEmpty ? policy.requires : words],
      "defaultConfiguration": ["level": level(policy)],
      "properties": [
        "rule": policy.rule, "citation": policy.citation,
        "clauses": policy.clauses.map { clause -> [String: Any] in
          [
            "id": clause.id.rawValue, "citation": clause.citation, "link": clause.link, "sha256": clause.sha256,
            "text": clause.text,
          ]
        },
      ],
    ]
    if !link.isEmpty { rule["helpUri"] = link }
    return rule
  }

  private static func level(_ policy: Policy) -> String { policy.enforcement == "deny" ? "error" : "warning" }

  /// A file path as a URI reference: `file://` for an absolute path, else relative
  /// ("manifests/app%20one.yaml"; "./a:b.yaml", so a colon is not read as a scheme).
  private static func uri(_ path: String) -> String {
    if path.hasPrefix("/") { return URL(fileURLWithPath: path).absoluteString }
    let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    let firstSegment = encoded.split(separator: "/", maxSplits: 1).first ?? ""
    return firstSegment.contains(":") ? "./" + encoded : encoded
  }

  /// JUnit XML: a suite per control, a test case per object the control looks at; a case fails
  /// with the violation's messages and the clause's words.
  static func junit(_ violations: [CheckRun.Violation], policies: [Policy], manifests: [Manifest]) -> [UInt8] {
    struct Case: Hashable {
      var control: String
      var object: CheckRun.ObjectKey
    }
    var found: [Case: [CheckRun.Violation]] = [:]
    for violation in violations {
      found[Case(control: violation.policy.control, object: violation.object), default: []].append(violation)
    }
    // Each object's attributes once: they repeat in every suite.
    let objects = manifests.map { manifest in
      (
        key: CheckRun.ObjectKey(file: manifest.file, subject: manifest.subject),
        attributes: "name=\"\(Markup.escape(manifest.subject))\" file=\"\(Markup.escape(manifest.file))\" "
          + "line=\"\(manifest.line)\""
      )
    }
    var suites: [UInt8] = []
    var total = 0
    var failed = 0
    for policy in policies {
      var cases: [UInt8] = []
      var tests = 0
      var failures = 0
      let head = "    <testcase classname=\"\(Markup.escape(policy.control))\" "
      for (manifest, object) in zip(manifests, objects) where Evaluator.applies(policy.target, to: manifest) {
        tests += 1
        cases += head.utf8
        cases += object.attributes.utf8
        guard let broken = found[Case(control: policy.control, object: object.key)], let first = broken.first else {
          cases += "/>\n".utf8
          continue
        }
        failures += 1
        let detail = broken.map {
          "\($0.file):\($0.line): \($0.message)\n    \($0.basis.citation): “\($0.basis.quote)”"
        }
        .joined(separator: "\n")
        cases +=
          ">\n      <failure message=\"\(Markup.escape(first.message))\" type=\"\(Markup.escape(policy.enforcement))\">"
          .utf8
        cases += (Markup.escape(detail) + "</failure>\n    </testcase>\n").utf8
      }
      total += tests
      failed += failures
      suites += "  <testsuite name=\"\(Markup.escape(policy.control + " " + policy.title))\" tests=\"\(tests)\" ".utf8
      suites += "failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n".utf8
      suites += cases
      suites += "  </testsuite>\n".utf8
    }
    let head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<testsuites name=\"regpolicy\" tests=\"\(total)\" failures=\"\(failed)\" errors=\"0\">\n"
    return Array(head.utf8) + suites + Array("</testsuites>\n".utf8)
  }

  /// GitHub Actions workflow commands: one `::error` (deny) or `::warning` (warn) per violation,
  /// shown on the manifest's line in the pull request.
  static func github(_ violations: [CheckRun.Violation]) -> [UInt8] {
    func data(_ text: String) -> String {
      text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
        .replacingOccurrences(of: "\n", with: "%0A")
    }
    func property(_ text: String) -> String {
      data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
    var out = ""
    for violation in violations {
      let command = violation.policy.enforcement == "deny" ? "error" : "warning"
      let title = violation.policy.control + " " + violation.basis.citation
      var message = violation.message
      if !violation.basis.quote.isEmpty {
        message += "\n" + violation.basis.citation + ": “" + violation.basis.quote + "”"
      }
      out +=
        "::\(command) file=\(property(violation.file)),line=\(max(violation.line, 1)),title=\(property(title))::"
        + data(message) + "\n"
    }
    return Array(out.utf8)
  }
}
