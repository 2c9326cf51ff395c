import NIOHTTP1

extension MLflowClient {
    /// Per `runs/log-batch` call MLflow takes at most 1000 metrics, 100 params, 100 tags and 1000 entries in all.
    static let batchLimits = (metrics: 800, params: 100, tags: 100)

    /// `runs/create`: a new run in `experimentId`, started at `startTime` (milliseconds since the epoch).
    package func createRun(experimentId: String, name: String?, startTime: Int64, tags: [MLflowTag] = []) async throws -> MLflowRun {
        struct Request: Encodable {
            var experimentId: String
            var runName: String?
            var startTime: Int64
            var tags: [MLflowTag]
        }
        struct Answer: Decodable { var run: MLflowRun }
        let request = Request(experimentId: experimentId, runName: name, startTime: startTime, tags: tags)
        return try await send(.POST, "runs/create", body: request, as: Answer.self).run
    }

    /// `runs/update`: the run's status (`FINISHED`, `FAILED`, ...) and end time (milliseconds since the epoch).
    package func updateRun(id: String, status: String, endTime: Int64?) async throws {
        struct Request: Encodable {
            var runId: String
            var status: String
            var endTime: Int64?
        }
        // The answer holds the run's info; only success matters.
        let _: MLflowEmpty = try await send(.POST, "runs/update", body: Request(runId: id, status: status, endTime: endTime))
    }

    /// `runs/log-batch`, split into as many calls as MLflow's per-call limits need. A param cannot change once logged.
    package func logBatch(runId: String, params: [MLflowTag] = [], metrics: [MLflowMetric] = [], tags: [MLflowTag] = []) async throws {
        struct Request: Encodable {
            var runId: String
            var metrics: [MLflowMetric]
            var params: [MLflowTag]
            var tags: [MLflowTag]
        }
        let limits = Self.batchLimits
        var params = params[...], metrics = metrics[...], tags = tags[...]
        repeat {
            let request = Request(runId: runId, metrics: Array(metrics.prefix(limits.metrics)), params: Array(params.prefix(limits.params)),
                                  tags: Array(tags.prefix(limits.tags)))
            params = params.dropFirst(limits.params)
            metrics = metrics.dropFirst(limits.metrics)
            tags = tags.dropFirst(limits.tags)
            let _: MLflowEmpty = try await send(.POST, "runs/log-batch", body: request)
        } while !(params.isEmpty && metrics.isEmpty && tags.isEmpty)
    }

    /// `runs/get`.
    package func run(id: String) async throws -> MLflowRun {
        struct Answer: Decodable { var run: MLflowRun }
        return try await get("runs/get", query: [("run_id", id)], as: Answer.self).run
    }

    /// `runs/search` in `experimentIds` with MLflow's filter syntax (e.g. `tags."fraud.run_id" = 'r1'`), newest first.
    package func searchRuns(experimentIds: [String], filter: String, maxResults: Int = 100) async throws -> [MLflowRun] {
        struct Request: Encodable {
            var experimentIds: [String]
            var filter: String
            var maxResults: Int
            var orderBy: [String]
        }
        struct Answer: Decodable { var runs: [MLflowRun]? }
        let request = Request(experimentIds: experimentIds, filter: filter, maxResults: maxResults, orderBy: ["attributes.start_time DESC"])
        return try await send(.POST, "runs/search", body: request, as: Answer.self).runs ?? []
    }
}
