import Foundation

/// Diagnostics go to stderr; progress only when stderr is a terminal.
enum Terminal {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }
}

extension Terminal {
    /// A progress callback that redraws one stderr line.
    static func progress(label: String) -> @Sendable (Int, Int) -> Void {
        { done, total in
            let percent = total > 0 ? done * 100 / total : 100
            let end = done >= total ? "\n" : ""
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) (\(percent) %)\(end)".utf8))
        }
    }
}
