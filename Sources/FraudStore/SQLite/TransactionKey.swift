import FraudCore
import GRDB

/// The SQLite store's integer idempotency key of a payment (`transactions.trans_key`, unique), derived from its `trans_num`.
///
/// A unique index on the 33-byte random `trans_num` text was the largest cost of SQLite batch writes; an 8-byte integer
/// index does the same job for a fraction of the B-tree work. Each `trans_num` owns a range of `slots` consecutive keys:
/// `base(trans_num) + 0 … base + slots - 1`, where `base` is a 59-bit hash shifted left by 4. A payment is stored under
/// the first slot of its range that is free; two different `trans_num` whose hashes collide therefore get different
/// slots and are never merged, and a payment is found by its range plus `trans_num = ?` (one index range scan).
/// A 17th payment whose hash equals 16 stored ones is refused with an error (not merged).
package enum TransactionKey {
    /// Keys per `trans_num`.
    package static let slots: Int64 = 16

    /// The first key of `transNum`'s range: FNV-1a over its UTF-8 bytes, mixed (SplitMix64 finaliser), top 59 bits, times 16.
    /// Never negative, and `base + slots - 1` never overflows.
    package static func base(_ transNum: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var text = transNum
        text.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        return Int64(bitPattern: (SplitMix64.mix(hash) >> 5) << 4)
    }

    /// `fraud_trans_key(trans_num)` = `base`, `fraud_trans_key(trans_num, slot)` = `base + slot` (slot in 0..<16, else
    /// an error), registered on every connection: used by migration 5 and by SQL that looks a payment up by `trans_num`.
    static let sqlFunction = DatabaseFunction("fraud_trans_key", pure: true) { arguments in
        guard let transNum = String.fromDatabaseValue(arguments[0]) else {
            throw DatabaseError(message: "fraud_trans_key: trans_num must be text, got \(arguments[0])")
        }
        let slot = arguments.count > 1 ? Int64.fromDatabaseValue(arguments[1]) ?? -1 : 0
        guard (0..<slots).contains(slot) else {
            throw DatabaseError(message: "fraud_trans_key: trans_num '\(transNum)': slot \(slot) is not in 0...\(slots - 1) (more than \(slots) payments share its hash)")
        }
        return base(transNum) + slot
    }
}
