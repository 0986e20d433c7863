import Foundation

/// Writes a report file under a temporary name beside the destination and renames it into
/// place, so a failure leaves no half file (as the maps and exports do).
public enum ReportFiles {
    public static func write(_ data: Data, to path: String) throws {
        try replacing(path) { temporary in try data.write(to: URL(fileURLWithPath: temporary)) }
    }

    public static func writePDF(_ pdf: ReportPDF, to path: String) throws {
        try replacing(path) { temporary in try pdf.write(to: temporary) }
    }

    static func replacing(_ path: String, _ write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw MapError.io(path: path, reason: "cannot create the folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString.prefix(8))").path
        do {
            try write(temporary)
            guard rename(temporary, path) == 0 else {
                throw MapError.io(path: path, reason: "cannot move the report into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
