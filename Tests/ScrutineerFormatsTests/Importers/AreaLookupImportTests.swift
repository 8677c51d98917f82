import Foundation
import Testing
import ScrutineerCore
import ScrutineerTestSupport
@testable import ScrutineerFormats

@Suite("Import: areas (the DfE LA lookup)")
struct AreaLookupImportTests {
    @Test("every row of la_lookup_from_ees.csv is an area, except the two joint rows; codes, names and years as in the file")
    func shippedLookup() throws {
        let batch = try AreaLookupImporter.parse([ImportFixtures.file(ImportFixtures.lookup)], context: ImportContext())
        let table = try ImportFixtures.table(ImportFixtures.lookup)
        let single = table.dictionaries().filter { !$0["old_la_code"]!.contains("/") }
        #expect(batch.kind == .areas)
        #expect(batch.rowsRead == 165)
        #expect(batch.rowsRead == table.records.count)
        #expect(batch.areas.count == 163)
        #expect(batch.areas.count == single.count)
        #expect(Set(batch.areas.map(\.code)) == Set(single.map { $0["new_la_code"]! }))
        #expect(batch.areas.allSatisfy { $0.type == .localAuthority })
        let warwickshire = try #require(batch.areas.first { $0.code == "E10000031" })
        #expect(warwickshire == Area(code: "E10000031", dfeCode: "937", name: "Warwickshire", type: .localAuthority, regionCode: "E12000005", firstYear: 2013, lastYear: 2025))
        let hull = try #require(batch.areas.first { $0.code == "E06000010" })
        #expect(hull.name == "Kingston upon Hull, City of")
        #expect(batch.areas.first { $0.code == "E09000007" }?.regionCode == "E13000001")
    }

