import RegPolicyIndex
import RegPolicyModel

/// `regpolicy search`: the provisions whose words hold the query, best first.
public struct SearchRun: Sendable {
  public var query: String
  public var store: TraceStore
  public var limit: Int
  public var format: TraceRun.Format

  /// Creates a run.
  public init(query: String, store: TraceStore, limit: Int = 20, format: TraceRun.Format) {
    self.query = query
    self.store = store
    self.limit = limit
    self.format = format
  }

  /// Searches; exit 0 whether or not anything is found, 3 when an input cannot be read.
  public func run() -> ExitStatus {
    do throws(Diagnostics) {
      let index = try store.open()
      let hits = Search.hits(query, in: index, limit: limit)
      if format == .json {
        OutputFile.emit(TraceRenderer.json(["query": query, "hits": hits.map(\.values)]), to: 1)
      } else {
        OutputFile.emit(
          Array(hits.map { "\($0.id)\t\($0.id.citation)\t\($0.marked("[", "]"))\n" }.joined().utf8), to: 1)
      }
      return .success
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
  }
}
