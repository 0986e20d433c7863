/// A GDAL call that failed, with what GDAL said about it.
public struct GDALError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let messages: [GDALMessage]

    public init(operation: String, path: String, messages: [GDALMessage]) {
        self.operation = operation
        self.path = path
        self.messages = messages
    }

    public var description: String {
        let said = messages.filter { $0.level == .failure }.map(\.text)
        return said.isEmpty
            ? "\(path): \(operation) failed"
            : "\(path): \(operation) failed: \(said.joined(separator: "; "))"
    }
}