    @Test("an old ONS code gets the newer code of the same DfE number as successor: Barnsley, Sheffield, and three county councils")
    func successors() throws {
        let areas = try ImportFixtures.lookupAreas()
        let successors = Dictionary(uniqueKeysWithValues: areas.compactMap { area in area.successorCode.map { (area.code, $0) } })
        #expect(successors == [
            "E08000016": "E08000038", // Barnsley
            "E08000019": "E08000039", // Sheffield
            "E10000002": "E06000060", // Buckinghamshire
            "E10000023": "E06000065", // North Yorkshire
            "E10000027": "E06000066", // Somerset
        ])
        // Independently: the DfE numbers the file lists under two ONS codes.
        let table = try ImportFixtures.table(ImportFixtures.lookup)
        let numbers = table.dictionaries().map { $0["old_la_code"]! }.filter { !$0.contains("/") }
        let repeated = Dictionary(grouping: numbers, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(Set(repeated) == Set(successors.keys.map { code in areas.first { $0.code == code }!.dfeCode! }))
    }

    @Test("councils since split keep their areas with no successor; the joint rows are not areas")
    func predecessorsAndJointRows() throws {
        let areas = try ImportFixtures.lookupAreas()
        for code in ["E10000021", "E10000006", "E10000009", "E06000028", "E06000029"] { // Northamptonshire, Cumbria, Dorset CC, Bournemouth, Poole
            let area = try #require(areas.first { $0.code == code })
            #expect(area.successorCode == nil)
        }
        #expect(!areas.contains { $0.code.contains("/") || ($0.dfeCode ?? "").contains("/") })
        #expect(areas.contains { $0.code == "E06000061" } && areas.contains { $0.code == "E06000062" })
    }

    /// The successions Scrutineer ships (the statutory orders of 2018, 2020 and 2022), given with the lookup.
    static func shippedSuccessions() throws -> PublishedFile {
        try PublishedFile(contentsOf: SharedFiles.repositoryRoot.appendingPathComponent("Sources/ScrutineerDemo/DemoData/national/reference/la_successions.csv"))
    }

    @Test("a file of successions with the lookup: the councils split or merged (Bournemouth, Poole, Dorset, Northamptonshire, Cumbria), each succeeded on the day its order says")
    func successions() throws {
        let batch = try AreaLookupImporter.parse([ImportFixtures.file(ImportFixtures.lookup), Self.shippedSuccessions()], context: ImportContext())
        #expect(batch.areas.count == 163)
        #expect(batch.rowsRead == 165 + 8)
        let pairs = Set(batch.successions.map { "\($0.predecessorCode)>\($0.successorCode)@\($0.from.iso)" })
        #expect(pairs == [
            "E06000028>E06000058@2019-04-01", "E06000029>E06000058@2019-04-01", "E10000009>E06000058@2019-04-01", "E10000009>E06000059@2019-04-01",
            "E10000021>E06000061@2021-04-01", "E10000021>E06000062@2021-04-01", "E10000006>E06000063@2023-04-01", "E10000006>E06000064@2023-04-01",
        ])
        // Given after the lookup, against the areas stored, by DfE number too.
        let later = ImportFixtures.text("later.csv", "predecessor_code,successor_code,from\n909,943,2023-04-01\n")
        let alone = try AreaLookupImporter.parse([later], context: ImportFixtures.context())
        #expect(alone.areas.isEmpty && alone.successions == [AreaSuccession(predecessorCode: "E10000006", successorCode: "E06000064", from: CalendarDate(iso: "2023-04-01")!)])
        // Who served when: Cumbria up to 31 March 2023, Cumberland from 1 April.
        let served = AreaSuccessions(batch.successions)
        #expect(served.serves("E10000006", on: CalendarDate(iso: "2023-03-31")!) && !served.serves("E10000006", on: CalendarDate(iso: "2023-04-01")!))
        #expect(!served.serves("E06000063", on: CalendarDate(iso: "2023-03-31")!) && served.serves("E06000063", on: CalendarDate(iso: "2023-04-01")!))
        #expect(served.served("E06000063", from: CalendarDate(iso: "2022-04-01")!, to: CalendarDate(iso: "2023-04-01")!), "a period it served one day of")
        #expect(served.serves("E10000031", on: CalendarDate(iso: "2000-01-01")!), "a council no succession names")
    }

    @Test("a bad succession is named by row and column: a pair twice, a recode, a council unknown or no council, a day unreadable")
    func badSuccessions() throws {
        let file = ImportFixtures.text("successions.csv", """
        predecessor_code,successor_code,from
        E10000006,E06000063,2023-04-01
        E10000006,E06000063,2023-04-01
        E08000016,E08000038,2024-04-01
        E99999999,909,2023-04-01
        909,E06000064,1 April 2023
        E10000006,E10000006,2023-04-01
        E10000006,E12000002,2023-04-01

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try AreaLookupImporter.parse([file], context: try! ImportFixtures.context()) } == [
            "successions.csv:3:successor_code: E10000006 succeeded by E06000063 is already on row 2 (expected each pair once)",
            "successions.csv:4:successor_code: E08000038 is Barnsley itself under a new code (DfE 370), which the LA lookup records (expected another council, one that took over all or part of Barnsley's area)",
            "successions.csv:5:predecessor_code: \"E99999999\" is not a local authority the database or the lookup holds (expected an ONS code such as E10000006 or a DfE number such as 909)",
            "successions.csv:6:from: \"1 April 2023\" is not a date (expected the first day the successor served, as YYYY-MM-DD such as 2023-04-01)",
            "successions.csv:7:successor_code: E10000006 is the predecessor itself (expected another council, one that took over all or part of Cumbria's area)",
            "successions.csv:8:successor_code: \"E12000002\" is not a local authority the database or the lookup holds (expected an ONS code such as E10000006 or a DfE number such as 909)",
        ])
    }

    @Test("a joint row whose LA has no row of its own, and bad cells, are each named")
    func badRows() {
        let file = ImportFixtures.text("lookup.csv", """
        old_la_code,new_la_code,la_name,region_code,region_name,first_year,last_year,la_type
        940,E06000061,North Northamptonshire,E12000004,East Midlands,2021,2025,Unitary authority
        940 / 941,E06000061 / E06000062,North Northamptonshire / West Northamptonshire,E12000004,East Midlands,2021,2025,Unitary authority
        93,E1000003,Warwickshire,E12000099,West Midlands,13,2025,Shire
        937,E10000031,Warwickshire,E12000005,Midlands,2025,2013,County council
        940,E06000061,North Northamptonshire,E12000004,East Midlands,2021,2025,Unitary authority

        """)
        #expect(ImportFixtures.errorLines { () throws(BatchInputErrors) in try AreaLookupImporter.parse([file], context: ImportContext()) } == [
            "lookup.csv:4:old_la_code: \"93\" is not a DfE LA number (expected 3 digits such as 937)",
            "lookup.csv:4:new_la_code: \"E1000003\" is not an ONS code (expected a capital letter and 8 digits such as E10000031)",
            "lookup.csv:4:region_code: \"E12000099\" is not a known region (expected an ONS region code such as E12000005, or E13000001 or E13000002 for Inner or Outer London)",
            "lookup.csv:4:first_year: \"13\" is not a year (expected 4 digits such as 2013)",
            "lookup.csv:4:la_type: \"Shire\" is not an LA type (expected County council, London borough, Metropolitan district, Unitary authority)",
            "lookup.csv:5:region_name: \"Midlands\" is not the name of region E12000005 (expected West Midlands)",
            "lookup.csv:5:last_year: 2013 is before first_year 2025 (expected a year no earlier than first_year)",
            "lookup.csv:6:new_la_code: E06000061 is already on row 2 (expected each ONS code once)",
            "lookup.csv:3:old_la_code: \"940 / 941\" combines LAs but 941 (E06000062) has no row of its own (expected a row for each LA; combined rows are skipped)",
        ])
    }
}
