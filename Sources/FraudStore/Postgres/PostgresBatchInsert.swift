import FraudCore
import PostgresNIO

/// The batch upsert of scored payments: the batch goes as one array per column and is inserted by a single
/// `INSERT ... SELECT * FROM unnest(...) ON CONFLICT (trans_num) DO NOTHING` (measured faster here than COPY
/// or multi-row VALUES; see docs/store.md). Nullable integers travel as `Int64.min` and the source label as
/// `''`/`t`/`f`, because postgres-nio arrays have no NULL elements.
enum PostgresBatchInsert {
    static let nullInt = Int64.min

    static let sql: String = {
        let columns = StoreSchema.transactionColumns
        let types = [
            "text", "int8", "int8", "int8", "text", "text", "float8", "text", "text", "text", "text", "text", "text", "int8",
            "float8", "float8", "int8", "text", "text", "int8", "float8", "float8", "text", "bool", "float8", "float8", "text",
            "text", "int8", "float8",
        ]
        precondition(types.count == columns.count)
        // unnest in the select list (ProjectSet) streams rows; `FROM unnest(a, b, ...)` materialises the whole
        // batch in a tuplestore first (measured slower, and it spills past work_mem on large batches).
        let unnested = zip(types, columns).enumerated().map { "unnest($\($0.offset + 1)::\($0.element.0)[]) AS u_\($0.element.1)" }
            .joined(separator: ", ")
        let selected = columns.map { column -> String in
            switch column {
            case "row_index", "unix_time": "NULLIF(u_\(column), \(nullInt))"
            case "source_label": "NULLIF(u_source_label, '')::boolean"
            default: "u_\(column)"
            }
        }.joined(separator: ", ")
        return """
            INSERT INTO transactions (\(columns.joined(separator: ", ")))
            SELECT \(selected) FROM (SELECT \(unnested)) AS u
            ON CONFLICT (trans_num) DO NOTHING
            """
    }()

    /// The statement with the batch bound as 30 column arrays.
    static func query(_ batch: [ScoredTransaction]) -> PostgresQuery {
        var columns = Columns(capacity: batch.count)
        for row in batch { columns.append(row) }
        return PostgresQuery(unsafeSQL: sql, binds: columns.bindings)
    }

    private struct Columns {
        var transNum: [String] = [], rowIndex: [Int64] = [], eventTime: [Int64] = [], ccNum: [Int64] = []
        var merchant: [String] = [], category: [String] = [], amount: [Double] = [], first: [String] = [], last: [String] = []
        var gender: [String] = [], street: [String] = [], city: [String] = [], state: [String] = [], zip: [Int64] = []
        var lat: [Double] = [], long: [Double] = [], cityPop: [Int64] = [], job: [String] = [], dob: [String] = []
        var unixTime: [Int64] = [], merchLat: [Double] = [], merchLong: [Double] = [], sourceLabel: [String] = []
        var prediction: [Bool] = [], score: [Double] = [], threshold: [Double] = [], modelVersion: [String] = []
        var reasons: [String] = [], scoredAt: [Int64] = [], latency: [Double] = []

        init(capacity: Int) {
            transNum.reserveCapacity(capacity)
            reasons.reserveCapacity(capacity)
        }

        mutating func append(_ row: ScoredTransaction) {
            let t = row.transaction
            transNum.append(t.transNum)
            rowIndex.append(t.rowIndex ?? PostgresBatchInsert.nullInt)
            eventTime.append(t.eventTime.millisecondsSinceEpoch)
            ccNum.append(t.ccNum)
            merchant.append(t.merchant)
            category.append(t.category)
            amount.append(t.amount)
            first.append(t.firstName)
            last.append(t.lastName)
            gender.append(t.gender)
            street.append(t.street)
            city.append(t.city)
            state.append(t.state)
            zip.append(Int64(t.zip))
            lat.append(t.latitude)
            long.append(t.longitude)
            cityPop.append(Int64(t.cityPopulation))
            job.append(t.job)
            dob.append(t.dateOfBirth.iso)
            unixTime.append(t.unixTime ?? PostgresBatchInsert.nullInt)
            merchLat.append(t.merchantLatitude)
            merchLong.append(t.merchantLongitude)
            sourceLabel.append(t.label.map { $0 ? "t" : "f" } ?? "")
            prediction.append(row.prediction)
            score.append(row.score)
            threshold.append(row.threshold)
            modelVersion.append(row.modelVersion)
            reasons.append(ReasonsJSON.encode(row.reasons))
            scoredAt.append(row.scoredAt.millisecondsSinceEpoch)
            latency.append(row.latencyMs)
        }

        var bindings: PostgresBindings {
            var bindings = PostgresBindings(capacity: 30)
            bindings.append(transNum); bindings.append(rowIndex); bindings.append(eventTime); bindings.append(ccNum)
            bindings.append(merchant); bindings.append(category); bindings.append(amount); bindings.append(first)
            bindings.append(last); bindings.append(gender); bindings.append(street); bindings.append(city)
            bindings.append(state); bindings.append(zip); bindings.append(lat); bindings.append(long)
            bindings.append(cityPop); bindings.append(job); bindings.append(dob); bindings.append(unixTime)
            bindings.append(merchLat); bindings.append(merchLong); bindings.append(sourceLabel); bindings.append(prediction)
            bindings.append(score); bindings.append(threshold); bindings.append(modelVersion); bindings.append(reasons)
            bindings.append(scoredAt); bindings.append(latency)
            return bindings
        }
    }
}
