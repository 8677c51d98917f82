import ScrutineerCore

extension ScrutineerStore {
    /// Everything the assessment of a committee reads, from the store: its measures, their
    /// observations for every area, its council's targets for them, the newest statistical-neighbour edition (2025,
    /// else 2021), the areas and the committee's settings.
    public func assessmentIndex(for definition: CommitteeDefinition) async throws -> AssessmentIndex {
        let codes = Set(definition.committee.measureCodes)
        let measures = try await self.measures().filter { codes.contains($0.code) }
        var observations: [Observation] = []
        var targets: [Target] = []
        for code in codes.sorted() {
            observations += try await self.observations(ObservationQuery(measureCode: code))
            targets += try await self.targets(for: code, council: definition.committee.councilAreaCode)
        }
        var neighbours = try await statisticalNeighbours(edition: "2025")
        if neighbours.isEmpty { neighbours = try await statisticalNeighbours(edition: "2021") }
        return AssessmentIndex(
            measures: measures, observations: observations, targets: targets,
            statisticalNeighbours: neighbours, areas: try await areas(), settings: definition.settings
        )
    }
}
