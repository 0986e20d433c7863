/// A nonoverlapping floating-point expansion (Shewchuk 1997): a sum of doubles, smallest first,
/// held exactly. Used only by the slow path of ``RobustPredicates``, so it lives in caller memory.
struct Expansion {
    private let terms: UnsafeMutableBufferPointer<Double>
    private var count = 0

    init(_ storage: UnsafeMutableBufferPointer<Double>) {
        terms = storage
    }

    /// Adds `a * b` exactly: the rounded product plus its FMA-computed rounding error.
    mutating func addProduct(_ a: Double, _ b: Double) {
        let product = a * b
        let error = (-product).addingProduct(a, b)
        add(error)
        add(product)
    }

    /// Grow-Expansion with zero elimination; needs one free slot beyond the current terms.
    mutating func add(_ value: Double) {
        var q = value
        var kept = 0
        for i in 0..<count {
            let sum = q + terms[i]
            let bVirtual = sum - q
            let error = (q - (sum - bVirtual)) + (terms[i] - bVirtual)
            q = sum
            if error != 0 {
                terms[kept] = error
                kept += 1
            }
        }
        if q != 0 || kept == 0 {
            terms[kept] = q
            kept += 1
        }
        count = kept
    }

    /// The sign of the exact sum: that of the largest (last) term.
    var sign: Int {
        guard count > 0 else { return 0 }
        let top = terms[count - 1]
        return top > 0 ? 1 : (top < 0 ? -1 : 0)
    }
}
