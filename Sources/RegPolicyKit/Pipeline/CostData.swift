import Foundation
import RegPolicyModel
import RegPolicyPolicies

/// FinOps FOCUS cost and usage data (CSV, any FOCUS version from 1.0), reduced to what the gap
/// report joins: per row the FinOps labels its tags carry and its cost, as an exact decimal in the
/// report's currency. Amounts are never binary floating point; a file with a missing column, a
/// cost that is not a number, or a currency with no rate is an error and yields no total at all.
public struct CostData: Sendable {
  /// One cost row, reduced.
  public struct Row: Sendable {
    /// The FinOps labels its tags carry ("workload-id", "cost-center", "owner"), nil when untagged.
    public var workload: String?
    public var costCenter: String?
    public var owner: String?
    /// The cost column, converted to the report's currency.
    public var amount: ExactDecimal
  }

  public var rows: [Row]
  /// The files read, in order.
  public var files: [String]
  /// The currency of every amount.
  public var currency: String
  /// The cost column summed ("EffectiveCost").
  public var column: String
  /// The earliest ChargePeriodStart and latest ChargePeriodEnd, as written.
  public var periodStart: String
  public var periodEnd: String
  public var total: ExactDecimal
  /// Rows charged in another billing currency, converted at the profile's rate, by currency.
  public var converted: [String: Int]
  /// Rows priced in another currency than they were billed in (their cost columns are already in
  /// the billing currency, which is what is summed; FOCUS's PricingCurrency* columns are not).
  public var otherPricingCurrency: Int
  /// Split cost allocation rows (FOCUS 1.3 `AllocatedTags`): the row's cost is the share allocated
  /// to the workload its allocated tags name, so those tags win over the resource's own.
  public var allocated: Int

  /// The columns every file must have, besides the cost column.
  static let required = ["BillingCurrency", "ChargePeriodStart", "ChargePeriodEnd", "Tags"]

  /// Reads every file; all problems of every file are thrown together, and then no data at all.
  public static func read(
    _ paths: [String], costs: Profile.Costs, maxBytes: Int = 512 << 20
  ) throws(Diagnostics) -> CostData {
    var data = CostData(
      rows: [], files: paths, currency: costs.currency ?? "", column: costs.column, periodStart: "", periodEnd: "",
      total: .zero, converted: [:], otherPricingCurrency: 0, allocated: 0)
    var problems: [Diagnostic] = []
    for path in paths {
      do throws(Diagnostic) {
        let bytes = try bytes(of: path, maxBytes: maxBytes)
        try data.add(bytes, file: path, costs: costs, problems: &problems)
      } catch {
        problems.append(error)
      }
    }
    if problems.isEmpty, data.rows.isEmpty {
      problems.append(Diagnostic.error(.costsNoRows, file: paths.first ?? "<arguments>", "the cost data has no rows"))
    }
    if !problems.isEmpty { throw Diagnostics(problems) }
    return data
  }

