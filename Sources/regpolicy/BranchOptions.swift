import ArgumentParser

/// Where a review branch goes: the options `branch` and `run` share.
struct BranchOptions: ParsableArguments {
  @Option(help: "The commit to branch from (default: HEAD; none in a repository without commits).")
  var base: String?

  @Option(help: "The branch to create (default: regpolicy/<CELEX>-<version>).")
  var branch: String?

  @Option(help: "The folder inside the repository that holds the policy tree.")
  var prefix: String = "policies"

  func validate() throws {
    guard !prefix.isEmpty, !prefix.hasPrefix("/"), !prefix.split(separator: "/").contains("..") else {
      throw ValidationError("--prefix must be a relative path inside the repository.")
    }
  }
}
