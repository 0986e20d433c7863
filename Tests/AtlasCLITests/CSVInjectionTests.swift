import Foundation
import Testing

/// CSV that planners open in Excel or LibreOffice never runs a formula from the data: a text
/// cell starting with = + - @ is written with a leading apostrophe (shown as text), and Python's
/// csv module (an independent reader) sees one row with every field in place.
@Suite(.enabled(if: CLI.isAvailable)) struct CSVInjectionTests {
    @Test func formulaLookingNamesAreWrittenAsText() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.loadWorld()
        let names = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "Đường, \"thôn\" Nà Pàn"]
        let rows = names.enumerated().map { i, name in
            "F-\(i),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",135,road,proposed,106.05,21.05"
        }
        let file = try workspace.write(
            "works.csv", "id,name,programme,category,status,lon,lat\n" + rows.joined(separator: "\n") + "\n")
        #expect(try workspace.run(["import", "works", file, "--db", workspace.database]).status == 0)
        let listed = try workspace.run(["works", "list", "--format", "csv", "--db", workspace.database])
        #expect(listed.status == 0, "\(listed.stderr)")
        let output = try workspace.write("list.csv", listed.stdout)
        let parsed = try Self.pythonCSV(output)
        let header = try #require(parsed.first)
        let nameColumn = try #require(header.firstIndex(of: "name"))
        let read = Dictionary(uniqueKeysWithValues: parsed.dropFirst().map { ($0[0], $0[nameColumn]) })
        #expect(read["F-0"] == "'=cmd|' /C calc'!A0")
        #expect(read["F-1"] == "'+1+1")
        #expect(read["F-2"] == "'-2+3")
        #expect(read["F-3"] == "'@SUM(A1)")
        #expect(read["F-4"] == "Đường, \"thôn\" Nà Pàn")
        #expect(parsed.dropFirst().allSatisfy { $0.count == header.count })
    }

    /// Rows as Python's csv module reads them.
    static func pythonCSV(_ path: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))",
            path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([[String]].self, from: data)
    }
}
