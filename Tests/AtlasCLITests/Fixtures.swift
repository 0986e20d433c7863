import Foundation
import Testing

/// Runs the built `worksatlas` executable in a temporary folder.
///
/// Finding the binary: SwiftPM puts the test runner (`WorksAtlasPackageTests.xctest`, an
/// executable on Linux) and the `worksatlas` product in the same products folder, e.g.
/// `.build-tests/x86_64-unknown-linux-gnu/debug/`. So the first candidate is next to the running
/// executable (`/proc/self/exe`, else `CommandLine.arguments[0]`), then next to any loaded bundle
/// (`Bundle.main`, `Bundle.allBundles`: macOS `.xctest` bundles sit in the products folder too).
/// `WORKSATLAS_BIN` overrides all of them. The test target depends on the AtlasCLI executable
/// target, so `swift build --build-tests` always builds the binary first.
enum CLI {
    static let executable: URL? = locate()

    static var isAvailable: Bool { executable != nil }

    private static func locate() -> URL? {
        let fm = FileManager.default
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["WORKSATLAS_BIN"], fm.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        var folders: [URL] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles { folders.append(bundle.bundleURL.deletingLastPathComponent()) }
        for folder in folders {
            let candidate = folder.appendingPathComponent("worksatlas")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `worksatlas arguments…` in `directory` with `WORKSATLAS_DB` unset unless given.
    /// Output goes to files, so a chatty command cannot block on a full pipe.
    static func run(
        _ arguments: [String], in directory: URL, environment extra: [String: String] = [:], input: String? = nil
    ) throws
        -> Result
    {
        let executable = try #require(executable, "worksatlas binary not found; build with --build-tests")
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["WORKSATLAS_DB"] = nil
        environment["COLUMNS"] = "100"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let input {
            let file = directory.appendingPathComponent("stdin-\(UUID().uuidString)")
            try Data(input.utf8).write(to: file)
            process.standardInput = try FileHandle(forReadingFrom: file)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// A temporary folder holding the fixture files: province 20 / district 178 over lon 106.0–106.2,
/// lat 21.0–21.2, communes 00001 (west of lon 106.1) and 00002 (east of it).
struct Workspace {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("worksatlas-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("units.geojson", Self.units)
        try write("villages.csv", Self.villages)
    }

    var database: String { directory.appendingPathComponent("atlas.sqlite").path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> CLI.Result {
        try CLI.run(arguments, in: directory, environment: environment, input: input)
    }

    /// Imports the units and villages into `database`, expecting success.
    func loadWorld(sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (kind, file) in [("units", "units.geojson"), ("villages", "villages.csv")] {
            let result = try run(["import", kind, path(file), "--db", database])
            #expect(result.status == 0, "import \(kind) failed: \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static let units = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"code":"20","name":"Tỉnh Thử Nghiệm","kind":"province","type":"Tỉnh","parent_code":""},"geometry":{"type":"Polygon","coordinates":[[[106.0,21.0],[106.2,21.0],[106.2,21.2],[106.0,21.2],[106.0,21.0]]]}},
        {"type":"Feature","properties":{"code":"178","name":"Huyện Bình Gia","kind":"district","type":"Huyện","parent_code":"20"},"geometry":{"type":"Polygon","coordinates":[[[106.0,21.0],[106.2,21.0],[106.2,21.2],[106.0,21.2],[106.0,21.0]]]}},
        {"type":"Feature","properties":{"code":"00001","name":"Xã Hồng Phong","kind":"commune","type":"Xã","parent_code":"178"},"geometry":{"type":"Polygon","coordinates":[[[106.0,21.0],[106.1,21.0],[106.1,21.1],[106.1,21.2],[106.0,21.2],[106.0,21.0]]]}},
        {"type":"Feature","properties":{"code":"00002","name":"Thị trấn Bình Gia","kind":"commune","type":"Thị trấn","parent_code":"178"},"geometry":{"type":"Polygon","coordinates":[[[106.1,21.0],[106.2,21.0],[106.2,21.2],[106.1,21.2],[106.1,21.1],[106.1,21.0]]]}}
        ]}
        """

    static let villages = """
        code,commune_code,name,lon,lat,households
        00001001,00001,Thôn Nà Pàn,106.05,21.05,120
        00002001,00002,Khối 1,106.15,21.05,200

        """
}
