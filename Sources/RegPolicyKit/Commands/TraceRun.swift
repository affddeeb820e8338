import RegPolicyIndex
import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy trace`: from a control, rule, policy file, denial, commit or clause to the exact
/// words of the law, and back; or, with `uncovered`, the obligations no control implements.
public struct TraceRun: Sendable {
  /// How answers are written.
  public enum Format: String, CaseIterable, Sendable {
    case text, json
  }

  public var query: String?
  public var store: TraceStore
  /// List the obligations addressed to the profile's roles that no policy implements.
  public var uncovered: Bool
  public var profilePath: String?
  public var format: Format

  /// Creates a run.
  public init(query: String?, store: TraceStore, uncovered: Bool = false, profilePath: String? = nil, format: Format) {
    self.query = query
    self.store = store
    self.uncovered = uncovered
    self.profilePath = profilePath
    self.format = format
  }

  /// Answers; exit 3 when nothing matches the query or an input cannot be read.
  public func run() -> ExitStatus {
    do throws(Diagnostics) {
      if uncovered && store.source == nil {
        // Without the regulation there are no obligations to find uncovered, and "0" would be a lie.
        throw Diagnostics([
          Diagnostic.error(
            .traceNoInputs, file: "<arguments>", "--uncovered needs --source: the obligations come from the regulation")
        ])
      }
      let index = try store.open()
      if uncovered {
        let configuration = try PolicyConfiguration.load(profile: profilePath)
        let groups = Trace.uncovered(roles: configuration.profile.roles, in: index)
        OutputFile.emit(
          format == .json ? uncoveredJSON(groups) : uncoveredText(groups, roles: configuration.profile.roles), to: 1)
        return .success
      }
      let trace = try wrap { () throws(Diagnostic) in
        try Trace.answer(query ?? "", in: index, repository: store.repository, links: .stored(in: index))
      }
      OutputFile.emit(
        format == .json ? TraceRenderer.json(TraceRenderer.values(trace)) : TraceRenderer.text(trace), to: 1)
      return .success
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
  }

  private func uncoveredText(
    _ groups: [(top: PinpointID, statements: [TraceIndex.StatementRecord])], roles: [String]
  ) -> [UInt8] {
    var out = ""
    let count = groups.reduce(0) { $0 + $1.statements.count }
    out +=
      "\(count) obligations and prohibitions addressed to \(roles.joined(separator: ", ")) that no control implements\n"
    for group in groups {
      out += "\n\(group.top.citation)\n"
      for record in group.statements {
        let text = TraceRenderer.statement(record)["text"] as? String ?? ""
        out += "  \(record.clause) \(record.modality) (\(record.roles.joined(separator: ", "))): \(text)\n"
      }
    }
    return Array(out.utf8)
  }

  private func uncoveredJSON(_ groups: [(top: PinpointID, statements: [TraceIndex.StatementRecord])]) -> [UInt8] {
    TraceRenderer.json([
      "uncovered": groups.map { group -> [String: Any] in
        [
          "provision": group.top.rawValue, "citation": group.top.citation,
          "obligations": group.statements.map(TraceRenderer.statement),
        ]
      }
    ])
  }
}
