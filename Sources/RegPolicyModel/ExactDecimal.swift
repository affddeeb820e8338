/// A decimal number held exactly: an integer significand and a count of decimal places. Money in
/// cost data and the fines of the law is summed and multiplied in this type, never in binary
/// floating point, so a total is the sum of the figures as written, to the last digit. An
/// operation whose result would not fit (38 digits) returns nil: the caller reports it rather than
/// print a wrong figure.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The value times 10^`scale`.
  public private(set) var significand: Int128
  /// Decimal places, 0…38.
  public private(set) var scale: Int

  /// 0.
  public static let zero = ExactDecimal(significand: 0, scale: 0)

  /// Creates `significand` × 10^-`scale` (`scale` 0…38), with trailing zeros removed so equal
  /// values are equal.
  public init(significand: Int128, scale: Int) {
    precondition((0...38).contains(scale), "an ExactDecimal has 0 to 38 decimal places")
    var significand = significand
    var scale = scale
    while scale > 0, significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    self.significand = significand
    self.scale = scale
  }

  /// A whole number.
  public init(_ value: Int) { self.init(significand: Int128(value), scale: 0) }

  /// Reads "-12.50", "+3", ".5", "1.5E-7" (CSV and YAML spellings); nil for anything else,
  /// including "NaN", "Infinity", an empty string and a number of more than 38 digits.
  public init?(_ text: some StringProtocol) { self.init(bytes: text.utf8) }

  /// The same, from UTF-8 bytes.
  public init?(bytes: some Collection<UInt8>) {
    var digits: Int128 = 0
    var scale = 0
    var count = 0
    var seenDigit = false
    var seenPoint = false
    var negative = false
    var exponent: Int?
    var exponentNegative = false
    var exponentSigned = false
    var exponentDigits = 0
    for (offset, byte) in bytes.enumerated() {
      if offset == 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
        negative = byte == UInt8(ascii: "-")
      } else if let value = exponent {
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), exponentDigits == 0, !exponentSigned {
          exponentSigned = true
          exponentNegative = byte == UInt8(ascii: "-")
          continue
        }
        guard byte >= 0x30 && byte <= 0x39, value < 100 else { return nil }
        exponent = value * 10 + Int(byte - 0x30)
        exponentDigits += 1
      } else if byte >= 0x30 && byte <= 0x39 {
        seenDigit = true
        if digits != 0 || byte != 0x30 { count += 1 }
        guard count <= 38 else { return nil }
        digits = digits * 10 + Int128(byte - 0x30)
        if seenPoint { scale += 1 }
      } else if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else if byte | 0x20 == UInt8(ascii: "e"), seenDigit {
        exponent = 0
      } else {
        return nil
      }
    }
    guard seenDigit, exponent == nil || exponentDigits > 0 else { return nil }
    scale -= exponentNegative ? -(exponent ?? 0) : exponent ?? 0
    while scale < 0 {
      let (product, overflow) = digits.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      digits = product
      scale += 1
    }
    guard scale <= 38 else { return nil }
    self.init(significand: negative ? -digits : digits, scale: scale)
  }

  /// The significand at a larger scale; nil when it would not fit.
  private func significand(at target: Int) -> Int128? {
    var value = significand
    for _ in scale..<target {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = product
    }
    return value
  }

  /// The exact sum; nil when it does not fit.
  public func adding(_ other: ExactDecimal) -> ExactDecimal? {
    let target = max(scale, other.scale)
    guard let left = significand(at: target), let right = other.significand(at: target) else { return nil }
    let (sum, overflow) = left.addingReportingOverflow(right)
    return overflow ? nil : ExactDecimal(significand: sum, scale: target)
  }

  /// The exact difference; nil when it does not fit.
  public func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
    let target = max(scale, other.scale)
    guard let left = significand(at: target), let right = other.significand(at: target) else { return nil }
    let (difference, overflow) = left.subtractingReportingOverflow(right)
    return overflow ? nil : ExactDecimal(significand: difference, scale: target)
  }

  /// The exact product; nil when it does not fit.
  public func multiplied(by other: ExactDecimal) -> ExactDecimal? {
    let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
    guard !overflow, scale + other.scale <= 38 else { return nil }
    return ExactDecimal(significand: product, scale: scale + other.scale)
  }

  /// Rounded to `places` decimals, halves away from zero (as amounts are shown).
  public func rounded(to places: Int) -> ExactDecimal {
    guard scale > places else { return self }
    let divisor = ExactDecimal.power(scale - places)
    var quotient = significand / divisor
    let remainder = significand % divisor
    if remainder.magnitude * 2 >= divisor.magnitude { quotient += significand < 0 ? -1 : 1 }
    return ExactDecimal(significand: quotient, scale: places)
  }

  /// The exact value: "-12.5", "0", "33773.232522429145313".
  public var description: String { formatted(places: nil, grouping: false) }

  /// The value with exactly `places` decimals (rounded; nil: as many as it has), optionally with
  /// thousands separated by commas: "33,773.23".
  public func formatted(places: Int?, grouping: Bool) -> String {
    let value = places.map { rounded(to: $0) } ?? self
    let shown = places ?? value.scale
    var digits = String(value.significand.magnitude)
    let decimals = max(shown, value.scale)
    digits += String(repeating: "0", count: decimals - value.scale)
    if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
    let whole = digits.dropLast(decimals)
    var integer = ""
    for (index, character) in whole.enumerated() {
      if grouping, index > 0, (whole.count - index) % 3 == 0 { integer.append(",") }
      integer.append(character)
    }
    let sign = value.significand < 0 ? "-" : ""
    return decimals == 0 ? sign + integer : sign + integer + "." + digits.suffix(decimals)
  }

  /// Orders by value, exactly: by sign, then by magnitude.
  public static func < (left: ExactDecimal, right: ExactDecimal) -> Bool {
    let (leftSign, rightSign) = (left.significand.signum(), right.significand.signum())
    if leftSign != rightSign { return leftSign < rightSign }
    return leftSign < 0 ? smaller(magnitude: right, than: left) : smaller(magnitude: left, than: right)
  }

  /// |a| < |b|: the whole parts, then the fractions at the common scale (below 10^38: no overflow).
  private static func smaller(magnitude a: ExactDecimal, than b: ExactDecimal) -> Bool {
    let (aWhole, aFraction) = a.significand.magnitude.quotientAndRemainder(dividingBy: UInt128(power(a.scale)))
    let (bWhole, bFraction) = b.significand.magnitude.quotientAndRemainder(dividingBy: UInt128(power(b.scale)))
    if aWhole != bWhole { return aWhole < bWhole }
    let target = max(a.scale, b.scale)
    return aFraction * UInt128(power(target - a.scale)) < bFraction * UInt128(power(target - b.scale))
  }

  /// 10^exponent, for 0…38.
  private static func power(_ exponent: Int) -> Int128 {
    var value: Int128 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
