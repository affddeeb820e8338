import RegPolicyModel

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program found on PATH with an argument array (no shell), feeding standard input and
/// collecting standard output and error. posix_spawn directly: Foundation's Process waits on a
/// run loop here, ~60 ms per call, and `branch` makes dozens of git calls.
enum Spawn {
  struct Result {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  struct Failure: Error {
    var message: String
  }

  static func run(_ arguments: [String], environment: [String: String], input: [UInt8]) throws(Failure) -> Result {
    var inPipe: [Int32] = [0, 0]
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
      throw Failure(message: "pipe: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for descriptor in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }

    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
    close(inPipe[0])
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else {
      close(inPipe[1])
      close(outPipe[0])
      close(errPipe[0])
      throw Failure(message: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    // Feed standard input and drain standard error on other threads, so no pipe fills up.
    let inputDescriptor = inPipe[1]
    let feeder = Background<Bool> {
      var written = 0
      while written < input.count {
        // baseAddress is non-nil: count > written >= 0.
        let count = input.withUnsafeBytes { write(inputDescriptor, $0.baseAddress! + written, $0.count - written) }
        if count <= 0 { break }
        written += count
      }
      close(inputDescriptor)
      return true
    }
    let errorDescriptor = errPipe[0]
    let errors = Background<[UInt8]> { drain(errorDescriptor) }
    let output = drain(outPipe[0])
    _ = feeder.value()
    let errorOutput = errors.value()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    let exited = (status & 0x7f) == 0
    return Result(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: output, stderr: errorOutput)
  }

  /// Reads a descriptor to its end and closes it.
  private static func drain(_ descriptor: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes.append(contentsOf: buffer[..<count])
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    close(descriptor)
    return bytes
  }
}
