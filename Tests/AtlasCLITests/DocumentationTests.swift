import AtlasModel
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
        "works add", "works list", "works show", "works set-status", "works maintain", "coverage", "gaps", "priorities",
        "targets", "check", "export communes", "export works", "map", "report", "units", "sources", "serve",
        "users add", "users passwd",
        "audit", "audit list",
        "audit verify", "backup", "restore",
    ])
    func readmeDocumentsCommand(_ command: String) {
        #expect(Self.readme.contains("worksatlas \(command)"), "README.md does not mention `worksatlas \(command)`")
    }

    @Test func readmeGivesTheTwoCommands() {
        #expect(Self.readme.contains("Scripts/demo"))
        #expect(Self.readme.contains("Scripts/test"))
    }

    /// The works-file table names every field an import reads, so a new field cannot go undocumented.
    @Test func readmeListsEveryWorkField() throws {
        let section = try #require(Self.readme.components(separatedBy: "### Works files").dropFirst().first)
        let table = section.components(separatedBy: "\n### ").first ?? ""
        let perSource = Set(FundingSource.allCases.flatMap { ["planned_\($0.rawValue)_vnd", "disbursed_\($0.rawValue)_vnd"] })
        for field in WorkFieldNames.registered + WorkFieldNames.derived where !perSource.contains(field) {
            #expect(table.contains("`\(field)`"), "README.md's works-file table does not list `\(field)`")
        }
        for source in FundingSource.allCases {
            #expect(table.contains("`\(source.rawValue)`"), "funding source `\(source.rawValue)` is not listed")
        }
    }
}
