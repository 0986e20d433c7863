import ArgumentParser
import AtlasExport
import Foundation

struct ExportForm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write the XLSForm of a work for KoboToolbox or ODK Collect (Vietnamese and English).",
        discussion: """
            Upload the workbook to KoboToolbox (or build it with pyxform for ODK Collect). Its questions \
            are the works fields and its choices the codes of the vocabularies, so the submissions' \
            CSV or XLSX export imports with `worksatlas import works` as it is.
            """)

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output workbook (.xlsx).")
    var output: String

    func validate() throws {
        guard output.lowercased().hasSuffix(".xlsx") else {
            throw ValidationError("--output must name an .xlsx workbook, got \(output)")
        }
    }

    func run() throws {
        try WorksXLSForm.write(to: output, version: Atlas.version)
        Terminal.note("wrote the works form (survey, choices, settings) to \(output)")
    }
}
