import Dispatch

extension Array where Element: Sendable {
  /// `map(transform)` with the elements spread over every core; results in input order, so the
  /// output is the same as a sequential map's.
  public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    let slots = (0..<count).map { _ in Slot<Result>() }
    DispatchQueue.concurrentPerform(iterations: count) { slots[$0].value = transform(self[$0]) }
    return slots.map { $0.value! }  // concurrentPerform returns after every iteration ran
  }
}

/// One result; written by exactly one iteration, read after all have finished.
private final class Slot<Value>: @unchecked Sendable {
  var value: Value?
}
