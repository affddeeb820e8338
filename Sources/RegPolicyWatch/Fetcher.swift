import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RegPolicyModel
import RegPolicySources

/// Downloads one source with AsyncHTTPClient: a conditional GET, TLS verified (the client's
/// default), redirects bounded and cycles refused, connect and read timeouts, retries with
/// exponential backoff and jitter on timeouts, 429 and 5xx (honouring `Retry-After`), a size limit
/// enforced while streaming, a `User-Agent` naming regpolicy, proxies from the environment. The
/// body streams to a temporary file of the cache: a partial download never replaces anything.
struct Fetcher: Sendable {
  struct Settings: Sendable {
    var connectTimeout: Double = 10
    /// Longest silence while reading, in seconds.
    var readTimeout: Double = 30
    /// Further attempts after the first, for failures worth retrying.
    var retries = 3
    /// The first backoff, in seconds; it doubles each attempt, with ±50 % jitter.
    var backoff = 0.5
    /// A `Retry-After` longer than this fails the source instead of stalling the run.
    var longestWait = 120.0
    var maxBytes = 64 << 20
    var maxRedirects = 5
  }

  /// What a fetch found.
  enum Outcome: Sendable {
    /// 304: the validators still hold.
    case notModified
    /// A body, stored in the cache under its SHA-256.
    case fetched(Fetched)
  }

  struct Fetched: Sendable {
    var sha256: String
    var size: Int
    var etag: String?
    var lastModified: String?
    /// The URL it came from (the first one that answered).
    var url: String
    /// Whether this fetch put the file in the cache (false: it was there already).
    var created: Bool
  }

  /// A failure of one source; `retry` when another attempt may succeed.
  struct Failure: Error, Sendable {
    var code: DiagnosticCode
    var message: String
    var retry = false
    /// Seconds the server asked to wait (`Retry-After`).
    var wait: Double?
  }

  var settings: Settings
  var userAgent: String

  /// Fetches `urls` in turn (the first, then its mirrors) until one answers.
  func fetch(
    _ urls: [String], etag: String?, lastModified: String?, into cache: SourceCache
  ) async -> Result<Outcome, Failure> {
    var failures: [String] = []
    var last = Failure(code: .watchFetchFailed, message: "no URL to fetch")
    for url in urls {
      switch await fetchWithRetries(url, etag: etag, lastModified: lastModified, into: cache) {
      case .success(let outcome): return .success(outcome)
      case .failure(let failure):
        failures.append("\(url): \(failure.message)")
        last = failure
      }
    }
    last.message = failures.joined(separator: "; ")
    return .failure(last)
  }

  private func fetchWithRetries(
    _ url: String, etag: String?, lastModified: String?, into cache: SourceCache
  ) async -> Result<Outcome, Failure> {
    var attempt = 0
    while true {
      let result = await attemptFetch(url, etag: etag, lastModified: lastModified, into: cache)
      guard case .failure(let failure) = result, failure.retry, attempt < settings.retries else {
        if case .failure(var failure) = result, attempt > 0 {
          failure.message += " (after \(attempt + 1) attempts)"
          return .failure(failure)
        }
        return result
      }
      var delay = min(30, settings.backoff * pow(2, Double(attempt))) * Double.random(in: 0.5...1.5)
      if let wait = failure.wait {
        guard wait <= settings.longestWait else {
          return .failure(
            Failure(code: failure.code, message: failure.message + "; Retry-After \(Int(wait)) s is too long to wait"))
        }
        delay = max(delay, wait)
      }
      try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
      attempt += 1
    }
  }

  private func attemptFetch(
    _ url: String, etag: String?, lastModified: String?, into cache: SourceCache
  ) async -> Result<Outcome, Failure> {
    let client = HTTPClient(
      eventLoopGroupProvider: .singleton,
      configuration: HTTPClient.Configuration(
        redirectConfiguration: .follow(max: settings.maxRedirects, allowCycles: false),
        timeout: .init(
          connect: .milliseconds(Int64(settings.connectTimeout * 1000)),
          read: .milliseconds(Int64(settings.readTimeout * 1000))),
        proxy: Fetcher.proxy(for: url, environment: ProcessInfo.processInfo.environment)))
    let result = await attemptFetch(url, with: client, etag: etag, lastModified: lastModified, into: cache)
    try? await client.shutdown()
    return result
  }

