import RegPolicyModel

extension MappingRule {
  /// Reads one rule file (`instruments.yaml` is not consulted: the instrument is not checked).
  public static func read(_ text: String, file: String, roles: Set<String>) throws(Diagnostic) -> MappingRule {
    try RuleReader(file: file, roles: roles).read(text)
  }

  /// The rule file's text with its `reviewed:` block replaced by `hashes` (or added at the end):
  /// the record that a person has matched the rule to these clause texts (several per clause when
  /// more than one text counts as reviewed). Every other line — comments and layout included —
  /// stays as it was.
  public static func recordingReview(_ text: String, hashes: [(clause: PinpointID, sha256: [String])]) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    // The old block: the top-level key and the indented, blank or comment lines under it.
    if let start = lines.firstIndex(where: { $0.hasPrefix("reviewed:") }) {
      var end = start + 1
      while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") {
        end += 1
      }
      lines.removeSubrange(start..<end)
    }
    while lines.last?.trimmingPrefix(" ").isEmpty == true { lines.removeLast() }
    lines.append(
      "reviewed:   # sha256 of each cited clause's text as a person reviewed this rule against it; "
        + "written by `regpolicy rules review`, never by generate")
    lines += hashes.map {
      "  \($0.clause.rawValue): " + ($0.sha256.count == 1 ? $0.sha256[0] : "[\($0.sha256.joined(separator: ", "))]")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
