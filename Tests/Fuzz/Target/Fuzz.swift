import Foundation
import RegPolicyIngest
import RegPolicyModel
import RegPolicySources

/// What each fuzz target reads: a reader forced to one format (detection is fuzzed by `detect`),
/// or one of `watch`'s own files.
enum FuzzTarget: String, CaseIterable {
  case eurlexHTML = "eurlex-html"
  case consolidatedHTML = "eurlex-consolidated-html"
  case formex, akn4eu, oscal, playbook
  case detect
  case sources, lock

  /// Reads `bytes` as this target does; a diagnostic is a fine answer, only a crash or a hang is not.
  func run(_ bytes: [UInt8]) {
    switch self {
    case .sources:
      _ = try? SourcesManifest(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
    case .lock:
      _ = try? LockFile(yaml: String(decoding: bytes, as: UTF8.self), file: "regpolicy.lock")
    case .detect:
      _ = Ingester.ingest(bytes: bytes, path: "fuzz", options: IngestOptions(fidelity: true))
    default:
      let format: SourceFormat =
        switch self {
        case .eurlexHTML: .eurlexHTML
        case .consolidatedHTML: .eurlexConsolidatedHTML
        case .formex: .formex
        case .akn4eu: .akn4eu
        case .oscal: .oscal
        default: .playbook
        }
      _ = Ingester.ingest(bytes: bytes, path: "fuzz", options: IngestOptions(format: format, fidelity: true))
    }
  }
}

#if FUZZING
  /// libFuzzer's entry; the target comes from `REGPOLICY_FUZZ_TARGET`.
  let target = FuzzTarget(
    rawValue: ProcessInfo.processInfo.environment["REGPOLICY_FUZZ_TARGET"] ?? "")

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target else {
      FileHandle.standardError.write(Data("set REGPOLICY_FUZZ_TARGET to one of the targets\n".utf8))
      exit(2)
    }
    target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable's entry as `<module>_main`: it hands over to libFuzzer's driver.
  @_cdecl("regpolicy_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var values = argv
    return runDriver(&count, &values, fuzzOne)
  }
#else
  /// Replays files through a target: `regpolicy-fuzz TARGET FILE...` (the crash regressions).
  @main
  struct Replay {
    static func main() {
      let arguments = CommandLine.arguments.dropFirst()
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        print("usage: regpolicy-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...")
        exit(2)
      }
      for file in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: file) else {
          print("cannot read \(file)")
          exit(3)
        }
        target.run(Array(data))
        print("ok \(file)")
      }
    }
  }
#endif