  private func attemptFetch(
    _ url: String, with client: HTTPClient, etag: String?, lastModified: String?, into cache: SourceCache
  ) async -> Result<Outcome, Failure> {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "User-Agent", value: userAgent)
    request.headers.add(name: "Accept-Encoding", value: "identity")
    if let etag { request.headers.add(name: "If-None-Match", value: etag) }
    if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
    let response: HTTPClientResponse
    do {
      response = try await client.execute(
        request, timeout: .milliseconds(Int64((settings.connectTimeout + settings.readTimeout) * 1000)))
    } catch {
      return .failure(Fetcher.failure(error))
    }
    let status = response.status.code
    if status == 304 { return .success(.notModified) }
    guard status == 200 else {
      let retry = status == 429 || (500...599).contains(status) || status == 408
      return .failure(
        Failure(
          code: .watchFetchFailed, message: "HTTP \(status) \(response.status.reasonPhrase)", retry: retry,
          wait: response.headers.first(name: "Retry-After").flatMap(Fetcher.seconds)))
    }
    let expected = response.headers.first(name: "Content-Length").flatMap { Int($0) }
    if let expected, expected > settings.maxBytes {
      return .failure(
        Failure(
          code: .watchTooLarge, message: "Content-Length \(expected) bytes is over the limit of \(settings.maxBytes)"))
    }
    let download: SourceCache.Download
    do { download = try cache.begin() } catch {
      return .failure(Failure(code: .watchCacheUnwritable, message: error.message))
    }
    var size = 0
    do {
      for try await buffer in response.body {
        size += buffer.readableBytes
        if size > settings.maxBytes {
          download.abandon()
          return .failure(
            Failure(code: .watchTooLarge, message: "the body passed the limit of \(settings.maxBytes) bytes; stopped"))
        }
        try buffer.withUnsafeReadableBytes { try download.append($0) }
      }
    } catch let error as Diagnostic {
      download.abandon()
      return .failure(Failure(code: .watchCacheUnwritable, message: error.message))
    } catch {
      download.abandon()
      var failure = Fetcher.failure(error)
      failure.message = "the body was cut short after \(size) bytes: " + failure.message
      return .failure(failure)
    }
    if let expected, expected != size {
      download.abandon()
      return .failure(
        Failure(
          code: .watchFetchFailed, message: "the body was cut short: \(size) of \(expected) bytes", retry: true))
    }
    let stored: (sha256: String, created: Bool)
    do { stored = try download.finish() } catch {
      return .failure(Failure(code: .watchCacheUnwritable, message: error.message))
    }
    return .success(
      .fetched(
        Fetched(
          sha256: stored.sha256, size: size, etag: Fetcher.validator(response.headers.first(name: "ETag")),
          lastModified: Fetcher.validator(response.headers.first(name: "Last-Modified")), url: url,
          created: stored.created)))
  }

  /// A validator kept only when it is visible ASCII and of a sane length: it goes into the lock.
  static func validator(_ value: String?) -> String? {
    guard let value, !value.isEmpty, value.utf8.count <= 256,
      value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
    else { return nil }
    return value
  }

  /// A transport error as a failure; timeouts and dropped connections are worth retrying.
  static func failure(_ error: any Error) -> Failure {
    if let error = error as? HTTPClientError {
      switch error {
      case .redirectCycleDetected: return Failure(code: .watchFetchFailed, message: "redirect loop")
      case .redirectLimitReached: return Failure(code: .watchFetchFailed, message: "too many redirects")
      case .readTimeout: return Failure(code: .watchFetchFailed, message: "read timed out", retry: true)
      case .connectTimeout: return Failure(code: .watchFetchFailed, message: "connect timed out", retry: true)
      case .deadlineExceeded: return Failure(code: .watchFetchFailed, message: "no answer in time", retry: true)
      case .remoteConnectionClosed:
        return Failure(code: .watchFetchFailed, message: "the server closed the connection", retry: true)
      default: return Failure(code: .watchFetchFailed, message: "\(error)", retry: false)
      }
    }
    // A refused or reset connection may be a restart, so retried; a TLS failure (an unverified
    // certificate, a handshake refused) will not change by asking again.
    let text = "\(error)"
    let lower = text.lowercased()
    let tls = ["ssl", "tls", "certificate", "handshake"].contains { lower.contains($0) }
    return Failure(code: .watchFetchFailed, message: tls ? "TLS: " + text : text, retry: !tls)
  }

  /// `Retry-After` as seconds: a number of seconds, or an HTTP date.
  static func seconds(_ value: String) -> Double? {
    if let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 { return seconds }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: value) else { return nil }
    return max(0, date.timeIntervalSinceNow)
  }

  /// The proxy for `url` from `https_proxy`/`HTTPS_PROXY` or `http_proxy`/`HTTP_PROXY`, unless
  /// `no_proxy`/`NO_PROXY` names its host (a suffix, `*`, or an exact address).
  static func proxy(for url: String, environment: [String: String]) -> HTTPClient.Configuration.Proxy? {
    guard let parsed = URL(string: url), let host = parsed.host?.lowercased() else { return nil }
    func variable(_ name: String) -> String? {
      (environment[name.lowercased()] ?? environment[name.uppercased()]).flatMap { $0.isEmpty ? nil : $0 }
    }
    if let noProxy = variable("no_proxy") {
      for entry in noProxy.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
        // "example.org:8080" names the host; ".example.org" its subdomains too.
        let host_ = entry.split(separator: ":").first.map(String.init) ?? entry
        let suffix = host_.hasPrefix(".") ? String(host_.dropFirst()) : host_
        if entry == "*" || host == suffix || host.hasSuffix("." + suffix) { return nil }
      }
    }
    let https = parsed.scheme?.lowercased() == "https"
    guard let value = https ? variable("https_proxy") : variable("http_proxy"),
      let proxy = URL(string: value.contains("://") ? value : "http://" + value), let proxyHost = proxy.host
    else { return nil }
    if let user = proxy.user, let password = proxy.password {
      return .server(
        host: proxyHost, port: proxy.port ?? 80,
        authorization: .basic(
          username: user.removingPercentEncoding ?? user, password: password.removingPercentEncoding ?? password))
    }
    return .server(host: proxyHost, port: proxy.port ?? 80)
  }
}
