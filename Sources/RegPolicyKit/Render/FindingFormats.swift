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
    let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.control, $0.offset) })
    let log: [String: Any] = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [
        [
          "tool": [
            "driver": [
              "name": "regpolicy", "version": RegPolicyVersion.current,
              "informationUri": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
              "rules": rules.map(rule),
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
                  "logicalLocations": [["name": violation.subject, "kind": "object"]],
                ]
              ],
              "partialFingerprints": ["regpolicy/v1": violation.policy.control + ":" + violation.subject],
              "properties": ["citation": violation.basis.citation, "clauses": violation.basis.clauses.map(\.rawValue)],
            ]
          },
        ]
      ],
    ]
    return TraceRenderer.json(log)
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

  /// A file path as a relative URI reference ("manifests/app%20one.yaml").
  private static func uri(_ path: String) -> String {
    path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
  }

  /// JUnit XML: a suite per control, a test case per object the control looks at; a case fails
  /// with the violation's messages and the clause's words.
  static func junit(_ violations: [CheckRun.Violation], policies: [Policy], manifests: [Manifest]) -> [UInt8] {
    var found: [String: [CheckRun.Violation]] = [:]
    for violation in violations {
      found[violation.policy.control + "\u{0}" + violation.file + "\u{0}" + violation.subject, default: []].append(
        violation)
    }
    var suites = ""
    var total = 0
    var failed = 0
    for policy in policies {
      var cases = ""
      var tests = 0
      var failures = 0
      for manifest in manifests where Evaluator.applies(policy.target, to: manifest) {
        tests += 1
        let name = escape(manifest.subject)
        let broken = found[policy.control + "\u{0}" + manifest.file + "\u{0}" + manifest.subject] ?? []
        let at = "file=\"\(escape(manifest.file))\" line=\"\(manifest.line)\""
        guard let first = broken.first else {
          cases += "    <testcase classname=\"\(escape(policy.control))\" name=\"\(name)\" \(at)/>\n"
          continue
        }
        failures += 1
        let detail = broken.map {
          "\($0.file):\($0.line): \($0.message)\n    \($0.basis.citation): “\($0.basis.quote)”"
        }
        .joined(separator: "\n")
        cases += "    <testcase classname=\"\(escape(policy.control))\" name=\"\(name)\" \(at)>\n"
        cases += "      <failure message=\"\(escape(first.message))\" type=\"\(escape(policy.enforcement))\">"
        cases += escape(detail) + "</failure>\n    </testcase>\n"
      }
      total += tests
      failed += failures
      suites +=
        "  <testsuite name=\"\(escape(policy.control + " " + policy.title))\" tests=\"\(tests)\" "
        + "failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n" + cases + "  </testsuite>\n"
    }
    let head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<testsuites name=\"regpolicy\" tests=\"\(total)\" failures=\"\(failed)\" errors=\"0\">\n"
    return Array((head + suites + "</testsuites>\n").utf8)
  }

  /// XML text and attribute values, escaped; characters XML 1.0 forbids are dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\t", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
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
