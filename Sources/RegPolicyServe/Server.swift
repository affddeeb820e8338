import Dispatch
import Hummingbird
import Logging
import RegPolicyIndex
import RegPolicyKit
import Synchronization

/// `regpolicy serve`: the web view on a local address (Hummingbird). Read-only: GET and HEAD
/// only; every page is built once from the trace index, which does not change while the server
/// runs, and served from memory after that. A request naming another host is refused, so a web page
/// elsewhere cannot read the view through a DNS name rebound to 127.0.0.1.
public enum Server {
  /// How many pages are kept in memory; past that, pages are built for each request.
  static let cacheLimit = 8192

  /// Serves until interrupted (SIGINT, SIGTERM); `announce` is called with the address once the
  /// server listens (with `port` 0, the port the system chose).
  public static func run(
    index: TraceIndex, host: String, port: Int, announce: @escaping @Sendable (String) -> Void
  ) throws {
    let view = WebView(index: index, links: .stored(in: index))
    let cache = Mutex<[String: WebView.Page]>([:])
    let hosts = allowedHosts(host)
    let router = Router()
    let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
      guard hosts.isEmpty || hosts.contains(hostName(request.head.authority ?? "")) else {
        return Response(status: .misdirectedRequest)
      }
      let path = request.uri.path
      let query = request.uri.queryParameters
      let key = path + "?" + (query.get("q") ?? "")
      let page =
        cache.withLock { $0[key] }
        ?? {
          let page = view.page(path: path, query: ["q": query.get("q") ?? ""])
          // Only pages that exist are kept: requests for others cannot fill the memory.
          if page.status == 200 { cache.withLock { if $0.count < cacheLimit { $0[key] = page } } }
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
    router.head("/", use: handler)
    router.head("**", use: handler)
    for method in [HTTPRequest.Method.post, .put, .patch, .delete, .options, .trace] {
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
      onServerRunning: { channel in
        let name = host.contains(":") ? "[\(host)]" : host
        announce("http://\(name):\(channel.localAddress?.port ?? port)/")
      },
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

  /// The host names a request may carry when bound to `host`; empty (any) when bound to every
  /// address, which the user asked for.
  static func allowedHosts(_ host: String) -> Set<String> {
    if host == "0.0.0.0" || host == "::" { return [] }
    // "": a client that sends no Host at all (HTTP/1.0) is no browser, so no rebinding.
    return ["", "127.0.0.1", "localhost", "::1", host.lowercased()]
  }

  /// The host of a Host header or authority, without port or IPv6 brackets.
  static func hostName(_ authority: String) -> String {
    let lower = authority.lowercased()
    if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") {
      return String(lower[lower.index(after: lower.startIndex)..<close])
    }
    return String(lower.split(separator: ":", maxSplits: 1).first ?? "")
  }
}
