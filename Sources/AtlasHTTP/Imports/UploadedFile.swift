import AtlasModel
import Foundation
import Hummingbird
import NIOCore

/// A works file sent as the raw body of `POST /api/imports/works`: at most `maximumBytes`, named
/// by the `filename` query parameter, whose extension must be one the importer reads on its own
/// (a bare `.shp` lacks its `.dbf` and `.prj`: a Shapefile comes zipped). The bytes are written
/// to a private temporary folder for the importer and removed when the request ends.
struct UploadedFile {
    static let route = "/api/imports/works"
    static let maximumBytes = 20 << 20
    static let mediaType = "application/octet-stream"
    static let extensions: Set<String> = [
        "csv", "xlsx", "xlsm", "ods", "zip", "gpkg", "kml", "kmz", "gpx", "fgb", "geojson", "json",
    ]
    static let maximumNameLength = 120

    /// The name the officer's file had, as shown back and recorded as the data's source.
    let name: String
    /// Where the bytes lie, named `name`, in a folder of their own.
    let url: URL

    /// The file name as sent: its last path part, printable, with an allowed extension.
    static func checkedName(_ raw: String?) throws -> String {
        guard let raw, !raw.isEmpty else {
            throw Problem.invalidParameter("filename", "", "name the file, e.g. filename=danh-muc.xlsx")
        }
        let name = String(raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
            .precomposedStringWithCanonicalMapping
        guard !name.isEmpty, !name.hasPrefix("."), name.count <= maximumNameLength,
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw Problem.invalidParameter(
                "filename", raw,
                "a file name of 1 to \(maximumNameLength) printable characters, not starting with \".\"")
        }
        let ext = (name as NSString).pathExtension.lowercased()
        guard extensions.contains(ext) else {
            throw Problem.invalidParameter(
                "filename", raw,
                "works are uploaded as \(extensions.sorted().map { "." + $0 }.joined(separator: ", ")) (zip a Shapefile with its .dbf, .shx and .prj)"
            )
        }
        return name
    }

    /// `application/octet-stream`: the file's bytes as they are, never a form or JSON.
    static func checkContentType(_ header: String?) throws {
        let type = header?.split(separator: ";").first.map { String($0).trimmedASCIISpaces.lowercased() }
        guard type == mediaType else {
            throw Problem(
                .unsupportedMediaType, type: Problem.base + "unsupported-media-type", title: "Unsupported media type",
                detail: "send the file's bytes as the body with Content-Type \(mediaType)",
                errors: [
                    .init(
                        location: "header", field: "Content-Type", value: String((header ?? "(none)").prefix(200)),
                        reason: "not \(mediaType)")
                ],
                headers: [.accept: mediaType])
        }
    }

    /// The body, refused with 413 past the limit even when no length was announced.
    static func readBody(_ request: Request) async throws -> ByteBuffer {
        var request = request
        do {
            return try await request.collectBody(upTo: maximumBytes)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit: maximumBytes)
        }
    }

    /// Writes `bytes` under `name` in a new folder only this process's user can read, runs
    /// `body` on the file, and removes the folder whatever happens.
    static func withTemporaryFile<T>(
        named name: String, bytes: ByteBuffer, _ body: (UploadedFile) throws -> T
    ) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("worksatlas-upload-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data(bytes.readableBytesView), attributes: [.posixPermissions: 0o600])
        else { throw Problem.internalError }
        return try body(UploadedFile(name: name, url: url))
    }

    /// A message of the importer with the temporary folder taken out: the officer knows the file by its name.
    func shown(_ text: String) -> String {
        text.replacingOccurrences(of: url.path, with: name)
            .replacingOccurrences(of: url.deletingLastPathComponent().path + "/", with: "")
    }
}
