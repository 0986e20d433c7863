import ArgumentParser

struct Works: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Register, list, show and advance works.",
        subcommands: [WorksAdd.self, WorksList.self, WorksShow.self, WorksSetStatus.self]
    )
}
