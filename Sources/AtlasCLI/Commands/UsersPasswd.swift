import ArgumentParser
import AtlasStore
import Foundation

struct UsersPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Set a user's password for signing in at /login (the token keeps working).",
        discussion: """
            Asks for the password twice on the terminal, without echo, or reads one line from standard \
            input with --stdin. A password has at least \(PasswordHash.minimumLength) characters; it is stored \
            as PBKDF2-SHA256 with its own salt. Setting it ends the user's open sessions.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "User name.") var name: String
    @Flag(help: "Read the password from the first line of standard input (for scripts).") var stdin = false

    func run() throws {
        let password = try stdin ? Self.readLine() : Self.askTwice()
        if let weakness = PasswordHash.weakness(of: password) { throw DataProblem(description: weakness) }
        let hash = try PasswordHash.make(password)
        do {
            try database.open().setPassword(name: name, hash: hash, by: Users.cliActor)
        } catch let error as UserError {
            throw DataProblem(description: error.description)
        }
        print("password set for \(name)")
    }

    /// The first line of standard input, without its line ending.
    static func readLine() throws -> String {
        guard let line = Swift.readLine(strippingNewline: true) else {
            throw DataProblem(description: "no password on standard input")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    static func askTwice() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            throw DataProblem(description: "standard input is not a terminal; give --stdin to read the password from it")
        }
        let first = try ask("Mật khẩu mới / New password: ")
        let second = try ask("Nhập lại / Again: ")
        guard first == second else { throw DataProblem(description: "the two passwords differ; nothing was changed") }
        return first
    }

    /// One line from the terminal with echo off (restored even when reading fails).
    static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return try readLine()
    }
}
