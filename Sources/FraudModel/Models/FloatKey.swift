/// Order-preserving integer keys of `Float` values, so tree splits compare integers without branches.
///
/// Every non-NaN value maps into `Int32` with `a < b ⇔ key(a) < key(b)` (IEEE order, both zeros equal);
/// +∞ maps to 0x7F80_0000 and −∞ to −0x7F80_0001. Every NaN (a missing value) maps to `missing`, above all of them.
enum FloatKey {
    /// The key of NaN.
    static let missing = Int32.max

    @inline(__always)
    static func of(_ value: Float) -> Int32 {
        // −0 becomes +0 (they compare equal as floats); every NaN becomes the one missing key.
        let canonical = value == 0 ? 0 : value
        let bits = Int32(bitPattern: canonical.bitPattern)
        // Negative floats: flip the magnitude bits so a larger magnitude gives a smaller key.
        let key = bits ^ ((bits >> 31) & 0x7FFF_FFFF)
        return value.isNaN ? missing : key
    }
}
