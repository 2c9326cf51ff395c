/// Runs `body`; an error that is already a `Domain` error is rethrown as it is, any other is replaced by
/// `translate(error)` (a driver's error becomes the store's, naming what failed).
func mappingErrors<T, Domain: Error>(
    isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T, to translate: (any Error) -> Domain
) async throws -> T {
    do {
        return try await body()
    } catch let error as Domain {
        throw error
    } catch {
        throw translate(error)
    }
}
