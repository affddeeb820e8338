import Dispatch

/// Work started on another core; `value()` waits for its result (and may be asked again). Ingest
/// hashes the source with it, generate reads rules and templates while the sources are ingested,
/// and `Spawn` feeds and drains a child's pipes.
public final class Background<Value: Sendable>: @unchecked Sendable {
  // Written once by the task before `done` is signalled, read only after waiting.
  private var result: Value?
  private let done = DispatchSemaphore(value: 0)

  /// Starts `work` on a global queue.
  public init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async {
      self.result = work()
      self.done.signal()
    }
  }

  /// The result, once the work has finished.
  public func value() -> Value {
    done.wait()
    defer { done.signal() }
    return result!  // set before the signal that let us through
  }
}