  /// A file's bytes: refused above `maxBytes` before reading, empty or binary files refused.
  private static func bytes(of path: String, maxBytes: Int) throws(Diagnostic) -> [UInt8] {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? Int
    else { throw Diagnostic.error(.inputUnreadable, file: path, "cannot read file") }
    guard size <= maxBytes else {
      throw Diagnostic.error(
        .inputTooLarge, file: path, "\(size) bytes, more than the \(maxBytes) of --max-bytes; nothing was summed")
    }
    guard let contents = FileManager.default.contents(atPath: path) else {
      throw Diagnostic.error(.inputUnreadable, file: path, "cannot read file")
    }
    let bytes = [UInt8](contents)
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      throw Diagnostic.error(.inputEmpty, file: path, "the cost file is empty")
    }
    if let zero = bytes.firstIndex(of: 0) {
      throw Diagnostic.error(.inputBinary, file: path, "not CSV text: a NUL byte at offset \(zero)")
    }
    return bytes
  }

  /// Adds one file's rows. Problems of single rows are collected (up to a screenful); the file's
  /// structure (header, quoting) stops it at once.
  private mutating func add(
    _ bytes: [UInt8], file: String, costs: Profile.Costs, problems: inout [Diagnostic]
  ) throws(Diagnostic) {
    var reader = CSVReader(bytes: bytes, file: file)
    guard var header = try reader.next() else {
      throw Diagnostic.error(.inputEmpty, file: file, "the cost file is empty")
    }
    // A byte-order mark before the first column name.
    if header[0].starts(with: [0xEF, 0xBB, 0xBF]) { header[0] = Array(header[0].dropFirst(3)) }
    let names = header.map { String(decoding: $0, as: UTF8.self) }
    func column(_ name: String) -> Int? { names.firstIndex(of: name) }
    let missing = ([costs.column] + CostData.required).filter { column($0) == nil }
    guard missing.isEmpty else {
      throw Diagnostic.error(
        .costsMissingColumn, file: file, line: 1, column: 1,
        "not FOCUS cost data: no column \(missing.joined(separator: ", ")) (FOCUS names them BilledCost, "
          + "EffectiveCost, BillingCurrency, ChargePeriodStart, ChargePeriodEnd, Tags)")
    }
    let cost = column(costs.column)!
    let currencyColumn = column("BillingCurrency")!
    let start = column("ChargePeriodStart")!
    let end = column("ChargePeriodEnd")!
    let tags = column("Tags")!
    let allocatedTags = column("AllocatedTags")
    let pricing = column("PricingCurrency")
    let before = problems.count
    while let (line, fields) = try reader.nextRecord() {
      if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
      guard fields.count == header.count else {
        problems.append(
          Diagnostic.error(
            .costsMalformed, file: file, line: line, "\(fields.count) fields where the header has \(header.count)"))
        if problems.count - before >= 20 { break }
        continue
      }
      func text(_ index: Int) -> String? {
        let field = fields[index]
        return field.isEmpty || field == Array("NULL".utf8) ? nil : String(decoding: field, as: UTF8.self)
      }
      guard var amount = ExactDecimal(bytes: fields[cost]) else {
        problems.append(
          Diagnostic.error(
            .costsInvalidNumber, file: file, line: line,
            "\(costs.column) is '\(text(cost) ?? "")', not a decimal number"))
        if problems.count - before >= 20 { break }
        continue
      }
      guard let billed = text(currencyColumn) else {
        problems.append(Diagnostic.error(.costsInvalidNumber, file: file, line: line, "no BillingCurrency"))
        continue
      }
      if currency.isEmpty { currency = billed }
      if billed != currency {
        guard let rate = costs.exchangeRates[billed], let converted = amount.multiplied(by: rate) else {
          problems.append(
            Diagnostic.error(
              .costsMixedCurrency, file: file, line: line,
              "billed in \(billed), but the report is in \(currency) and the profile's costs.exchange-rates "
                + "has no rate for \(billed)"))
          if problems.count - before >= 20 { break }
          continue
        }
        amount = converted
        self.converted[billed, default: 0] += 1
      }
      if let pricing, let priced = text(pricing), priced != billed { otherPricingCurrency += 1 }
      var labels: [String: String] = [:]
      let allocatedJSON = allocatedTags.flatMap { text($0) }
      if allocatedJSON != nil { allocated += 1 }
      for label in Profile.Costs.labels {
        let keys = costs.tags[label] ?? []
        labels[label] =
          allocatedJSON.flatMap { TagReader.first(keys, in: Array($0.utf8)) }
          ?? text(tags).flatMap { TagReader.first(keys, in: Array($0.utf8)) }
      }
      if let first = text(start), periodStart.isEmpty || first < periodStart { periodStart = first }
      if let last = text(end), last > periodEnd { periodEnd = last }
      guard let sum = total.adding(amount) else {
        throw Diagnostic.error(.costsInvalidNumber, file: file, line: line, "the total no longer fits 38 digits")
      }
      total = sum
      rows.append(
        Row(workload: labels["workload-id"], costCenter: labels["cost-center"], owner: labels["owner"], amount: amount))
    }
  }
}

/// RFC 4180 CSV on bytes: fields separated by commas, records by LF or CRLF, fields in double quotes
/// may hold commas, line breaks and doubled quotes. An unterminated quote is an error at the line
/// the field began.
struct CSVReader {
  let bytes: [UInt8]
  let file: String
  var position = 0
  var line = 1

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  /// The next record's fields; nil at the end.
  mutating func next() throws(Diagnostic) -> [[UInt8]]? { try nextRecord()?.fields }

