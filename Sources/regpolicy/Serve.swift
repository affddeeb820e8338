import ArgumentParser
import RegPolicyKit
import RegPolicyServe

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "A local, read-only web view: the outline coloured by coverage, a page per clause and control, search.",
    discussion: """
      Pages: / (the outline), /clause/<pinpoint ID>, /control/<control>, /search?q=…; each has a JSON \
      twin under /api/ (/api/clause/art_12.par_1). Clause and control pages show their links to the \
      NIST AI RMF, ISO/IEC 42001 and SP 800-53 (as 'regpolicy crosswalk' reads them). No script, no external asset. Bound to 127.0.0.1 \
      unless --host says otherwise; --port 0 lets the system choose. Stops on Ctrl-C.
      """
  )

  @OptionGroup var inputs: TraceOptions

  @Option(help: "The address to listen on.")
  var host: String = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port, printed at start).")
  var port: Int = 8080

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
  }

  func run() throws {
    let status = ServeRun(store: inputs.store, host: host, port: port).run(serve: Server.run)
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
