import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy check`: evaluates a generated tree's policies natively on Kubernetes manifests and
/// explains every violation in legal terms. Keeps going past bad manifest files.
public struct CheckRun: Sendable {
  /// How results are written.
  public enum Format: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github
  }

  public var policiesDirectory: String
  /// Manifest files, folders of them, or `-` for standard input.
  public var manifests: [String]
  public var format: Format

  /// Creates a run.
  public init(policiesDirectory: String, manifests: [String], format: Format = .text) {
    self.policiesDirectory = policiesDirectory
    self.manifests = manifests
    self.format = format
  }

  /// One violation: which object, which control, what the law says. A class: a report holds tens
  /// of thousands, grouped several ways, and copying the manifest and policy each time showed.
  public final class Violation: Sendable {
    public let manifest: Manifest
    public let policy: Policy
    public let message: String
    /// The clauses the broken requirement rests on.
    public let basis: Policy.LegalBasis
    /// The metadata field ("labels", "annotations") and key of the broken requirement.
    public let field: String
    public let key: String
    /// The line of the offending key (or, when it is missing, of where it belongs).
    public let line: Int

    init(manifest: Manifest, policy: Policy, finding: Evaluator.Finding) {
      self.manifest = manifest
      self.policy = policy
      message = finding.message
      basis = finding.basis
      field = finding.field
      key = finding.key
      line = manifest.line(of: finding.field, key: finding.key)
    }

    public var file: String { manifest.file }
    public var subject: String { manifest.subject }
    /// The object broken, as one key: two files may hold objects of one name.
    public var object: ObjectKey { ObjectKey(file: manifest.file, subject: manifest.subject) }
  }

  /// An object of a manifest: its file and "kind/namespace/name".
  public struct ObjectKey: Hashable, Sendable {
    public var file: String
    public var subject: String
  }

  /// Runs: exit 1 when a policy in deny mode is violated, 3 when a manifest could not be read
  /// (the others are still checked), 0 otherwise.
  public func run() -> ExitStatus {
    let policies: [Policy]
    do {
      policies = try PolicyIndex.read(from: policiesDirectory).index.policies.map(\.policy)
      OutputFile.report(policies.compactMap(\.reviewWarning))
    } catch {
      OutputFile.report([error])
      return error.code.exitStatus
    }
    var problems: [Diagnostic] = []
    let read = CheckRun.read(manifests, problems: &problems)
    let violations = CheckRun.violations(read, policies)
    OutputFile.report(problems)
    let output: [UInt8]
    switch format {
    case .text: output = text(violations, objects: read.count)
    case .json: output = json(violations, objects: read.count)
    case .sarif: output = FindingFormats.sarif(violations, policies: policies)
    case .junit: output = FindingFormats.junit(violations, policies: policies, manifests: read)
    case .github: output = FindingFormats.github(violations)
    }
    OutputFile.emit(output, to: 1)
    let status = ExitStatus.of(problems)
    return violations.contains { $0.policy.enforcement == "deny" } ? status.combined(with: .findings) : status
  }

  /// Every object of every manifest; what cannot be read is a problem, and the rest is still read.
  static func read(_ paths: [String], problems: inout [Diagnostic]) -> [Manifest] {
    var manifests: [Manifest] = []
    for (file, text) in manifestTexts(paths, problems: &problems) {
      let read = Manifest.read(text, file: file)
      problems += read.errors
      manifests += read.manifests
    }
    return manifests
  }

  /// The manifests to check, as (name, text): files as named; folders, every `.yaml`, `.yml` and
  /// `.json` file below them in name order; `-`, standard input (a `kubectl get -o yaml` stream),
  /// named `<stdin>`. What cannot be read is a problem, and the rest is still checked.
  static func manifestTexts(_ paths: [String], problems: inout [Diagnostic]) -> [(file: String, text: String)] {
    var texts: [(file: String, text: String)] = []
    for path in paths {
      do throws(Diagnostic) {
        if path == "-" {
          let bytes = InputFiles.standardInput()
          guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic.error(.inputInvalidUTF8, file: "<stdin>", "standard input is not UTF-8 text")
          }
          texts.append(("<stdin>", text))
        } else if InputFiles.isDirectory(path) {
          let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
          let found = try InputFiles.files(in: folder, suffixes: [".yaml", ".yml", ".json"], problems: &problems)
          texts += found.map { (folder + "/" + $0.path, $0.text) }
        } else {
          texts.append((path, try InputFiles.read(path)))
        }
      } catch {
        problems.append(error)
      }
    }
    return texts
  }

  /// Every violation of every policy by every manifest, in manifest then control order.
  public static func violations(_ manifests: [Manifest], _ policies: [Policy]) -> [Violation] {
    // Manifests are checked in batches on every core; batches are joined in manifest order.
    let size = 256
    let batches = stride(from: 0, to: manifests.count, by: size).map { manifests[$0..<min($0 + size, manifests.count)] }
    return batches.concurrentMap { batch in
      var violations: [Violation] = []
      for manifest in batch {
        for policy in policies {
          for finding in Evaluator.findings(of: policy, in: manifest) {
            violations.append(Violation(manifest: manifest, policy: policy, finding: finding))
          }
        }
      }
      return violations
    }.flatMap { $0 }
  }

  private func text(_ violations: [Violation], objects: Int) -> [UInt8] {
    var out = JSONWriter()
    for violation in violations {
      out.raw("\(violation.file):\(violation.line): \(violation.message)\n")
      if !violation.basis.quote.isEmpty {
        out.raw("    \(violation.basis.citation): “\(violation.basis.quote)”\n")
      }
    }
    let denied = violations.filter { $0.policy.enforcement == "deny" }.count
    out.raw("\(objects) objects checked, \(denied) denials, \(violations.count - denied) warnings\n")
    return out.bytes
  }

  private func json(_ violations: [Violation], objects: Int) -> [UInt8] {
    var out = JSONWriter()
    out.raw("{\"objects\":")
    out.int(objects)
    out.raw(",\"violations\":")
    out.array(violations) { out, violation in
      out.raw("{\"clauses\":")
      out.array(violation.policy.clauses.filter { violation.basis.clauses.contains($0.id) }) { out, clause in
        out.raw("{\"citation\":")
        out.string(clause.citation)
        out.raw(",\"id\":")
        out.string(clause.id.rawValue)
        out.raw(",\"link\":")
        out.string(clause.link)
        out.raw(",\"sha256\":")
        out.string(clause.sha256)
        out.raw(",\"text\":")
        out.string(clause.text)
        out.raw("}")
      }
      out.raw(",\"citation\":")
      out.string(violation.basis.citation)
      out.raw(",\"control\":")
      out.string(violation.policy.control)
      out.raw(",\"enforcement\":")
      out.string(violation.policy.enforcement)
      out.raw(",\"file\":")
      out.string(violation.file)
      out.raw(",\"line\":")
      out.int(violation.line)
      out.raw(",\"message\":")
      out.string(violation.message)
      out.raw(",\"link\":")
      out.string(violation.basis.link)
      out.raw(",\"quote\":")
      out.string(violation.basis.quote)
      out.raw(",\"rule\":")
      out.string(violation.policy.rule)
      out.raw(",\"subject\":")
      out.string(violation.subject)
      out.raw("}")
    }
    out.raw("}\n")
    return out.bytes
  }
}
