/// Runs `body`, then `cleanup` (closing what `body` used), also when `body` throws; then `body`'s error is the one
/// thrown and a failing `cleanup` is ignored.
@discardableResult
package func withCleanup<T>(
    isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T, cleanup: () async throws -> Void
) async throws -> T {
    let value: T
    do {
        value = try await body()
    } catch {
        try? await cleanup()
        throw error
    }
    try await cleanup()
    return value
}
