import ArgumentParser

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Work with mapping rules.",
    subcommands: [RulesReview.self]
  )
}
