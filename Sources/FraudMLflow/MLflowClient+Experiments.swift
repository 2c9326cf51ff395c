import NIOHTTP1

extension MLflowClient {
    /// `experiments/get-by-name`; nil when there is no such experiment.
    package func experiment(named name: String) async throws -> MLflowExperiment? {
        struct Answer: Decodable { var experiment: MLflowExperiment }
        do {
            return try await get("experiments/get-by-name", query: [("experiment_name", name)], as: Answer.self).experiment
        } catch let error as MLflowError where error.isNotFound {
            return nil
        }
    }

    /// `experiments/create`: the new experiment's id.
    package func createExperiment(named name: String) async throws -> String {
        struct Request: Encodable { var name: String }
        struct Answer: Decodable { var experimentId: String }
        return try await send(.POST, "experiments/create", body: Request(name: name), as: Answer.self).experimentId
    }

    /// The id of the experiment `name`, created when missing (also when another client creates it meanwhile).
    package func experimentId(named name: String) async throws -> String {
        if let experiment = try await experiment(named: name) { return experiment.experimentId }
        do {
            return try await createExperiment(named: name)
        } catch let error as MLflowError where error.isAlreadyExisting {
            guard let experiment = try await experiment(named: name) else { throw error }
            return experiment.experimentId
        }
    }
}
