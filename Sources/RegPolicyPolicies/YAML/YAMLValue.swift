import RegPolicyModel
import Yams

/// A YAML node with the file it came from, read with errors that name the file and line: the one
/// place that knows Yams' node API. Profiles and rules are read through it.
package struct YAMLValue {
  /// The codes a kind of file reports its problems with.
  package struct Codes {
    package var malformed: DiagnosticCode
    package var missingKey: DiagnosticCode
    package var unknownKey: DiagnosticCode
    package var invalidValue: DiagnosticCode

    package init(
      malformed: DiagnosticCode, missingKey: DiagnosticCode, unknownKey: DiagnosticCode, invalidValue: DiagnosticCode
    ) {
      self.malformed = malformed
      self.missingKey = missingKey
      self.unknownKey = unknownKey
      self.invalidValue = invalidValue
    }

    static let profile = Codes(
      malformed: .profileMalformed, missingKey: .profileMissingKey, unknownKey: .profileUnknownKey,
      invalidValue: .profileInvalidValue)
    static let rule = Codes(
      malformed: .ruleMalformed, missingKey: .ruleMissingKey, unknownKey: .ruleUnknownKey,
      invalidValue: .ruleInvalidValue)
  }

  package let node: Node
  package let file: String
  package let codes: Codes

  package var line: Int { node.mark?.line ?? 0 }
  package var column: Int { node.mark?.column ?? 0 }

  /// Parses one YAML document; a syntax error is the kind's `malformed` code at the parser's position.
  package static func parse(_ text: String, file: String, codes: Codes) throws(Diagnostic) -> YAMLValue {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text, .default, .default, .utf8)
    } catch {
      throw YAMLValue.error(error, file: file, code: codes.malformed)
    }
    guard let node else { throw Diagnostic.error(codes.malformed, file: file, line: 1, "empty document") }
    return YAMLValue(node: node, file: file, codes: codes)
  }

  /// A Yams error as a diagnostic with its line and column.
  package static func error(_ error: any Error, file: String, code: DiagnosticCode) -> Diagnostic {
    switch error as? YamlError {
    case .scanner(_, let problem, let mark, _)?, .parser(_, let problem, let mark, _)?,
      .composer(_, let problem, let mark, _)?:
      return Diagnostic.error(code, file: file, line: mark.line, column: mark.column, "not YAML: \(problem)")
    case .reader(let problem, _, _, _)?:
      return Diagnostic.error(code, file: file, line: 1, "not YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context)?:
      return Diagnostic.error(
        code, file: file, line: context.mark.line, column: context.mark.column,
        "duplicate key '\(duplicates.sorted().joined(separator: "', '"))'")
    default:
      return Diagnostic.error(code, file: file, line: 1, "not YAML: \(error)")
    }
  }

  /// A problem at this value's position.
  package func failure(_ code: DiagnosticCode, _ message: String) -> Diagnostic {
    Diagnostic.error(code, file: file, line: line, column: column, message)
  }

  private func child(_ node: Node) -> YAMLValue { YAMLValue(node: node, file: file, codes: codes) }

  /// The mapping's entries in file order; an error unless this is a mapping.
  package func entries(_ what: String) throws(Diagnostic) -> [(key: String, value: YAMLValue)] {
    guard let mapping = node.mapping else { throw failure(codes.invalidValue, "\(what) must be a mapping") }
    return mapping.map { (key: $0.key.string ?? "", value: child($0.value)) }
  }

  /// One diagnostic per key a mapping may not have (typos are errors, not silently ignored), each
  /// at the key's own line; an error unless this is a mapping.
  package func unknownKeys(_ what: String, allowed: Set<String>) throws(Diagnostic) -> [Diagnostic] {
    guard let mapping = node.mapping else { throw failure(codes.invalidValue, "\(what) must be a mapping") }
    return mapping.compactMap { key, _ in
      let name = key.string ?? ""
      guard !allowed.contains(name) else { return nil }
      return child(key).failure(
        codes.unknownKey,
        "unknown key '\(name)' in \(what); expected one of \(allowed.sorted().joined(separator: ", "))")
    }
  }

  /// The mapping's keys (as values, for their positions) with their values, in file order.
  package func keyedEntries(_ what: String) throws(Diagnostic) -> [(key: YAMLValue, value: YAMLValue)] {
    guard let mapping = node.mapping else { throw failure(codes.invalidValue, "\(what) must be a mapping") }
    return mapping.map { (key: child($0.key), value: child($0.value)) }
  }

  /// Throws the first unknown key (`unknownKeys`), for readers that stop at the first problem.
  package func keys(_ what: String, allowed: Set<String>) throws(Diagnostic) {
    if let first = try unknownKeys(what, allowed: allowed).first { throw first }
  }

  package subscript(key: String) -> YAMLValue? {
    node.mapping?[Node(key)].map(child)
  }

  /// The value of a key that must be there; its absence is `code` (default: the kind's missing key).
  package func required(_ key: String, in what: String, code: DiagnosticCode? = nil) throws(Diagnostic) -> YAMLValue {
    guard let value = self[key] else {
      throw failure(code ?? codes.missingKey, "\(what) is missing required key '\(key)'")
    }
    return value
  }

  /// A scalar as text; an error for mappings and sequences.
  package func string(_ what: String) throws(Diagnostic) -> String {
    guard case .scalar(let scalar) = node else { throw failure(codes.invalidValue, "\(what) must be a single value") }
    return scalar.string
  }

  package func int(_ what: String) throws(Diagnostic) -> Int {
    guard let value = Int(try string(what)) else {
      throw failure(codes.invalidValue, "\(what) must be a whole number")
    }
    return value
  }

  package func bool(_ what: String) throws(Diagnostic) -> Bool {
    switch try string(what) {
    case "true": return true
    case "false": return false
    default: throw failure(codes.invalidValue, "\(what) must be true or false")
    }
  }

  /// A sequence of scalars; a single scalar counts as a sequence of one.
  package func strings(_ what: String) throws(Diagnostic) -> [String] {
    if case .scalar = node { return [try string(what)] }
    guard let sequence = node.sequence else { throw failure(codes.invalidValue, "\(what) must be a list") }
    var values: [String] = []
    for item in sequence { values.append(try child(item).string(what)) }
    return values
  }

  package func items(_ what: String) throws(Diagnostic) -> [YAMLValue] {
    guard let sequence = node.sequence else { throw failure(codes.invalidValue, "\(what) must be a list") }
    return sequence.map(child)
  }
}
