import Foundation
import RegPolicyPolicies

/// The real `git` binary, driven with argument arrays (never a shell string) in one repository.
/// Commands that build commits run with a temporary index (`GIT_INDEX_FILE`), so the user's index,
/// working tree and checked-out branch are never touched.
struct Git {
  let repository: String
  /// Extra environment: a temporary index, an object directory for dry runs, author fallbacks.
  var environment: [String: String] = [:]

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `git -C repository arguments…`, feeding `input` on standard input.
  @discardableResult
  func run(_ arguments: [String], input: String? = nil) throws(PolicyError) -> Output {
    var env = ProcessInfo.processInfo.environment
    // Never ask, never page; messages in English for the diagnostics.
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["GIT_PAGER"] = "cat"
    env["LC_ALL"] = "C"
    for (key, value) in environment { env[key] = value }
    do {
      let result = try Spawn.run(
        ["git", "-C", repository] + arguments, environment: env, input: Array((input ?? "").utf8))
      return Output(
        status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
        stderr: String(decoding: result.stderr, as: UTF8.self))
    } catch {
      throw PolicyError("git.unavailable", file: repository, error.message)
    }
  }

  /// Runs and returns standard output without its final newline; a failure is `git.failed`.
  func check(_ arguments: [String], input: String? = nil) throws(PolicyError) -> String {
    let output = try run(arguments, input: input)
    guard output.status == 0 else {
      throw PolicyError(
        "git.failed", file: repository,
        "git \(arguments.first ?? "") failed: \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
    return output.stdout.hasSuffix("\n") ? String(output.stdout.dropLast()) : output.stdout
  }
}