  /// The next record with the line it starts on; nil at the end.
  mutating func nextRecord() throws(Diagnostic) -> (line: Int, fields: [[UInt8]])? {
    guard position < bytes.count else { return nil }
    let first = line
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    while true {
      if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
        let opened = line
        position += 1
        while true {
          guard position < bytes.count else {
            throw Diagnostic.error(.costsMalformed, file: file, line: opened, "a quoted field is never closed")
          }
          let byte = bytes[position]
          position += 1
          if byte == UInt8(ascii: "\"") {
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
              field.append(byte)
              position += 1
            } else {
              break
            }
          } else {
            if byte == 0x0A { line += 1 }
            field.append(byte)
          }
        }
      }
      // Unquoted bytes up to the next separator (after a quoted field: none are expected).
      let stop = bytes[position...].firstIndex { $0 == UInt8(ascii: ",") || $0 == 0x0A } ?? bytes.count
      var chunk = bytes[position..<stop]
      if stop < bytes.count, bytes[stop] == 0x0A, chunk.last == 0x0D { chunk = chunk.dropLast() }
      field += chunk
      position = stop
      fields.append(field)
      field = []
      if position >= bytes.count { return (first, fields) }
      position += 1
      if bytes[position - 1] == 0x0A {
        line += 1
        return (first, fields)
      }
    }
  }
}

/// Reads a tag column: a JSON object of tag keys to values, as FOCUS writes it. Only the keys asked
/// for are decoded; values that are numbers or booleans are taken as written.
enum TagReader {
  /// The value of the first of `keys` the object has (blank values do not count).
  static func first(_ keys: [String], in json: [UInt8]) -> String? {
    guard let pairs = pairs(json) else { return nil }
    for key in keys {
      if let value = pairs.first(where: { $0.key == key })?.value, !value.allSatisfy({ $0 == " " }) { return value }
    }
    return nil
  }

  /// Every key and scalar value of a flat JSON object; nil when it is not one.
  static func pairs(_ json: [UInt8]) -> [(key: String, value: String)]? {
    var index = 0
    func skipSpace() {
      while index < json.count, json[index] == 0x20 || json[index] == 0x09 || json[index] == 0x0A || json[index] == 0x0D
      {
        index += 1
      }
    }
    func string() -> String? {
      guard index < json.count, json[index] == UInt8(ascii: "\"") else { return nil }
      index += 1
      var bytes: [UInt8] = []
      while index < json.count {
        let byte = json[index]
        index += 1
        if byte == UInt8(ascii: "\"") { return String(decoding: bytes, as: UTF8.self) }
        guard byte == UInt8(ascii: "\\") else {
          bytes.append(byte)
          continue
        }
        guard index < json.count else { return nil }
        let escaped = json[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "u"):
          guard index + 4 <= json.count,
            let code = UInt32(String(decoding: json[index..<index + 4], as: UTF8.self), radix: 16)
          else { return nil }
          index += 4
          bytes += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
        default: bytes.append(escaped)
        }
      }
      return nil
    }
    skipSpace()
    guard index < json.count, json[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var pairs: [(key: String, value: String)] = []
    skipSpace()
    if index < json.count, json[index] == UInt8(ascii: "}") { return pairs }
    while index < json.count {
      skipSpace()
      guard let key = string() else { return nil }
      skipSpace()
      guard index < json.count, json[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      skipSpace()
      let value: String
      if let text = string() {
        value = text
      } else {
        // A number, true, false or null: the bytes up to the next comma or brace.
        let stop = json[index...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") } ?? json.count
        let raw = String(decoding: json[index..<stop], as: UTF8.self)
        index = stop
        guard !raw.isEmpty, !raw.contains("{"), !raw.contains("[") else { return nil }
        value = raw.trimmingCharacters(in: .whitespaces) == "null" ? "" : raw.trimmingCharacters(in: .whitespaces)
      }
      pairs.append((key, value))
      skipSpace()
      guard index < json.count else { return nil }
      if json[index] == UInt8(ascii: "}") { return pairs }
      guard json[index] == UInt8(ascii: ",") else { return nil }
      index += 1
    }
    return nil
  }
}
