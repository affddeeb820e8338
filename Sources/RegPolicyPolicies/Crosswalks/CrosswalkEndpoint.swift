import RegPolicyModel

/// One end of a crosswalk link: a framework and an identifier in that framework's canonical form,
/// written `FRAMEWORK:ID` in `rules/crosswalks/` (`ai-act:art_12.par_1`, `sp800-53:ctl_au-11`).
public struct CrosswalkEndpoint: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The frameworks a crosswalk joins, in the order answers list them.
  public enum Framework: String, CaseIterable, Hashable, Sendable {
    /// The EU AI Act, Regulation (EU) 2024/1689: pinpoint IDs (`art_12.par_1`).
    case aiAct = "ai-act"
    /// NIST AI RMF 1.0 subcategories as the Playbook's pinpoint IDs (`sbc_measure-2-4`).
    case aiRMF = "nist-ai-rmf"
    /// ISO/IEC 42001:2023 clauses (`6.1.2`) and Annex A controls (`A.6.2.8`), from a list.
    case iso42001 = "iso-42001"
    /// NIST SP 800-53 rev. 5 controls as the OSCAL catalog's pinpoint IDs (`ctl_au-11`).
    case sp80053 = "sp800-53"
    /// A control regpolicy generates (`FINOPS-GPU`), for rules that cite no clause.
    case regpolicy

    /// The framework's name for people.
    public var name: String {
      switch self {
      case .aiAct: "EU AI Act"
      case .aiRMF: "NIST AI RMF"
      case .iso42001: "ISO/IEC 42001"
      case .sp80053: "NIST SP 800-53"
      case .regpolicy: "regpolicy control"
      }
    }

    /// The CELEX number of the AI Act, the instrument of `ai-act` endpoints.
    public static let aiActCELEX = "32024R1689"

    /// The instrument whose pinpoint IDs the framework's endpoints are, as rules name it; nil for
    /// a framework no source holds.
    public var instrument: String? {
      switch self {
      case .aiAct: Self.aiActCELEX
      case .aiRMF: "NIST.AI.100-1.Playbook"
      case .sp80053: "NIST.SP.800-53r5"
      case .iso42001, .regpolicy: nil
      }
    }

    /// The framework of an instrument's pinpoint IDs.
    public static func of(instrument: String) -> Framework? { allCases.first { $0.instrument == instrument } }

    var order: Int { Framework.allCases.firstIndex(of: self) ?? 0 }

    /// The framework whose identifiers are an ingested instrument's pinpoint IDs: the AI Act
    /// (`32024R1689`, a consolidated version `02024R1689-…`), the AI RMF Playbook, SP 800-53 rev. 5; nil
    /// for any other instrument, whose clauses no crosswalk names.
    public init?(instrument id: String) {
      if id == Self.aiActCELEX || id.hasPrefix("0" + Self.aiActCELEX.dropFirst() + "-") {
        self = .aiAct
      } else if id.hasPrefix("NIST.AI.100-1") {
        self = .aiRMF
      } else if id == "NIST.SP.800-53r5" {
        self = .sp80053
      } else {
        return nil
      }
    }
  }

  public let framework: Framework
  public let id: String

  /// An endpoint; `id` should be canonical (`parse` checks it).
  public init(_ framework: Framework, _ id: String) {
    self.framework = framework
    self.id = id
  }

  /// `FRAMEWORK:ID`, as the crosswalk files write it.
  public var description: String { framework.rawValue + ":" + id }

  /// Reads `FRAMEWORK:ID` (a cached crosswalk, as `encode(to:)` wrote it).
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    switch Self.parse(text) {
    case .success(let endpoint): self = endpoint
    case .failure(let error):
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
    }
  }

  /// Writes `FRAMEWORK:ID`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// The name people use: "Article 12(1)", "MEASURE 2.4", "A.6.2.8", "AU-11", "AC-2(1)", "FINOPS-GPU".
  public var label: String {
    switch framework {
    case .aiAct, .aiRMF, .sp80053: return PinpointID(rawValue: id).citation
    case .iso42001, .regpolicy: return id
    }
  }

  /// The AI Act clause, for an `ai-act` endpoint.
  public var clause: PinpointID? { framework == .aiAct ? PinpointID(rawValue: id) : nil }

  public static func < (lhs: CrosswalkEndpoint, rhs: CrosswalkEndpoint) -> Bool {
    if lhs.framework != rhs.framework { return lhs.framework.order < rhs.framework.order }
    return naturalLess(lhs.id, rhs.id)
  }

  /// Reads `FRAMEWORK:ID` as the crosswalk files must write it; the error says what is wrong and,
  /// when the identifier is recognisable in another form, the canonical one.
  public static func parse(_ text: String) -> Result<CrosswalkEndpoint, EndpointError> {
    guard let colon = text.firstIndex(of: ":"), let framework = Framework(rawValue: String(text[..<colon])) else {
      return .failure(
        EndpointError(
          message: "'\(text)' does not start with a framework: "
            + Framework.allCases.map { $0.rawValue + ":" }.joined(separator: ", ")))
    }
    let id = String(text[text.index(after: colon)...])
    if isCanonical(framework, id) { return .success(CrosswalkEndpoint(framework, id)) }
    if let loose = canonical(framework, loose: id), loose.id != id {
      return .failure(EndpointError(message: "'\(text)' is not canonical; write '\(loose)'"))
    }
    return .failure(EndpointError(message: "'\(id)' is not a \(framework.name) identifier"))
  }

  /// Why an endpoint was refused.
  public struct EndpointError: Error, Hashable, Sendable {
    public var message: String
  }

  /// Whether `id` is the framework's canonical form.
  static func isCanonical(_ framework: Framework, _ id: String) -> Bool {
    switch framework {
    case .aiAct:
      guard let steps = PinpointID(rawValue: id).steps, let rebuilt = PinpointID(steps: steps) else { return false }
      return rebuilt.rawValue == id
    case .aiRMF:
      guard id.hasPrefix("sbc_") else { return false }
      let parts = id.dropFirst(4).split(separator: "-", omittingEmptySubsequences: false)
      return parts.count == 3 && functions.contains(String(parts[0])) && isNumber(parts[1]) && isNumber(parts[2])
    case .iso42001:
      let body = id.hasPrefix("A.") ? id.dropFirst(2) : Substring(id)
      let parts = body.split(separator: ".", omittingEmptySubsequences: false)
      return (id.hasPrefix("A.") ? parts.count >= 2 : parts.count >= 1) && parts.allSatisfy(isNumber)
    case .sp80053:
      guard id.hasPrefix("ctl_") else { return false }
      let parts = id.dropFirst(4).split(separator: "-", omittingEmptySubsequences: false)
      return (2...3).contains(parts.count) && parts[0].count == 2
        && parts[0].allSatisfy { $0 >= "a" && $0 <= "z" } && parts.dropFirst().allSatisfy(isNumber)
    case .regpolicy:
      // "AIA-12", "FINOPS-GPU", "RMF-GV-1.6".
      return !id.isEmpty && !"-.".contains(id.first!) && !"-.".contains(id.last!)
        && id.allSatisfy { ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "." }
    }
  }

  /// The endpoint a person means by `text` in one framework, in the forms people write: "MEASURE 2.4",
  /// "AU-11", "au-11", "AC-2(1)", "Article 12(1)", besides the canonical ones.
  static func canonical(_ framework: Framework, loose text: String) -> CrosswalkEndpoint? {
    let text = text.trimmingSpaces
    if isCanonical(framework, text) { return CrosswalkEndpoint(framework, text) }
    switch framework {
    case .aiAct:
      return PinpointID(citation: text).map { CrosswalkEndpoint(.aiAct, $0.rawValue) }
    case .aiRMF:
      // "MEASURE 2.4", "measure-2.4", "Measure 2-4".
      let words = text.lowercased().split { $0 == " " || $0 == "-" || $0 == "." }
      guard words.count == 3, functions.contains(String(words[0])), isNumber(words[1]), isNumber(words[2]) else {
        return nil
      }
      return CrosswalkEndpoint(.aiRMF, "sbc_\(words[0])-\(Int(words[1]) ?? 0)-\(Int(words[2]) ?? 0)")
    case .sp80053:
      // "AU-11", "ac-2(1)", "AC-2 (1)", "ctl_AU-11".
      var body = text.lowercased()
      if body.hasPrefix("ctl_") { body.removeFirst(4) }
      let parts = body.split { $0 == "-" || $0 == "(" || $0 == ")" || $0 == " " }
      guard (2...3).contains(parts.count), parts[0].count == 2, parts[0].allSatisfy({ $0 >= "a" && $0 <= "z" }),
        parts.dropFirst().allSatisfy(isNumber)
      else { return nil }
      let id =
        "ctl_" + parts.map { $0.allSatisfy(\.isNumber) ? String(Int($0) ?? 0) : String($0) }.joined(separator: "-")
      return CrosswalkEndpoint(.sp80053, id)
    case .iso42001:
      let upper = text.hasPrefix("a.") ? "A." + text.dropFirst(2) : text
      return isCanonical(.iso42001, upper) ? CrosswalkEndpoint(.iso42001, upper) : nil
    case .regpolicy:
      let upper = text.uppercased()
      return isCanonical(.regpolicy, upper) ? CrosswalkEndpoint(.regpolicy, upper) : nil
    }
  }

  static let functions: Set<String> = ["govern", "map", "measure", "manage"]

  private static func isNumber(_ text: Substring) -> Bool {
    !text.isEmpty && text.count <= 4 && text.allSatisfy { $0 >= "0" && $0 <= "9" } && text.first != "0"
  }

  /// Orders identifiers with their numbers as numbers: `A.6.2.10` after `A.6.2.9`, `ctl_au-11` after `ctl_au-2`.
  static func naturalLess(_ lhs: String, _ rhs: String) -> Bool {
    func chunks(_ text: String) -> [(String, Int?)] {
      var out: [(String, Int?)] = []
      var current = ""
      var digits = false
      for character in text {
        let isDigit = character >= "0" && character <= "9"
        if !current.isEmpty && isDigit != digits {
          out.append((current, digits ? Int(current) : nil))
          current = ""
        }
        digits = isDigit
        current.append(character)
      }
      if !current.isEmpty { out.append((current, digits ? Int(current) : nil)) }
      return out
    }
    let left = chunks(lhs)
    let right = chunks(rhs)
    for (a, b) in zip(left, right) {
      if let x = a.1, let y = b.1 {
        if x != y { return x < y }
      } else if a.0 != b.0 {
        return a.0 < b.0
      }
    }
    return left.count != right.count ? left.count < right.count : lhs < rhs
  }
}
