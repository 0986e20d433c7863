import AtlasGeoJSON
import AtlasStore
import Dispatch
import Foundation

/// What a user says about where a file came from; missing parts are looked up in the file
/// itself (GeoJSON "attribution"/"notice" members) or in a `sources.json` beside it.
public struct ImportProvenance: Sendable {
    public var attribution: String?
    public var notice: String?

    public init(attribution: String? = nil, notice: String? = nil) {
        self.attribution = attribution
        self.notice = notice
    }

    func resolved(kind: String, file: URL, embedded: ImportProvenance = ImportProvenance()) throws -> DataSource {
        let sidecar = try Self.sidecar(for: file)
        return DataSource(
            kind: kind, file: file.lastPathComponent,
            attribution: attribution ?? embedded.attribution ?? sidecar.attribution,
            notice: notice ?? embedded.notice ?? sidecar.notice)
    }

    /// `sources.json` next to the file: `{"villages.csv": {"attribution": "…", "notice": "…"}}`,
    /// read by the strict JSON reader; a malformed one is an error that names it, not ignored.
    static func sidecar(for file: URL) throws -> ImportProvenance {
        let url = file.deletingLastPathComponent().appendingPathComponent("sources.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return ImportProvenance() }
        let value: JSONValue
        do {
            value = try StrictJSONParser().parse(try FileBytes.read(path: url.path, maximumSize: 1 << 20))
        } catch {
            throw ImportFailure(
                file: url.path, problems: [ImportProblem(location: "file", field: "-", value: "", reason: "\(error)")])
        }
        guard let entry = value.objectValue?[file.lastPathComponent]?.objectValue else { return ImportProvenance() }
        return ImportProvenance(attribution: entry["attribution"]?.stringValue, notice: entry["notice"]?.stringValue)
    }
}

/// What an import did.
public struct ImportReport: Sendable {
    public var kind: String
    public var file: String
    public var rowCount: Int
    public var warnings: [String]
    /// How the file was read: the sheet and header row, each header mapped, the CSV dialect, the CRS.
    public var notes: [String] = []
    /// Seconds spent in each phase (read, validate, write), for `--timings`: wall clock, and the
    /// CPU time of all threads (on a shared machine the wall clock mostly measures the others).
    public var phases: [(name: String, seconds: Double, cpuSeconds: Double)] = []
}

/// Wall-clock and process CPU seconds per phase of a long job.
struct PhaseClock {
    private var start = DispatchTime.now().uptimeNanoseconds
    private var cpuStart = Self.processCPUSeconds()
    private(set) var laps: [(name: String, seconds: Double, cpuSeconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        laps.append((name, Double(now - start) / 1e9, cpu - cpuStart))
        start = now
        cpuStart = cpu
    }

    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Reading a whole input file (bounded, regular files and pipes only) with an error that names it.
func readInput(_ file: URL) throws -> [UInt8] {
    do {
        return try FileBytes.read(path: file.path)
    } catch let GeoJSONReadError.unreadableFile(_, reason) {
        throw ImportFailure(
            file: file.path,
            problems: [
                ImportProblem(location: "file", field: "-", value: file.path, reason: "cannot be read: \(reason)")
            ])
    }
}

func parseCSV(_ file: URL) throws -> CSVTable {
    do {
        return try CSVTable(bytes: try readInput(file))
    } catch let error as CSVTable.ParseError {
        throw ImportFailure(
            file: file.path,
            problems: [ImportProblem(location: "file", field: "-", value: "", reason: error.description)])
    }
}

/// Reads a whole GeoJSON file; a document-level error (bad JSON, not GeoJSON) names the file.
func readGeoJSON(_ file: URL, acceptsAnyCRS: Bool = false) throws -> GeoJSONDocument {
    do {
        return try GeoJSONReader(options: GeoJSONReadOptions(acceptsAnyCRS: acceptsAnyCRS))
            .read(contentsOfFile: file.path)
    } catch let error as GeoJSONReadError {
        throw ImportFailure(
            file: file.path,
            problems: [ImportProblem(location: "file", field: "-", value: "", reason: error.description)])
    }
}

/// Streams a GeoJSON file feature by feature; a document-level error names the file.
func streamGeoJSON(
    _ file: URL, acceptsAnyCRS: Bool, body: (GeoJSONFeature) throws -> Void
) throws
    -> GeoJSONReadSummary
{
    do {
        return try GeoJSONReader(options: GeoJSONReadOptions(acceptsAnyCRS: acceptsAnyCRS))
            .read(contentsOfFile: file.path, forEachFeature: body)
    } catch let error as GeoJSONReadError {
        throw ImportFailure(
            file: file.path,
            problems: [ImportProblem(location: "file", field: "-", value: "", reason: error.description)])
    }
}
