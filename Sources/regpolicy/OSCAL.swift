import ArgumentParser
import RegPolicyKit

struct OSCAL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "oscal",
    abstract: "Export a generated policy tree as OSCAL 1.1: catalog, profile and component definition.",
    discussion: """
      Reads DIR (a tree `regpolicy generate` or `run` wrote) and writes OUT/catalog.json (one \
      control per regpolicy control, grouped by instrument; its requirements as the statement and \
      every clause it implements as a part and a back-matter resource with pinpoint ID, instrument, \
      document version and the clause text's sha256), OUT/profile.json (the organisation's \
      controls) and OUT/component-definition.json (one implemented requirement per control, \
      linking its Rego, Gatekeeper and Kyverno files by path relative to DIR, with sha256). UUIDs \
      are version 5 UUIDs of stable names and last-modified is the latest source date the tree \
      records, so the same tree gives the same bytes. OUT is replaced as a whole, and only when it \
      is empty or holds nothing but these files; any error leaves it untouched (exit 3 or 4).
      """
  )

  @Option(
    help: ArgumentHelp(
      "The policy tree to export (a folder `regpolicy generate` wrote, with index.json).", valueName: "DIR"))
  var policies: String

  @Option(
    help: ArgumentHelp("The folder to write the three OSCAL JSON documents to (created or replaced).", valueName: "OUT")
  )
  var out: String

  func run() throws {
    let status = OSCALRun(policiesDirectory: policies, outputDirectory: out).run()
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
