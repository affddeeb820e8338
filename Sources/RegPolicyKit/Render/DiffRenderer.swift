import Foundation
import RegPolicyDiff
import RegPolicyModel

/// Writes a `Comparison`: JSON (the public contract, keys sorted), text, or Markdown.
enum DiffRenderer {
  static func json(_ report: Comparison) -> [UInt8] {
    var out = JSONWriter()
    out.raw("{\"changes\":")
    out.array(report.provisions.changes) { out, change in
      out.raw("{\"change\":")
      out.string(change.kind.rawValue)
      out.raw(",\"diff\":")
      out.string(change.diff)
      out.raw(",\"editorial\":")
      out.optionalString(change.editorial)
      out.raw(",\"new_id\":")
      out.optionalString(change.newID?.rawValue)
      out.raw(",\"old_id\":")
      out.optionalString(change.oldID?.rawValue)
      out.raw(",\"substantive\":")
      out.raw(change.substantive ? "true" : "false")
      out.raw("}")
    }
    out.raw(",\"framing_compared\":")
    out.raw(report.provisions.omitsFraming ? "false" : "true")
    out.raw(",\"obligations\":")
    out.array(report.obligations) { out, change in
      out.raw("{\"change\":")
      out.string(change.change.rawValue)
      out.raw(",\"fields\":")
      out.array(change.fields) { $0.string($1) }
      out.raw(",\"new_clause\":")
      out.optionalString(change.newClause?.rawValue)
      out.raw(",\"old_clause\":")
      out.optionalString(change.oldClause?.rawValue)
      out.raw(",\"summary\":")
      out.string(change.summary)
      out.raw("}")
    }
    out.raw(",\"policies\":")
    out.array(report.policies) { out, change in
      out.raw("{\"change\":")
      out.string(change.change.rawValue)
      out.raw(",\"clauses\":")
      out.array(change.clauses) { $0.string($1.rawValue) }
      out.raw(",\"control\":")
      out.string(change.control)
      out.raw("}")
    }
    out.raw("}\n")
    return out.bytes
  }

  /// For people: one line per change with its citation, the word diff indented below.
  static func text(_ report: Comparison, markdown: Bool) -> [UInt8] {
    var out = JSONWriter()
    let changes = report.provisions.changes
    let substantive = changes.filter(\.substantive).count
    out.raw(markdown ? "## What changed in the law\n\n" : "")
    out.raw("\(changes.count) changes, \(substantive) substantive, \(changes.count - substantive) editorial\n")
    if report.provisions.omitsFraming {
      out.raw("(preamble, citations and recitals not compared: one version has none)\n")
    }
    if markdown { out.raw("\n") }
    for change in changes {
      let name = [change.oldID, change.newID].compactMap { $0 }.map(\.rawValue)
      let label =
        change.kind == .moved ? "\(name[0]) → \(name.last ?? "")" : (change.newID ?? change.oldID)?.citation ?? ""
      let kind =
        change.substantive
        ? change.kind.rawValue : "\(change.kind.rawValue) (editorial: \(change.editorial ?? "moved"))"
      out.raw(markdown ? "- **\(label)** — \(kind)\n" : "\(kind)\t\(label)\t\(name.last ?? "")\n")
      if !change.diff.isEmpty, change.kind != .added, change.kind != .removed {
        out.raw(markdown ? "  `\(change.diff.replacingOccurrences(of: "`", with: "'"))`\n" : "    \(change.diff)\n")
      }
    }
    if !report.obligations.isEmpty {
      out.raw(markdown ? "\n## What changed in the obligations\n\n" : "\nobligations:\n")
      for change in report.obligations {
        out.raw(
          markdown
            ? "- \(change.change.rawValue): \(change.summary)\n" : "\(change.change.rawValue)\t\(change.summary)\n")
      }
    }
    if !report.policies.isEmpty {
      out.raw(markdown ? "\n## What changed in the policies\n\n" : "\npolicies:\n")
      for change in report.policies {
        let clauses = change.clauses.map(\.rawValue).joined(separator: ", ")
        out.raw(
          markdown
            ? "- \(change.change.rawValue): \(change.control) (\(clauses))\n"
            : "\(change.change.rawValue)\t\(change.control)\t\(clauses)\n")
      }
    }
    return out.bytes
  }
}
