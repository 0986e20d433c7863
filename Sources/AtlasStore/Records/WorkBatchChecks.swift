/// What a batch write does beyond the command line's for an officer writing through the server:
/// every work's place is authorized before and after (nil before: a new work), inside the
/// transaction, and every work gets its own audit entry with the documents `render` writes, so
/// an editor sees the works of their unit in the audit log.
public struct WorkBatchChecks {
    public var authorize: (_ before: WorkPlace?, _ after: WorkPlace) throws -> Void
    public var render: (StoredWork) throws -> String

    public init(
        authorize: @escaping (_ before: WorkPlace?, _ after: WorkPlace) throws -> Void,
        render: @escaping (StoredWork) throws -> String
    ) {
        self.authorize = authorize
        self.render = render
    }
}
