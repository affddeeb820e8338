import FoundationEssentials
import RegPolicyModel

/// Any JSON value: the Playbook's entries are read as key → value maps so that no key goes unseen.
enum JSONValue: Decodable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let text = try? container.decode(String.self) {
      self = .string(text)
    } else if let flag = try? container.decode(Bool.self) {
      self = .bool(flag)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let list = try? container.decode([JSONValue].self) {
      self = .array(list)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  var string: String? { if case .string(let text) = self { text } else { nil } }
}

/// Reads the NIST AI RMF Playbook JSON export: an array of subcategory entries
/// (`{"type": "Govern", "title": "GOVERN 1.1", "description": …, "section_about": …}`), arranged
/// as function (`fn_govern`) → category (`cat_govern-1`) → subcategory (`sbc_govern-1-1`), with the
/// Playbook's sections as statements of the subcategory (`sbc_govern-1-1.smt_about`).
enum PlaybookReader {
  /// The keys whose text becomes provisions; every other key is metadata.
  private static let placedKeys: Set<String> = [
    "title", "description", "section_about", "section_actions", "section_doc", "section_ref",
  ]

  static func read(_ file: SourceFile) throws(IngestFailure) -> (Document, Fidelity) {
    let entries: [[String: JSONValue]]
    do {
      entries = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(file.bytes))
    } catch DecodingError.typeMismatch {
      throw IngestFailure(code: DiagnosticCode.jsonMalformed, message: "expected an array of Playbook entries")
    } catch {
      throw IngestFailure(code: DiagnosticCode.jsonMalformed, message: "not valid JSON")
    }
    let lines = file.bytes.withUnsafeBytes { LineIndex($0) }
    var functions: [Provision] = []
    var searchFrom = 0  // entries stand in file order: each search starts where the last one ended
    var placed = 0
    var metadata = 0
    var unplaced = 0
    let sections = [
      ("section_about", "about"), ("section_actions", "actions"), ("section_doc", "doc"),
      ("section_ref", "ref"),
    ]
    for (index, entry) in entries.enumerated() {
      guard let title = entry["title"]?.string, let type = entry["type"]?.string else {
        throw IngestFailure(code: DiagnosticCode.jsonMalformed, message: "entry \(index + 1) has no 'type' or 'title'")
      }
      // "GOVERN 1.1" → function GOVERN, category 1, subcategory 1.1.
      let words = title.split(separator: " ")
      guard words.count == 2, let dot = words[1].firstIndex(of: ".") else {
        throw IngestFailure(
          code: DiagnosticCode.jsonMalformed, message: "entry \(index + 1): title '\(title)' is not 'FUNCTION N.N'")
      }
      for (key, value) in entry {
        let count = textBytes(value)
        if placedKeys.contains(key) {
          placed += count
        } else if ["type", "category", "AI Actors", "Topic"].contains(key) {
          metadata += count
        } else {
          unplaced += count
        }
      }
      let function = words[0].lowercased()
      let category = String(words[1][..<dot])
      let source = locate(title, in: file.bytes, from: &searchFrom, lines: lines, path: file.path)
      let functionID = PinpointID(.function, function)
      let categoryID = PinpointID(.category, "\(function)-\(category)")
      let subcategoryID = PinpointID(.subcategory, "\(function)-\(words[1])")
      var subcategory = Provision(
        id: subcategoryID, kind: .subcategory, num: title,
        text: Normalizer.normalize(entry["description"]?.string ?? ""), source: source)
      for (key, name) in sections {
        guard let text = entry[key]?.string, !text.isEmpty else { continue }
        subcategory.children.append(
          Provision(
            id: subcategoryID.appending(.statement, name), kind: .statement,
            heading: name, text: Normalizer.normalize(text), source: source))
      }
      if functions.last?.id != functionID {
        functions.append(
          Provision(id: functionID, kind: .function, num: words[0].uppercased(), heading: type, source: source))
      }
      if functions[functions.count - 1].children.last?.id != categoryID {
        functions[functions.count - 1].children.append(
          Provision(id: categoryID, kind: .category, num: "\(words[0].uppercased()) \(category)", source: source))
      }
      let last = functions[functions.count - 1].children.count - 1
      functions[functions.count - 1].children[last].children.append(subcategory)
    }
    guard !functions.isEmpty else {
      throw IngestFailure(code: DiagnosticCode.ingestNoProvisions, message: "the Playbook has no entries")
    }
    let instrument = Instrument(
      id: "NIST.AI.100-1.Playbook", title: "NIST AI RMF Playbook", language: "en",
      version: entries.first?["category"] == nil ? "playbook-2023" : "playbook-2024",
      format: .playbook)
    let fidelity = Fidelity(file: file.path, provision: placed, header: metadata, unplaced: unplaced)
    return (Document(instrument: instrument, provisions: functions), fidelity)
  }

  /// Non-space UTF-8 bytes of the strings in a JSON value.
  private static func textBytes(_ value: JSONValue) -> Int {
    switch value {
    case .string(let text): text.utf8.reduce(0) { $0 + (Numbering.isSpace($1) ? 0 : 1) }
    case .array(let list): list.reduce(0) { $0 + textBytes($1) }
    case .object(let map): map.values.reduce(0) { $0 + textBytes($1) }
    default: 0
    }
  }

  /// Where the entry's title string stands in the file (the JSON parser keeps no positions),
  /// searching from `start` on and moving `start` past the match.
  private static func locate(_ title: String, in bytes: [UInt8], from start: inout Int, lines: LineIndex, path: String)
    -> SourceSpan
  {
    let needle = Array("\"\(title)\"".utf8)
    guard let first = needle.first else { return SourceSpan(file: path) }
    var index = start
    while index + needle.count <= bytes.count {
      if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) {
        let (line, column) = lines.location(of: index)
        start = index + needle.count
        return SourceSpan(file: path, line: line, column: column, startOffset: index, endOffset: index + needle.count)
      }
      index += 1
    }
    return SourceSpan(file: path)
  }
}
