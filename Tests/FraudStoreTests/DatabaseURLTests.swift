import FraudCore
import FraudStore
import Testing

@Suite struct DatabaseURLTests {
    @Test func sqlitePaths() throws {
        #expect(try DatabaseURL("sqlite:./fraud.db") == .sqlite(path: "./fraud.db"))
        #expect(try DatabaseURL("sqlite:///tmp/x.db") == .sqlite(path: "/tmp/x.db"))
        #expect(try DatabaseURL(DatabaseURL.defaultText) == .sqlite(path: "./fraud.db"))
    }

    @Test func postgresParts() throws {
        let url = try PostgresURL("postgres://ana:p%40ss@db.example:6543/fraud?schema=s1&sslmode=require")
        #expect(url == PostgresURL(user: "ana", password: "p@ss", host: "db.example", port: 6543, database: "fraud", schema: "s1", sslMode: "require"))
        #expect(url.description == "postgres://ana:***@db.example:6543/fraud?schema=s1&sslmode=require")
        let minimal = try PostgresURL("postgresql://postgres@127.0.0.1/postgres")
        #expect(minimal.port == 5432 && minimal.password == nil && minimal.sslMode == "prefer")
    }

    @Test(arguments: [
        ("mysql://x@y/z", "scheme"), ("sqlite:", "path"), ("postgres://host:5432/db", "user"),
        ("postgres://ana@:5432/db", "host"), ("postgres://ana@host:99999/db", "port"), ("postgres://ana@host:abc/db", "port"),
        ("postgres://ana@host/db?sslmode=maybe", "option 'sslmode'"), ("postgres://ana@host/db?color=red", "option 'color'"),
        ("postgres://ana@host/db?schema=a;drop", "option 'schema'"),
    ])
    func errorsNameTheBadPart(_ text: String, _ part: String) throws {
        let error = #expect(throws: StoreError.self) { try DatabaseURL(text) }
        guard case .invalidURL(_, let named, _) = error?.kind else {
            Issue.record("expected an invalid URL error, got \(String(describing: error))")
            return
        }
        #expect(named == part)
    }

    @Test func passwordsAreNotEchoedInErrors() throws {
        let error = #expect(throws: StoreError.self) { try DatabaseURL("postgres://ana:secret@host:nope/db") }
        #expect(error.map { !$0.description.contains("secret") } == true)
    }

    @Test(arguments: ["postgres://ana@host:nope/db?password=secret", "postgres://ana@host/db?sslmode=maybe&password=secret",
                      "mysql://ana@host/db?password=secret", "postgres://ana:secret@host/db?password=secret2&colour=red"])
    func queryPasswordsAreNotEchoedInErrors(_ text: String) throws {
        let error = #expect(throws: StoreError.self) { try DatabaseURL(text) }
        #expect(error.map { !$0.description.contains("secret") && $0.description.contains("***") } == true, "\(String(describing: error))")
    }

    @Test func passwordOption() throws {
        let url = try PostgresURL("postgres://ana@host/db?password=p%26ss&schema=s1")
        #expect(url.password == "p&ss" && url.schema == "s1")
        #expect(url.description == "postgres://ana:***@host:5432/db?schema=s1")
        #expect(try PostgresURL("postgres://ana:first@host/db?password=second").password == "second")
    }
}
