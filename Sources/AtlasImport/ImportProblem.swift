/// One bad value in an input file: where, which field, what value, and why.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    /// "line 7" for CSV (header = line 1), "feature 3 (id LS-0004)" for GeoJSON.
    public var location: String
    public var field: String
    public var value: String
    public var reason: String

    public init(location: String, field: String, value: String, reason: String) {
        self.location = location
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String {
        let shown = value.count > 80 ? String(value.prefix(77)) + "..." : value
        return "\(location): \(field) = \"\(shown)\": \(reason)"
    }
}

/// An import that changed nothing, with every problem found.
public struct ImportFailure: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var problems: [ImportProblem]

    public init(file: String, problems: [ImportProblem]) {
        self.file = file
        self.problems = problems
    }

    /// The `file` of a work entered field by field (`works add`, the API), not read from a file.
    public static let enteredWork = "(entered work)"

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        if file == Self.enteredWork {
            let lines = problems.map { "  \($0.field) = \"\($0.value)\": \($0.reason)" }
            return (["the work was not registered: \(count)"] + lines).joined(separator: "\n")
        }
        let header = "\(file): \(count); nothing was imported"
        return ([header] + problems.map { "  \(file): \($0)" }).joined(separator: "\n")
    }
}

/// Collects problems of one file; `finish` throws when there are any.
struct ProblemLog {
    let file: String
    private(set) var problems: [ImportProblem] = []
    private(set) var warnings: [String] = []
    /// How the file was read (sheet, header row, columns, dialect, CRS): said, not warned.
    private(set) var notes: [String] = []

    init(file: String) { self.file = file }

    mutating func add(_ location: String, _ field: String, _ value: String, _ reason: String) {
        problems.append(ImportProblem(location: location, field: field, value: value, reason: reason))
    }

    mutating func warn(_ message: String) { warnings.append("\(file): \(message)") }

    mutating func note(_ message: String) { notes.append("\(file): \(message)") }

    var isEmpty: Bool { problems.isEmpty }

    func finish() throws {
        if !problems.isEmpty { throw ImportFailure(file: file, problems: problems) }
    }
}
