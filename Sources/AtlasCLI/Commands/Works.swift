import ArgumentParser

struct Works: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Register, list, show, advance and maintain works.",
        subcommands: [WorksAdd.self, WorksList.self, WorksShow.self, WorksSetStatus.self, WorksMaintain.self]
    )
}
