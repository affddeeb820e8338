import Dispatch

/// Work started on another core; `value()` waits for its result. Generate uses it to read rules
/// and templates while the sources are ingested, and to render policies on every core.
final class Background<Value: Sendable>: @unchecked Sendable {
  // Written once by the task before `done` is signalled, read only after waiting.
  private var result: Value?
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async {
      self.result = work()
      self.done.signal()
    }
  }

  func value() -> Value {
    done.wait()
    defer { done.signal() }
    return result!  // set before the signal that let us through
  }

  /// `items.map(transform)`, with the items spread over the cores; results in input order.
  static func map<Item: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Value) -> [Value] {
    let slots = (0..<items.count).map { _ in Slot() }
    DispatchQueue.concurrentPerform(iterations: items.count) { slots[$0].value = transform(items[$0]) }
    return slots.map { $0.value! }  // concurrentPerform returns after every iteration ran
  }

  private final class Slot: @unchecked Sendable {
    // Each slot is written by exactly one iteration and read after all have finished.
    var value: Value?
  }
}
