import ArgumentParser
import AtlasModel

/// `--category C`: one work category, checked against the vocabulary before anything runs.
struct CategoryOption: ParsableArguments {
    @Option(name: .customLong("category"), help: "Work category: \(WorkCategory.allowedList).")
    var text: String

    var category: WorkCategory { WorkCategory(rawValue: text) ?? .other }

    func validate() throws {
        guard WorkCategory(rawValue: text) != nil else {
            throw ValidationError("--category \(text): unknown category (allowed: \(WorkCategory.allowedList))")
        }
    }
}
