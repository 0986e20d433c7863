import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body, read strictly: every field once, names and
/// values valid UTF-8 after percent-decoding (`+` is a space), at most `limit` bytes.
struct FormFields {
    let values: [String: String]

    subscript(name: String) -> String? { values[name] }

    static let mediaType = "application/x-www-form-urlencoded"

    static func read(_ request: inout Request, limit: Int) async throws -> FormFields {
        let type = request.headers[.contentType]?.split(separator: ";").first.map {
            String($0).trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard type == mediaType else {
            throw Problem(
                .unsupportedMediaType, type: Problem.base + "unsupported-media-type", title: "Unsupported media type",
                detail: "send the form as \(mediaType)", headers: [.accept: mediaType])
        }
        let buffer = try await request.collectBody(upTo: limit)
        return try parse(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    static func parse(_ body: String) throws -> FormFields {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count == 2 ? parts[1] : "") else {
                throw Problem.invalidBody("the form is not well encoded")
            }
            guard values[name] == nil else { throw Problem.invalidBody("the form has \(name) twice", field: name) }
            values[name] = value
        }
        return FormFields(values: values)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
