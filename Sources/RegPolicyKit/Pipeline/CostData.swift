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

  /// Every row of every file, in file order.
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
  /// The sum of the cost column over every row.
  public var total: ExactDecimal
  /// Rows charged in another billing currency, converted at the profile's rate, by currency.
  public var converted: [String: Int]
  /// Rows priced in another currency than they were billed in (their cost columns are already in
  /// the billing currency, which is what is summed; FOCUS's PricingCurrency* columns are not).
  public var otherPricingCurrency: Int
  /// Split cost allocation rows (FOCUS 1.3 `AllocatedTags`): the row's cost is the share allocated
  /// to the workload its allocated tags name, so those tags win over the resource's own.
  public var allocated: Int

  /// Problems that change no figure (a file given twice is read once).
  public var warnings: [Diagnostic]

  /// The columns every file must have, besides the cost column.
  static let required = ["BillingCurrency", "ChargePeriodStart", "ChargePeriodEnd", "Tags"]

  /// At most this many row problems are reported per file: the rest are like them.
  static let rowProblems = 20

  /// Reads every file; all problems of every file are thrown together, and then no data at all.
  public static func read(
    _ paths: [String], costs: Profile.Costs, maxBytes: Int = 512 << 20
  ) throws(Diagnostics) -> CostData {
    var data = CostData(
      rows: [], files: [], currency: costs.currency ?? "", column: costs.column, periodStart: "", periodEnd: "",
      total: .zero, converted: [:], otherPricingCurrency: 0, allocated: 0, warnings: [])
    var problems: [Diagnostic] = []
    var seen: Set<String> = []
    for path in paths {
      let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      guard seen.insert(resolved).inserted else {
        data.warnings.append(Diagnostic(.costsDuplicateFile, .warning, file: path, "given twice; read once"))
        continue
      }
      data.files.append(path)
      do throws(Diagnostic) {
        let contents = try contents(of: path, maxBytes: maxBytes)
        // Data.withUnsafeBytes rethrows untyped errors: the diagnostic comes back as a Result.
        let added = contents.withUnsafeBytes { raw -> Result<Void, Diagnostic> in
          var bytes = raw.bindMemory(to: UInt8.self)
          // A byte-order mark before the header.
          if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
          return Result { () throws(Diagnostic) in
            try data.add(CSVReader(bytes: bytes, file: path), costs: costs, problems: &problems)
          }
        }
        try added.get()
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

  /// A file's contents: refused above `maxBytes` before reading, empty or binary files refused.
  private static func contents(of path: String, maxBytes: Int) throws(Diagnostic) -> Data {
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
    guard contents.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
      throw Diagnostic.error(.inputEmpty, file: path, "the cost file is empty")
    }
    if let zero = contents.firstIndex(of: 0) {
      throw Diagnostic.error(.inputBinary, file: path, "not CSV text: a NUL byte at offset \(zero)")
    }
    return contents
  }

  /// Adds one file's rows. Problems of single rows are collected (up to `rowProblems`); the file's
  /// structure (header, quoting) stops it at once.
  private mutating func add(
    _ csv: CSVReader, costs: Profile.Costs, problems: inout [Diagnostic]
  ) throws(Diagnostic) {
    var csv = csv
    let file = csv.file
    var fields: [CSVReader.Field] = []
    guard try csv.next(into: &fields) != nil else {
      throw Diagnostic.error(.inputEmpty, file: file, "the cost file is empty")
    }
    let names = fields.map { csv.text($0) ?? "" }
    let width = names.count
    var columns: [String: Int] = [:]
    for (index, name) in names.enumerated() where columns[name] == nil { columns[name] = index }
    let missing = ([costs.column] + CostData.required).filter { columns[$0] == nil }
    guard missing.isEmpty, let cost = columns[costs.column], let currencyColumn = columns["BillingCurrency"],
      let start = columns["ChargePeriodStart"], let end = columns["ChargePeriodEnd"], let tags = columns["Tags"]
    else {
      throw Diagnostic.error(
        .costsMissingColumn, file: file, line: 1, column: 1,
        "not FOCUS cost data: no column \(missing.joined(separator: ", ")) (FOCUS names them BilledCost, "
          + "EffectiveCost, BillingCurrency, ChargePeriodStart, ChargePeriodEnd, Tags)")
    }
    let allocatedTags = columns["AllocatedTags"]
    let pricing = columns["PricingCurrency"]
    var reported = 0
    /// Notes a row's problem; false once enough were noted for this file.
    func note(_ line: Int, _ code: DiagnosticCode, _ message: String) -> Bool {
      problems.append(Diagnostic.error(code, file: file, line: line, message))
      reported += 1
      return reported < CostData.rowProblems
    }
    var earliest: (instant: Int64, text: String)?
    var latest: (instant: Int64, text: String)?
    rows: while let line = try csv.next(into: &fields) {
      if fields.count == 1 && fields[0].range.isEmpty { continue }  // a blank line
      guard fields.count == width else {
        if note(line, .costsMalformed, "\(fields.count) fields where the header has \(width)") { continue }
        break
      }
      guard var amount = csv.decimal(fields[cost]) else {
        if note(line, .costsInvalidNumber, "\(costs.column) is '\(csv.text(fields[cost]) ?? "")', not a decimal number")
        {
          continue
        }
        break
      }
      guard let billed = csv.text(fields[currencyColumn]), CostData.isCurrency(billed) else {
        let written = csv.text(fields[currencyColumn]).map { "'\($0)'" } ?? "empty"
        if note(line, .costsInvalidValue, "BillingCurrency is \(written), not an ISO 4217 code") { continue }
        break
      }
      if currency.isEmpty { currency = billed }
      if billed != currency {
        guard let rate = costs.exchangeRates[billed] else {
          let message =
            "billed in \(billed), but the report is in \(currency) and the profile's costs.exchange-rates has no "
            + "rate for \(billed)"
          if note(line, .costsMixedCurrency, message) { continue }
          break
        }
        guard let converted = amount.multiplied(by: rate) else {
          if note(line, .costsInvalidNumber, "\(amount) × \(rate) does not fit 38 digits") { continue }
          break
        }
        amount = converted
        self.converted[billed, default: 0] += 1
      }
      if let pricing, let priced = csv.text(fields[pricing]), priced != billed { otherPricingCurrency += 1 }
      for (column, keep) in [(start, true), (end, false)] {
        guard let text = csv.text(fields[column]) else { continue }
        guard let instant = CostData.instant(text) else {
          if note(line, .costsInvalidValue, "'\(text)' is not an ISO 8601 date and time") { continue rows }
          break rows
        }
        if keep {
          if earliest.map({ instant < $0.instant }) ?? true { earliest = (instant, text) }
        } else if latest.map({ instant > $0.instant }) ?? true {
          latest = (instant, text)
        }
      }
      // Split cost allocation: the allocated tags name the workload the row's cost was allocated to.
      var tagSets: [[String: String]] = []
      for (column, name) in [(allocatedTags, "AllocatedTags"), (Optional(tags), "Tags")] {
        guard let column, !fields[column].range.isEmpty, csv.text(fields[column]) != nil else { continue }
        guard let parsed = TagObject.parse(csv.value(fields[column])) else {
          if note(line, .costsMalformed, "\(name) is not a JSON object of tags") { continue rows }
          break rows
        }
        if name == "AllocatedTags" { allocated += 1 }
        tagSets.append(parsed)
      }
      func label(_ name: String) -> String? {
        let keys = costs.tags[name] ?? []
        return tagSets.lazy.compactMap { TagObject.first(keys, in: $0) }.first
      }
      guard let sum = total.adding(amount) else {
        throw Diagnostic.error(.costsInvalidNumber, file: file, line: line, "the total no longer fits 38 digits")
      }
      total = sum
      rows.append(
        Row(workload: label("workload-id"), costCenter: label("cost-center"), owner: label("owner"), amount: amount))
    }
    if let earliest, periodStart.isEmpty || earliest.instant < (CostData.instant(periodStart) ?? .max) {
      periodStart = earliest.text
    }
    if let latest, periodEnd.isEmpty || latest.instant > (CostData.instant(periodEnd) ?? .min) {
      periodEnd = latest.text
    }
  }

  /// An ISO 4217 code: three capital letters.
  static func isCurrency(_ text: String) -> Bool {
    text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
  }

  /// Milliseconds since 1970 of an ISO 8601 date ("2026-05-01") or date and time with `T` or a
  /// space ("2024-09-01 00:00:00", "2026-05-01T05:00:00.5Z", "…+02:00"; no zone: UTC); nil when
  /// it is neither.
  static func instant(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    var index = 0
    func number(_ digits: Int) -> Int64? {
      guard index + digits <= bytes.count else { return nil }
      var value: Int64 = 0
      for byte in bytes[index..<index + digits] {
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int64(byte - 0x30)
      }
      index += digits
      return value
    }
    func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }
    guard let year = number(4), take(UInt8(ascii: "-")), let month = number(2), (1...12).contains(month),
      take(UInt8(ascii: "-")), let day = number(2), (1...31).contains(day)
    else { return nil }
    // Days since 1970-01-01 of a proleptic Gregorian date (the usual civil-from-days inverse).
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    var milliseconds = (era * 146_097 + dayOfEra - 719_468) * 86_400_000
    guard index < bytes.count else { return milliseconds }
    guard take(UInt8(ascii: "T")) || take(UInt8(ascii: " ")), let hour = number(2), hour < 24,
      take(UInt8(ascii: ":")), let minute = number(2), minute < 60
    else { return nil }
    milliseconds += (hour * 60 + minute) * 60_000
    if take(UInt8(ascii: ":")) {
      guard let second = number(2), second < 61 else { return nil }
      milliseconds += second * 1000
      if take(UInt8(ascii: ".")) {
        var scale: Int64 = 100
        var digits = 0
        while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
          milliseconds += Int64(bytes[index] - 0x30) * scale
          scale /= 10
          index += 1
          digits += 1
        }
        guard digits > 0 else { return nil }
      }
    }
    if take(UInt8(ascii: "Z")) || index == bytes.count { return index == bytes.count ? milliseconds : nil }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") else {
      return nil
    }
    let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
    index += 1
    guard let hours = number(2) else { return nil }
    _ = take(UInt8(ascii: ":"))
    guard let minutes = number(2), index == bytes.count else { return nil }
    return milliseconds - sign * (hours * 60 + minutes) * 60_000
  }
}
