import FraudCore

/// A store whose reads are the shared statements of `StoreQueries`, run through its driver in its dialect.
protocol SQLStore: Store, ModelStore {
    associatedtype RowReader: SQLRowReader

    /// The dialect its statements are written in.
    var dialect: SQLDialect { get }

    /// Fetches the rows of `statement` and decodes each with `decode`; failures become a `StoreError` naming `operation`.
    func fetch<T: Sendable>(_ operation: String, _ statement: SQLStatement,
                            _ decode: @escaping @Sendable (RowReader) throws -> T) async throws -> [T]
}
