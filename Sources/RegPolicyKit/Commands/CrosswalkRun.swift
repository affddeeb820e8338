import RegPolicyModel
import RegPolicyPolicies

/// `regpolicy crosswalk`: the typed links of `rules/crosswalks/` that have the asked clause or
/// control at either end, each read from that end, with the controls that rest on it.
public struct CrosswalkRun: Sendable {
  public var query: String
  public var format: TraceRun.Format
  /// The rules folder (nil: the built-in copy of `rules/`).
  public var rulesDirectory: String?

  /// Creates a run.
  public init(query: String, format: TraceRun.Format = .text, rulesDirectory: String? = nil) {
    self.query = query
    self.format = format
    self.rulesDirectory = rulesDirectory
  }

  /// Answers; exit 2 when the query names nothing a crosswalk knows, 3 when no link has it or a
  /// rule or crosswalk file cannot be read.
  public func run() -> ExitStatus {
    do throws(Diagnostics) {
      let answer = try answer()
      OutputFile.emit(format == .json ? Self.json(answer) : Self.text(answer), to: 1)
      return .success
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
  }

  /// The answer as values: what the query resolved to and each link read from that end.
  public struct Answer: Sendable {
    public var query: String
    public var endpoint: CrosswalkEndpoint
    public var title: String?
    public var readings: [(reading: Crosswalk.Reading, controls: [String])]
  }

  /// Loads the rules and crosswalks once and answers the query.
  public func answer() throws(Diagnostics) -> Answer {
    let loaded = PolicyConfiguration.rulesAndCrosswalk(from: rulesDirectory)
    guard let rules = loaded.rules, let crosswalk = loaded.crosswalk else { throw Diagnostics(loaded.errors) }
    let controls = Set(rules.rules.map(\.control))
    guard let endpoint = crosswalk.endpoint(forQuery: query, controls: controls) else {
      throw Diagnostics([
        Diagnostic.error(
          .crosswalkUnknownQuery, file: "<arguments>",
          "'\(query)' names no AI Act clause ('art_12.par_1', 'Article 12(1)'), AI RMF subcategory ('MEASURE 2.4'), "
            + "ISO/IEC 42001 clause or control ('A.6.2.8'), SP 800-53 control ('AU-11') or regpolicy control")
      ])
    }
    // A control answers for the clauses its rule rests on (cited or matched by exact ID) and itself.
    let readings =
      endpoint.framework == .regpolicy
      ? crosswalk.readings(forControl: endpoint.id, rules: rules) : crosswalk.readings(for: endpoint)
    if readings.isEmpty {
      throw Diagnostics([
        Diagnostic.error(
          .crosswalkNotFound, file: "<arguments>",
          "no crosswalk link has '\(endpoint)' (\(endpoint.label)) at either end")
      ])
    }
    return Answer(
      query: query, endpoint: endpoint, title: crosswalk.title(of: endpoint),
      readings: readings.map { reading in
        // The controls of the link's clause of a ruled instrument or regpolicy control, whichever end it is.
        let ends = [reading.near, reading.far].filter { $0.framework != .iso42001 }
        let controls = Set(ends.flatMap { rules.controls(concerning: $0) }).sorted()
        return (reading, controls)
      })
  }

  static func endpointValues(_ endpoint: CrosswalkEndpoint, title: String?) -> [String: Any] {
    var values: [String: Any] = [
      "id": endpoint.description, "framework": endpoint.framework.rawValue, "label": endpoint.label,
    ]
    if let title { values["title"] = title }
    return values
  }

  /// `{"query", "endpoint", "links": [{"near", "relationship", "far", "rationale", "controls",
  /// "stated": {"from", "relationship", "to"}, "source"}]}`, keys sorted.
  public static func json(_ answer: Answer) -> [UInt8] {
    TraceRenderer.json([
      "query": answer.query,
      "endpoint": endpointValues(answer.endpoint, title: answer.title),
      "links": answer.readings.map { entry -> [String: Any] in
        let link = entry.reading.link
        return [
          "near": endpointValues(entry.reading.near, title: nil),
          "relationship": entry.reading.relationship.rawValue,
          "far": endpointValues(entry.reading.far, title: entry.reading.farTitle),
          "rationale": link.rationale,
          "controls": entry.controls,
          "stated": [
            "from": link.from.description, "relationship": link.relationship.rawValue, "to": link.to.description,
          ],
          "source": "\(link.file):\(link.line)",
        ]
      },
    ])
  }

  /// A link as the other commands show it (`trace`, `serve`, `report`): the far end as `framework`,
  /// `id`, `label` and `title` (when known), the relationship read from the near end, the rationale,
  /// and `near`, the end on the asked side (`ai-act:art_12.par_1`: the clause, one enclosing it or
  /// one under it; or the control).
  public static func values(_ reading: Crosswalk.Reading) -> [String: Any] {
    var values: [String: Any] = [
      "near": reading.near.description, "framework": reading.far.framework.rawValue, "id": reading.far.id,
      "label": reading.far.label, "relationship": reading.relationship.rawValue,
      "rationale": reading.link.rationale,
    ]
    if let title = reading.farTitle { values["title"] = title }
    return values
  }

  /// "ai-act:art_12.par_1 intersects-with iso-42001:A.6.2.8 (ISO/IEC 42001 A.6.2.8 — AI system
  /// recording of event logs)": a link read from its near end, on one line.
  public static func line(_ reading: Crosswalk.Reading) -> String {
    var out = "\(reading.near) \(reading.relationship.rawValue) \(reading.far)"
    out += " (\(reading.far.framework.name) \(reading.far.label)"
    if let title = reading.farTitle { out += " — \(title)" }
    return out + ")"
  }

  /// For people: the endpoint, then one block per link: "NEAR RELATIONSHIP FAR", why, and the
  /// controls that rest on it.
  public static func text(_ answer: Answer) -> [UInt8] {
    var out = "\(answer.endpoint) — \(answer.endpoint.framework.name) \(answer.endpoint.label)"
    if let title = answer.title { out += " — \(title)" }
    out += "\n"
    for entry in answer.readings {
      out += "\n" + line(entry.reading) + "\n"
      out += "  why: \(entry.reading.link.rationale)\n"
      if !entry.controls.isEmpty { out += "  controls: \(entry.controls.joined(separator: ", "))\n" }
      out += "  source: \(entry.reading.link.file):\(entry.reading.link.line)\n"
    }
    return Array(out.utf8)
  }
}
