import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy report`: the cost/compliance gap report of a generated tree — coverage of the law
/// that applies to the organisation, violations on its manifests, the spend of the violating
/// workloads, the law's ceiling on fines, and the trend since the last report.
public struct ReportRun: Sendable {
  /// How the report is written.
  public enum Format: String, CaseIterable, Sendable {
    case markdown, html, json, sarif, junit
  }

  public var policiesDirectory: String
  public var profile: String?
  public var rules: String?
  public var source: String?
  public var manifests: [String]
  public var costs: [String]
  public var previous: String?
  public var format: Format
  public var out: String?
  /// The largest cost file read.
  public var maxBytes: Int

  /// Creates a run.
  public init(
    policiesDirectory: String, profile: String?, rules: String? = nil, source: String? = nil, manifests: [String] = [],
    costs: [String] = [], previous: String? = nil, format: Format = .markdown, out: String? = nil,
    maxBytes: Int = 512 << 20
  ) {
    self.policiesDirectory = policiesDirectory
    self.profile = profile
    self.rules = rules
    self.source = source
    self.manifests = manifests
    self.costs = costs
    self.previous = previous
    self.format = format
    self.out = out
    self.maxBytes = maxBytes
  }

  /// Runs: exit 3 when the policies, profile, rules, regulation, cost data or previous report cannot
  /// be read (then nothing is written: a report with a wrong total is worse than none); 3 also when
  /// a manifest cannot be read (the others are still checked and the report is written); 1 when a
  /// policy in deny mode is violated; 4 when the report cannot be written; 0 otherwise.
  public func run() -> ExitStatus {
    var problems: [Diagnostic] = []
    do throws(Diagnostics) {
      let report = try build(problems: &problems)
      let bytes: [UInt8]
      switch format {
      case .markdown: bytes = ReportMarkdown.render(report)
      case .html: bytes = ReportHTML.render(report)
      case .json: bytes = JSONValues.encode(ReportValues.values(report))
      case .sarif: bytes = FindingFormats.sarif(report.violations, policies: report.policies)
      case .junit:
        bytes = FindingFormats.junit(report.violations, policies: report.policies, manifests: report.manifests)
      }
      if let out {
        do { try OutputFile.write(bytes, to: out) } catch { throw Diagnostics(problems + [error]) }
      } else {
        OutputFile.emit(bytes, to: 1)
      }
      OutputFile.report(problems)
      let status = ExitStatus.of(problems)
      return report.violations.contains { $0.policy.enforcement == "deny" } ? status.combined(with: .findings) : status
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
  }

  /// Reads every input and computes the report; manifest problems are noted, any other input that
  /// cannot be read is thrown (with every problem found).
  func build(problems: inout [Diagnostic]) throws(Diagnostics) -> Report {
    var failures: [Diagnostic] = []
    var policies: [Policy] = []
    do {
      policies = try PolicyIndex.read(from: policiesDirectory).index.policies.map(\.policy)
    } catch {
      failures.append(error)
    }
    // The manifests are read and checked on other cores while the regulation is read here.
    let checked = Background {
      [manifests = self.manifests, policies] () -> (checked: ([Manifest], [CheckRun.Violation]), problems: [Diagnostic])
      in
      var problems: [Diagnostic] = []
      let manifests = CheckRun.read(manifests, problems: &problems)
      return ((manifests, CheckRun.violations(manifests, policies)), problems)
    }
    var configuration: PolicyConfiguration?
    do { configuration = try PolicyConfiguration.load(profile: profile, rules: rules, crosswalk: true) } catch {
      failures += error.all
    }
    var source: Source?
    if let path = self.source {
      let read = Source.read(path)
      if let document = read.source {
        source = document
        problems += read.diagnostics.filter { $0.severity != .error }
      } else {
        failures += read.diagnostics
      }
    }
    var data: CostData?
    if !costs.isEmpty, let configuration {
      do { data = try CostData.read(costs, costs: configuration.profile.costs, maxBytes: maxBytes) } catch {
        failures += error.all
      }
    }
    let previousText: String?
    do { previousText = try previous.map { path throws(Diagnostic) in try InputFiles.read(path) } } catch {
      failures.append(error)
      previousText = nil
    }
    let ((manifests, violations), manifestProblems) = checked.value()
    guard failures.isEmpty, let configuration else { throw Diagnostics(failures) }
    problems += manifestProblems + (data?.warnings ?? [])

    let profile = configuration.profile
    let workloads = Report.workloads(manifests, violations: violations, profile: profile)
    let instruments = Set(policies.compactMap(\.instrument) + (source.map { [$0.instrument] } ?? []))
    let table = configuration.rules.reportTables.first { instruments.contains($0.instrument) }
    let violated = Set(violations.map(\.policy.control))
    let fines = table.map {
      Report.fines($0, policies: policies, violated: violated, exposure: profile.exposure, source: source)
    }
    var spend: Report.Spend?
    if let data {
      guard let joined = Report.spend(data, workloads: workloads) else {
        throw Diagnostics([
          Diagnostic.error(.costsInvalidNumber, file: costs[0], "a sum of the cost data does not fit 38 digits")
        ])
      }
      spend = joined
    }
    var report = Report(
      organisation: profile.organisation, generator: PolicyConfiguration.generator, profile: profile,
      policies: policies, crosswalk: crosswalk(of: policies, configuration),
      coverage: source.map { Coverage.of($0, policies: policies, profile: profile, table: table) },
      manifestsGiven: !self.manifests.isEmpty, manifests: manifests, violations: violations, workloads: workloads,
      spend: spend, fines: fines?.fines ?? [], violatedOutsideTiers: fines?.outside ?? [], trend: nil)
    if let previousText, let previous {
      do { report.trend = try ReportValues.trend(report, previous: previousText, file: previous) } catch {
        throw Diagnostics([error])
      }
    }
    return report
  }

  /// The crosswalk links of each control that has some.
  func crosswalk(of policies: [Policy], _ configuration: PolicyConfiguration) -> [String: [Crosswalk.Reading]] {
    guard let crosswalk = configuration.crosswalk else { return [:] }
    var links: [String: [Crosswalk.Reading]] = [:]
    for policy in policies {
      let readings = crosswalk.readings(forControl: policy.control, rules: configuration.rules)
      if !readings.isEmpty { links[policy.control] = readings }
    }
    return links
  }
}
