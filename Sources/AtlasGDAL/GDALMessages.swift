import CGDAL

/// What GDAL said while one piece of work ran on this thread: its error handler stack is
/// per thread, so concurrent imports do not see each other's messages.
public struct GDALMessage: Sendable, Equatable, CustomStringConvertible {
    public enum Level: Sendable { case warning, failure }
    public let level: Level
    public let text: String
    public var description: String { text }
}

private final class MessageBox {
    var messages: [GDALMessage] = []
}

/// Runs `body` with GDAL's messages collected instead of printed, and returns them with its result.
public func collectingGDALMessages<T>(_ body: () throws -> T) rethrows -> (T, [GDALMessage]) {
    GDALRuntime.ensureRegistered()
    let box = MessageBox()
    let pointer = Unmanaged.passRetained(box).toOpaque()
    CPLPushErrorHandlerEx(
        { level, _, text in
            guard let user = CPLGetErrorHandlerUserData() else { return }
            let box = Unmanaged<MessageBox>.fromOpaque(user).takeUnretainedValue()
            let message = text.map { String(cString: $0) } ?? ""
            switch level {
            case CE_Warning: box.messages.append(GDALMessage(level: .warning, text: message))
            case CE_Failure, CE_Fatal: box.messages.append(GDALMessage(level: .failure, text: message))
            default: break  // debug output
            }
        }, pointer)
    defer {
        CPLPopErrorHandler()
        Unmanaged<MessageBox>.fromOpaque(pointer).release()
    }
    let result = try body()
    return (result, box.messages)
}
