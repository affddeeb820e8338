import ArgumentParser
import RegPolicyModel
import RegPolicyWatch

struct Watch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Fetch the official sources a repository follows; turn each new version into a review branch.",
    discussion: """
      Reads regpolicy.sources.yaml (the acts followed, where to fetch each) and regpolicy.lock \
      (the exact text each one's policies were generated from) at the root of --repo. Fetches every \
      source with a conditional request; for each whose bytes differ from the lock, checks it is the \
      act named (not an error page, not another CELEX), compares it with the locked version and \
      runs the main job onto a review branch whose last commit bumps regpolicy.lock. Fetched files \
      are kept under --cache by SHA-256. One failing source never stops the others. Exit 5: no \
      source changed; 0: new versions are on review branches; 6: one of them needs review; 3: a \
      source failed (the others were processed); 4: the cache or a branch could not be written, or \
      another watch holds the repository.
      """
  )

  @Option(help: "The policy repository (default: the current folder).")
  var repo = "."

  @Option(help: "The sources file (default: regpolicy.sources.yaml in --repo).")
  var sources: String?

  @Option(help: "Where fetched files are kept (default: $XDG_CACHE_HOME/regpolicy or ~/.cache/regpolicy).")
  var cache: String?

  @Option(help: "Summary format.")
  var format: WatchRun.Format = .text

  @Option(help: "Seconds to wait for a connection.")
  var connectTimeout: Double = 10

  @Option(help: "Seconds of silence while reading before a request is given up (and retried).")
  var readTimeout: Double = 30

  @Option(help: "Further attempts after a timeout, a 429 or a 5xx, with exponential backoff.")
  var retries = 3

  @Option(help: "Refuse bodies larger than this many bytes; the download stops there.")
  var maxBytes = 64 << 20

  @Option(help: "The folder inside the repository that holds the policy tree.")
  var prefix = "policies"

  func validate() throws {
    guard connectTimeout > 0, readTimeout > 0, retries >= 0, maxBytes > 0 else {
      throw ValidationError("timeouts and --max-bytes must be positive, --retries not negative.")
    }
  }

  func run() throws {
    let status = WatchRun(
      repository: repo, sourcesPath: sources, cachePath: cache, format: format, connectTimeout: connectTimeout,
      readTimeout: readTimeout, retries: retries, maxBytes: maxBytes, prefix: prefix
    ).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

extension WatchRun.Format: ExpressibleByArgument {}
