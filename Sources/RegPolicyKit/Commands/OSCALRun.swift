import RegPolicyModel

/// `regpolicy oscal`: a generated policy tree as an OSCAL catalog, profile and component
/// definition (`OSCALExport`), written into `--out` as a whole. All or nothing: a tree that cannot
/// be read leaves `--out` as it was.
public struct OSCALRun: Sendable {
  public var policiesDirectory: String
  public var outputDirectory: String

  /// Creates a run.
  public init(policiesDirectory: String, outputDirectory: String) {
    self.policiesDirectory = policiesDirectory
    self.outputDirectory = outputDirectory
  }

  /// The files `oscal` writes; a folder holding only these (or nothing) is replaced.
  public static let fileNames = [OSCALExport.catalogFile, OSCALExport.profileFile, OSCALExport.componentFile]

  /// Reads, converts and writes; diagnostics go to standard error.
  public func run() -> ExitStatus {
    do throws(Diagnostics) {
      let documents = try build()
      let files = documents.mapValues { String(decoding: $0, as: UTF8.self) }
      try wrap { () throws(Diagnostic) in
        try TreeWriter.replace(
          outputDirectory, with: files, written: { $0.allSatisfy(Self.fileNames.contains) },
          what: Self.fileNames.joined(separator: ", "))
      }
      OutputFile.say("wrote \(Self.fileNames.joined(separator: ", ")) to \(outputDirectory)")
      return .success
    } catch {
      OutputFile.report(error.all)
      return error.exitStatus
    }
  }

  /// The documents, file name → bytes, built in memory without writing anything.
  public func build() throws(Diagnostics) -> [String: [UInt8]] {
    let tree = try PolicyTree.readEvery(from: policiesDirectory)
    let export = try OSCALExport(tree, indexFile: policiesDirectory + "/" + PolicyIndex.fileName)
    return export.documents()
  }
}
