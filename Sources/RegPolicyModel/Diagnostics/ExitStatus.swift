/// The process exit statuses, decided once at the end of a run from what it reported. The README's
/// table and `regpolicy --help` are made from these descriptions.
public enum ExitStatus: Int32, CaseIterable, Sendable {
  case success = 0
  case findings = 1
  case usage = 2
  case inputError = 3
  case outputError = 4
  case noChange = 5
  case needsReview = 6

  /// What the status means, for people.
  public var meaning: String {
    switch self {
    case .success: "done: every input read, every output written"
    case .findings:
      "findings you asked to fail on: `ingest --check` below `--min-coverage`, `check` with a violated policy in "
        + "`deny` mode, `diff` of versions that differ"
    case .usage: "usage error: a bad option or argument"
    case .inputError:
      "an input could not be read (a regulation, profile, rule, template, manifest, policy tree or repository); "
        + "the other inputs were still processed and nothing was half-written"
    case .outputError:
      "an output could not be written, or a write was refused: `--out` holds files regpolicy did not write, "
        + "a branch exists with other content, git failed"
    case .noChange: "`run`: nothing changed; no commit was made"
    case .needsReview:
      "`run`: a policy rests on a clause whose text changed since its rule was reviewed (or was never reviewed): "
        + "the branch marks it needs-review; `regpolicy rules review` records a new review"
    }
  }

  /// How bad a status is when several apply: an output failure outranks an input failure, which
  /// outranks findings.
  private var rank: Int {
    switch self {
    case .success: 0
    case .noChange: 1
    case .findings: 2
    case .needsReview: 3
    case .inputError: 4
    case .outputError: 5
    case .usage: 6
    }
  }

  /// The worse of two statuses.
  public func combined(with other: ExitStatus) -> ExitStatus { other.rank > rank ? other : self }

  /// The status of a run that reported `diagnostics`: the worst status of its errors, each from the
  /// catalogue; warnings and notes change nothing.
  public static func of(_ diagnostics: [Diagnostic]) -> ExitStatus {
    diagnostics.reduce(ExitStatus.success) { status, diagnostic in
      diagnostic.severity == .error ? status.combined(with: diagnostic.code.exitStatus) : status
    }
  }
}
