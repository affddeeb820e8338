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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", repository] + arguments
    var env = ProcessInfo.processInfo.environment
    // Never ask, never page, never read the user's global hooks for plumbing.
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["GIT_PAGER"] = "cat"
    env["LC_ALL"] = "C"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    do {
      try process.run()
    } catch {
      throw PolicyError("git.unavailable", file: repository, "cannot run git: \(error.localizedDescription)")
    }
    // Feed and drain concurrently so a large input or output cannot deadlock on a full pipe.
    let writer = Thread {
      if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = Background { stderr.fileHandleForReading.readDataToEndOfFile() }
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
      stderr: String(decoding: errorData.value(), as: UTF8.self))
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
