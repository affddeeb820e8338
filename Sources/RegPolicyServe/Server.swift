import Dispatch
import Hummingbird
import Logging
import RegPolicyIndex
import Synchronization

/// `regpolicy serve`: the web view on a local address (Hummingbird). Read-only: GET and HEAD
/// only; every page is built once from the trace index, which does not change while the server
/// runs, and served from memory after that.
public enum Server {
  /// Serves until interrupted (SIGINT, SIGTERM); `announce` is called with the address once the
  /// server listens (with `port` 0, the port the system chose).
  public static func run(
    index: TraceIndex, host: String, port: Int, announce: @escaping @Sendable (String) -> Void
  ) throws {
    let view = WebView(index: index)
    let cache = Mutex<[String: WebView.Page]>([:])
    let router = Router()
    let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
      let path = request.uri.path
      let query = request.uri.queryParameters
      let key = path + "?" + (query.get("q") ?? "")
      let page =
        cache.withLock { $0[key] }
        ?? {
          let page = view.page(path: path, query: ["q": query.get("q") ?? ""])
          cache.withLock { $0[key] = page }
          return page
        }()
      var headers: HTTPFields = [.contentType: page.contentType]
      headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"
      return Response(
        status: HTTPResponse.Status(code: page.status), headers: headers,
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.body)))
    }
    router.get("/", use: handler)
    router.get("**", use: handler)
    router.head("**", use: handler)
    for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
      for path in ["/", "**"] {
        router.on(RouterPath(path), method: method) { _, _ -> Response in
          Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
      }
    }
    var logger = Logger(label: "regpolicy-serve")
    logger.logLevel = .warning
    let app = Application(
      router: router, configuration: .init(address: .hostname(host, port: port), serverName: "regpolicy"),
      onServerRunning: { channel in announce("http://\(host):\(channel.localAddress?.port ?? port)/") },
      logger: logger)
    let failure = Mutex<(any Error)?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
      do { try await app.runService() } catch { failure.withLock { $0 = error } }
      done.signal()
    }
    done.wait()
    if let error = failure.withLock({ $0 }) { throw error }
  }
}
