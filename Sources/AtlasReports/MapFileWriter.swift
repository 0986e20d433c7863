import CCairo
import Foundation

/// Writes a printed map as PDF, PNG or SVG, the format named by the file's extension. The file
/// is written under a temporary name beside the destination and renamed into place, as the
/// exports are, so a failure leaves no half map.
public enum MapFileWriter {
    public static func write(_ renderer: MapRenderer, to path: String) throws {
        guard let format = MapFileFormat(path: path) else {
            throw MapError.io(path: path, reason: "the extension names no map format (allowed: \(MapFileFormat.allowedList))")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw MapError.io(path: path, reason: "cannot create the folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.deletingPathExtension().lastPathComponent).partial-\(UUID().uuidString.prefix(8)).\(format.rawValue)"
        ).path
        do {
            try draw(renderer, format: format, to: temporary, reportedAs: path)
            // rename(2) replaces an existing file atomically.
            guard rename(temporary, path) == 0 else {
                throw MapError.io(path: path, reason: "cannot move the map into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    private static func draw(_ renderer: MapRenderer, format: MapFileFormat, to file: String, reportedAs path: String) throws {
        let (w, h) = renderer.pageSize
        let surface: OpaquePointer?
        var unitsPerPoint = 1.0
        switch format {
        case .pdf:
            surface = cairo_pdf_surface_create(file, w, h)
            if let surface {
                let title = renderer.map.indicator.title(year: renderer.map.year, baselineYear: renderer.map.baselineYear)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "\(title.vi) – \(renderer.map.provinceName)")
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "WorksAtlas")
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, renderer.map.notice.paragraph)
            }
        case .svg:
            surface = cairo_svg_surface_create(file, w, h)
        case .png:
            unitsPerPoint = MapFileFormat.pngPixelsPerPoint
            surface = cairo_image_surface_create(
                CAIRO_FORMAT_RGB24, Int32((w * unitsPerPoint).rounded()), Int32((h * unitsPerPoint).rounded()))
        }
        guard let surface else { throw MapError.cairo(path: path, status: "no surface") }
        defer { cairo_surface_destroy(surface) }
        try check(surface, path)
        renderer.draw(on: surface, unitsPerPoint: unitsPerPoint)
        if format == .png {
            let status = cairo_surface_write_to_png(surface, file)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw MapError.cairo(path: path, status: String(cString: cairo_status_to_string(status)))
            }
        }
        // Finishing writes a PDF's or SVG's last bytes; its errors show in the surface's status.
        cairo_surface_finish(surface)
        try check(surface, path)
    }

    private static func check(_ surface: OpaquePointer, _ path: String) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw MapError.cairo(path: path, status: String(cString: cairo_status_to_string(status)))
        }
    }
}
