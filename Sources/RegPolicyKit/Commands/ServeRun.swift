import RegPolicyIndex
import RegPolicyModel

/// `regpolicy serve`: opens the trace index and hands it to a web server (the CLI passes
/// `RegPolicyServe.Server.run`, which this module does not link), announcing the address on
/// standard output.
public struct ServeRun: Sendable {
  public var store: TraceStore
  public var host: String
  public var port: Int

  /// Creates a run.
  public init(store: TraceStore, host: String, port: Int) {
    self.store = store
    self.host = host
    self.port = port
  }

  /// Serves until interrupted; exit 3 when an input cannot be read, 4 when the address cannot be
  /// bound.
  public func run(
    serve: (TraceIndex, String, Int, @escaping @Sendable (String) -> Void) throws -> Void
  ) -> ExitStatus {
    let index: TraceIndex
    do { index = try store.open() } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
    do {
      try serve(index, host, port) { address in OutputFile.emit(Array("serving \(address)\n".utf8), to: 1) }
      return .success
    } catch {
      OutputFile.report([Diagnostic.error(.serveUnavailable, file: "\(host):\(port)", "cannot serve: \(error)")])
      return .outputError
    }
  }
}
