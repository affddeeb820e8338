import Foundation
import RegPolicyIndex
import RegPolicyModel
import RegPolicyPolicies

/// Writes a trace for people (text) or programs (JSON, keys sorted).
public enum TraceRenderer {
  /// A statement's JSON (as `extract` writes it) as a dictionary.
  static func statement(_ record: TraceIndex.StatementRecord) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(record.json.utf8))) as? [String: Any] ?? [:]
  }

  /// A statement's words and the evidence that fired in them: byte ranges into the words, in
  /// order, each with its lexicon entry or pattern (spans outside the words are left out).
  public static func evidence(_ record: TraceIndex.StatementRecord) -> (
    text: String, marks: [(range: Range<Int>, rule: String)]
  ) {
    let values = statement(record)
    let text = values["text"] as? String ?? ""
    let count = text.utf8.count
    let marks = (values["evidence"] as? [[String: Any]] ?? []).compactMap { item -> (Range<Int>, String)? in
      guard let rule = item["rule"] as? String, let span = item["span"] as? [Int], span.count == 2,
        span[0] >= 0, span[0] <= span[1], span[1] <= count
      else { return nil }
      return (span[0]..<span[1], rule)
    }.sorted { $0.0.lowerBound < $1.0.lowerBound }
    return (text, marks)
  }

  /// A policy's requirements in a line each: "one-of annotation k one of enabled — Article 12(1)".
  static func requirements(_ policy: Policy) -> [String] {
    policy.requirements.map { requirement in
      "\(requirement.template) \(requirement.noun) \(requirement.key)\(requirement.parameters) — "
        + requirement.basis.citation
    }
  }

  /// The trace as JSON-ready values: the public shape of `trace --format json` and of the web
  /// view's JSON endpoints.
  public static func values(_ trace: Trace) -> [String: Any] {
    [
      "query": trace.query, "asked": trace.asked.rawValue, "instrument": trace.instrument, "version": trace.version,
      "controls": trace.controls.map { policy -> [String: Any] in
        var values = control(policy)
        values["crosswalk"] = (trace.crosswalk[policy.control] ?? []).map(CrosswalkRun.values)
        return values
      },
      "clauses": trace.clauses.map { clause -> [String: Any] in
        [
          "id": clause.id.rawValue, "citation": clause.citation, "text": clause.text, "link": clause.link,
          "state": clause.state.rawValue, "obligations": clause.statements.map(statement),
          "policies": clause.policies.map { ["control": $0.control, "review": ($0.review ?? .needsReview).rawValue] },
          "commits": clause.commits.map(commit), "crosswalk": clause.crosswalk.map(CrosswalkRun.values),
        ]
      },
    ]
  }

  static func control(_ policy: Policy) -> [String: Any] {
    [
      "control": policy.control, "title": policy.title, "rule": policy.rule, "rule_file": policy.ruleFile,
      "requires": policy.requires, "review": (policy.review ?? .needsReview).rawValue,
      "requirements": requirements(policy), "clauses": policy.clauses.map(\.id.rawValue),
    ]
  }

  static func commit(_ commit: TraceIndex.CommitRecord) -> [String: Any] {
    [
      "commit": commit.commit, "subject": commit.subject, "date": commit.date, "control": commit.control,
      "clauses": commit.clauses.map(\.rawValue), "review": commit.review ?? "",
    ]
  }

  /// JSON with sorted keys, one object and a newline.
  public static func json(_ values: Any) -> [UInt8] {
    // Plain strings, numbers, arrays and dictionaries: serialisation cannot fail.
    let data = try! JSONSerialization.data(withJSONObject: values, options: [.sortedKeys, .withoutEscapingSlashes])
    return Array(data) + [0x0A]
  }

  /// For people: each control with its crosswalk links, then each clause with its words, state,
  /// obligations, policies, commits and the crosswalk links not shown with a control already.
  public static func text(_ trace: Trace) -> [UInt8] {
    var out = ""
    var shown: Set<Crosswalk.Reading> = []
    func crosswalk(_ readings: [Crosswalk.Reading]) {
      let unseen = readings.filter { shown.insert($0).inserted }
      if !unseen.isEmpty { out += "  other frameworks:\n" }
      for reading in unseen {
        out += "    \(CrosswalkRun.line(reading))\n      why: \(reading.link.rationale)\n"
      }
    }
    for policy in trace.controls {
      out += "\(policy.control) — \(policy.title)\n"
      out += "  rule \(policy.rule) (\(policy.ruleFile)); review: \((policy.review ?? .needsReview).rawValue)\n"
      out += "  requires that \(policy.requires)\n"
      for line in requirements(policy) { out += "  - \(line)\n" }
      crosswalk(trace.crosswalk[policy.control] ?? [])
      out += "\n"
    }
    for clause in trace.clauses {
      let instrument = trace.instrument.isEmpty ? "" : " — \(trace.instrument) of \(trace.version)"
      out += "\(clause.citation) (\(clause.id))\(instrument) — \(clause.state.rawValue)\n"
      if !clause.link.isEmpty { out += "  \(clause.link)\n" }
      out += "  “\(clause.text.replacingOccurrences(of: "\n", with: " "))”\n"
      if !clause.statements.isEmpty { out += "  obligations:\n" }
      for record in clause.statements {
        let (text, marks) = evidence(record)
        let bytes = Array(text.utf8)
        let evidence = marks.map { mark in
          "\(mark.rule) “\(String(decoding: bytes[mark.range], as: UTF8.self))” "
            + "[\(mark.range.lowerBound),\(mark.range.upperBound)]"
        }
        let roles = record.roles.joined(separator: ", ")
        out += "    \(record.clause) \(record.modality) (\(roles)): \(text)\n"
        if !evidence.isEmpty { out += "      evidence: \(evidence.joined(separator: "; "))\n" }
      }
      out += "  implemented by: "
      out +=
        clause.policies.isEmpty
        ? "nothing\n"
        : clause.policies.map { "\($0.control) (review \(($0.review ?? .needsReview).rawValue))" }.joined(
          separator: ", ") + "\n"
      for commit in clause.commits {
        out += "  commit \(commit.commit.prefix(12)) \(commit.date) \(commit.subject)\n"
      }
      crosswalk(clause.crosswalk)
      out += "\n"
    }
    return Array(out.utf8)
  }
}
