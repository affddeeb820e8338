import Foundation
import RegPolicyModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text inputs other than regulations — profiles, rules, templates, manifests, indexes — read
/// whole, with every failure a diagnostic naming the file.
enum InputFiles {
  /// A whole UTF-8 text file.
  static func read(_ path: String) throws(Diagnostic) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Diagnostic.error(.inputUnreadable, file: path, "cannot read file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw Diagnostic.error(.inputInvalidUTF8, file: path, "file is not UTF-8 text")
    }
    return text
  }

  /// Every file under a folder whose name ends with one of the suffixes, with paths relative to it,
  /// sorted. A missing folder is an error; a file that cannot be read is a problem noted in
  /// `problems`, and the others are still read.
  static func files(
    in directory: String, suffixes: [String], problems: inout [Diagnostic]
  ) throws(Diagnostic) -> [(path: String, text: String)] {
    guard isDirectory(directory) else { throw Diagnostic.error(.inputUnreadable, file: directory, "not a folder") }
    var files: [(String, String)] = []
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let path = enumerator?.nextObject() as? String {
      guard suffixes.contains(where: path.hasSuffix) else { continue }
      do { files.append((path, try read(directory + "/" + path))) } catch { problems.append(error) }
    }
    return files.sorted { $0.0 < $1.0 }
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// All of standard input.
  static func standardInput() -> [UInt8] {
    var input: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      input += buffer[..<count]
    }
    return input
  }
}
