/// Field names cut to a driver's limit, deterministically and without collisions: the first
/// `limit` bytes, else the first `limit - 2` and a two-digit number.
enum FieldNames {
    static func shortened(_ names: [String], to limit: Int?) -> [String] {
        guard let limit else { return names }
        var taken = Set<String>()
        return names.map { name in
            var candidate = String(decoding: Array(name.utf8.prefix(limit)), as: UTF8.self)
            var n = 1
            while taken.contains(candidate.lowercased()) {
                candidate = String(decoding: Array(name.utf8.prefix(limit - 2)), as: UTF8.self) + String(format2: n)
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }
}

extension String {
    fileprivate init(format2 n: Int) { self = n < 10 ? "0\(n)" : String(n % 100) }
}
