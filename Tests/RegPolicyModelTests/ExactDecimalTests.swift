import RegPolicyModel
import Testing

@Suite("Exact decimals for money")
struct ExactDecimalTests {
  @Test("spellings of CSV and YAML numbers read exactly; anything else is nil")
  func parsing() {
    #expect(ExactDecimal("46.5179761")?.description == "46.5179761")
    #expect(ExactDecimal("-12.50")?.description == "-12.5")
    #expect(ExactDecimal("+3")?.description == "3")
    #expect(ExactDecimal(".5")?.description == "0.5")
    #expect(ExactDecimal("0.00000000000")?.description == "0")
    #expect(ExactDecimal("1.5E-7")?.description == "0.00000015")
    #expect(ExactDecimal("2e3")?.description == "2000")
    for bad in [
      "", "-", ".", "NaN", "Infinity", "1,5", "1.2.3", "12a", "1e", "e5", " 1", "0x10", "1e0-5", "1e+-5", "1e5-",
    ] {
      #expect(ExactDecimal(bad) == nil, "\(bad)")
    }
    // 39 significant digits do not fit; 38 do.
    #expect(ExactDecimal(String(repeating: "9", count: 39)) == nil)
    #expect(ExactDecimal(String(repeating: "9", count: 38)) != nil)
  }

  @Test("sums are exact where binary floating point is not")
  func sums() throws {
    var total = ExactDecimal.zero
    let tenth = try #require(ExactDecimal("0.1"))
    for _ in 0..<10 { total = try #require(total.adding(tenth)) }
    #expect(total == ExactDecimal(1))
    var double = 0.0
    for _ in 0..<10 { double += 0.1 }
    #expect(double != 1.0)  // why the type exists
    let a = try #require(ExactDecimal("33773.232522429145313"))
    let b = try #require(ExactDecimal("-0.000000000000313"))
    #expect(a.adding(b)?.description == "33773.232522429145")
    #expect(ExactDecimal("5")?.subtracting(ExactDecimal("7.25")!)?.description == "-2.25")
    #expect(ExactDecimal("250000000")?.multiplied(by: ExactDecimal("0.07")!)?.description == "17500000")
    let huge = try #require(ExactDecimal(String(repeating: "9", count: 38)))
    #expect(huge.adding(huge) == nil)
    #expect(huge.multiplied(by: huge) == nil)
    // The least Int128 is reachable by a sum, and has no negation: subtracting still reports.
    let half = try #require(ExactDecimal("-85070591730234615865843651857942052864"))
    let least = try #require(half.adding(half))
    #expect(least.subtracting(ExactDecimal(1)) == nil)
    #expect(least < half && least.subtracting(half) == half)
  }

  @Test("shown with two decimals, halves away from zero, thousands grouped; ordered by value")
  func formatting() throws {
    #expect(ExactDecimal("147414.1005")?.formatted(places: 2, grouping: true) == "147,414.10")
    #expect(ExactDecimal("0.005")?.formatted(places: 2, grouping: false) == "0.01")
    #expect(ExactDecimal("-0.005")?.formatted(places: 2, grouping: false) == "-0.01")
    #expect(ExactDecimal("35000000")?.formatted(places: 2, grouping: true) == "35,000,000.00")
    #expect(ExactDecimal("0.04")?.formatted(places: 0, grouping: true) == "0")
    #expect(ExactDecimal.zero.formatted(places: 2, grouping: true) == "0.00")
    #expect(ExactDecimal("5.7")?.formatted(places: 2, grouping: true) == "5.70")
    #expect(ExactDecimal("-0.5")?.formatted(places: 2, grouping: true) == "-0.50")
    #expect(ExactDecimal("0.0000001")?.description == "0.0000001")
    #expect(ExactDecimal("999.999")?.formatted(places: 2, grouping: true) == "1,000.00")
    #expect(try #require(ExactDecimal("2.5")) < ExactDecimal(3))
    #expect(try #require(ExactDecimal("-1")) < ExactDecimal("0.0000001")!)
    #expect(ExactDecimal("1.50") == ExactDecimal("1.5"))
    // Values too close for a Double are still ordered exactly, either way round.
    let a = try #require(ExactDecimal("1701411834604692317316873037158841057.7"))
    let b = try #require(ExactDecimal("1701411834604692317316873037158841058"))
    #expect(Double(a.description) == Double(b.description))
    #expect(a < b && !(b < a))
    let minusA = try #require(ExactDecimal("-1701411834604692317316873037158841057.7"))
    let minusB = try #require(ExactDecimal("-1701411834604692317316873037158841058"))
    #expect(minusB < minusA && !(minusA < minusB))
  }
}
