import Foundation
import Testing

/// Every command a user can type is documented in the README (checked against the real CLI).
@Suite struct DocumentationTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    @Test(arguments: [
        "init", "import units", "import villages", "import stats", "import classifications", "import works",
        "works add", "works list", "works show", "works set-status", "coverage", "targets", "check",
        "export communes", "export works", "units", "sources", "serve", "users add", "audit", "audit list",
        "audit verify", "backup", "restore",
    ])
    func readmeDocumentsCommand(_ command: String) {
        #expect(Self.readme.contains("worksatlas \(command)"), "README.md does not mention `worksatlas \(command)`")
    }

    @Test func readmeGivesTheTwoCommands() {
        #expect(Self.readme.contains("Scripts/demo"))
        #expect(Self.readme.contains("Scripts/test"))
    }
}
