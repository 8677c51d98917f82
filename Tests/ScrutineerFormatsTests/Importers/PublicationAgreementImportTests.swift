import Foundation
import Testing
import ScrutineerCore
@testable import ScrutineerFormats

/// Issue 4: where LAIT and EES publish the same figure, the imported values are equal.
@Suite("Import: LAIT and EES agree where both publish a figure")
struct PublicationAgreementImportTests {
    struct Cell: Hashable {
        var place: String
        var period: String
    }

    /// The values of `measure`, keyed by DfE number for LAs (EES lists Barnsley and Sheffield under
    /// their old codes, LAIT under their new ones) and by ONS code for England and regions.
    static func values(_ batch: ImportBatch, _ measure: String, _ context: ImportContext) -> [Cell: Observation] {
        var values: [Cell: Observation] = [:]
        for observation in batch.observations where observation.measureCode == measure {
            let area = context.areas[observation.areaCode]!
            let place = area.type == .localAuthority ? area.dfeCode! : area.code
            let cell = Cell(place: place, period: observation.period.label)
            #expect(values[cell] == nil, "two observations for \(cell)")
            values[cell] = observation
        }
        return values
    }

    static func compare(eesFile: String, indicator: String, laitMeasure: String) throws -> (equal: Int, laitMissing: [Cell: Double], differing: [Cell]) {
        let lait = try ImportFixtures.laitBatch()
        let context = try ImportFixtures.context(measures: lait.measures)
        let ees = try EESImporter.parse([ImportFixtures.file(eesFile)], mappings: [EESMeasureMapping(measureCode: laitMeasure, indicator: indicator)], context: context)
        #expect(ees.measures.isEmpty) // the LAIT measure, already known, is used as it is
        let laitValues = values(lait, laitMeasure, context)
        let eesValues = values(ees, laitMeasure, context)
        var equal = 0
        var laitMissing: [Cell: Double] = [:]
        var differing: [Cell] = []
        for (cell, published) in eesValues {
            guard let other = laitValues[cell] else { continue }
            switch (published.value, other.value) {
            case let (a?, b?):
                if a == b { equal += 1 } else { differing.append(cell) }
            case let (a?, nil):
                laitMissing[cell] = a
            case (nil, _?):
                differing.append(cell) // EES suppresses what LAIT shows
            case (nil, nil):
                #expect(published.statusSymbol != nil && other.statusSymbol == .laitDash)
            }
        }
        return (equal, laitMissing, differing)
    }

    @Test("c1 rereferral_percent equals LAIT ReReferral for every LA, region, England and year both publish")
    func reReferrals() throws {
        let result = try Self.compare(eesFile: ImportFixtures.eesReferrals, indicator: "rereferral_percent", laitMeasure: "ReReferral")
        #expect(result.differing == [])
        #expect(result.laitMissing == [:])
        #expect(result.equal == 1503 + 120) // LA cells, then England, regions and Inner/Outer London
    }

    @Test("d3 CPP_subsequent_percent equals LAIT PrevRegCPR everywhere both publish; only the Isles of Scilly's 0% show as '-' in LAIT")
    func subsequentPlans() throws {
        let result = try Self.compare(eesFile: ImportFixtures.eesSubsequentPlans, indicator: "CPP_subsequent_percent", laitMeasure: "PrevRegCPR")
        #expect(result.differing == [])
        #expect(result.equal == 1488 + 120)
        #expect(result.laitMissing == [
            Cell(place: "420", period: "2017"): 0, Cell(place: "420", period: "2021"): 0,
            Cell(place: "420", period: "2022"): 0, Cell(place: "420", period: "2025"): 0,
        ])
    }
}
