import ArgumentParser
import AtlasStore
import Foundation

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the users of the works API, their bearer tokens and their passwords.",
        subcommands: [UsersAdd.self, UsersPasswd.self, UsersRevoke.self, UsersList.self])

    /// Who runs the command, for the audit log.
    static var cliActor: AuditActor {
        AuditActor(name: "cli:" + ProcessInfo.processInfo.userName, role: nil)
    }
}

struct UsersAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user and print its new token (shown once; only a salted hash is stored).",
        discussion: "Roles: \(UserRole.allowedList). Editors may only change works inside their --unit.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "User name (no spaces).") var name: String
    @Option(help: "Role: \(UserRole.allowedList).") var role: String
    @Option(help: "Code of the editor's commune, district or province.") var unit: String?

    func validate() throws {
        guard UserRole(rawValue: role) != nil else {
            throw ValidationError("--role must be one of \(UserRole.allowedList), got \"\(role)\"")
        }
    }

    func run() throws {
        let role = UserRole(rawValue: role) ?? .admin
        let (token, credential) = AccessToken.generate()
        do {
            try database.open().addUser(
                name: name, role: role, unitCode: unit, credential: credential, by: Users.cliActor)
        } catch let error as UserError {
            throw DataProblem(description: error.description)
        }
        print(token)
        Terminal.note(
            "token of \(name) (\(role.rawValue)\(unit.map { ", unit \($0)" } ?? "")): shown once, keep it safe")
    }
}

struct UsersRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a user's token and end its sessions at once (the user stays in the audit log).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "User name.") var name: String

    func run() throws {
        do {
            try database.open().revokeUser(name: name, by: Users.cliActor)
        } catch let error as UserError {
            throw DataProblem(description: error.description)
        }
        print("revoked \(name)")
    }
}

struct UsersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users, their roles and units.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let rows = try database.open().users().map { u in
            [u.name, u.role.rawValue, u.unitCode ?? "", u.createdAt, u.revokedAt ?? ""]
        }
        print(
            TextTable.render(header: ["name", "role", "unit", "created_at", "revoked_at"], rows: rows), terminator: "")
    }
}
