/// Where each cell of an import first appeared: an open-addressing hash table from a cell's four
/// numbers to a position, for `ObservationCollector`. Swift's `Dictionary` hashes each key with
/// SipHash and scatters consecutive rows over the whole table, which for the 56,100-row LAIT
/// table cost a third of reading it. Here the measure, period and breakdown pick a place and the
/// area is added to it, so the rows of one measure and period (as files list them) land close
/// together and stay in cache; the table is kept at most a quarter full so those runs rarely meet.
struct CellPositions {
    private struct Entry {
        var first: UInt64
        var second: UInt64
        /// The position stored; −1 for an empty slot.
        var position: Int
    }

    private var entries: [Entry]
    private var mask: Int
    private(set) var count = 0

    /// A table that holds `expectedCount` cells without growing.
    init(expectedCount: Int = 0) {
        var capacity = 64
        while capacity < expectedCount * 4 { capacity *= 2 }
        entries = [Entry](repeating: Entry(first: 0, second: 0, position: -1), count: capacity)
        mask = capacity - 1
    }

    /// The position of the cell `(measure, area, period, breakdown)` if seen; otherwise stores
    /// `position` for it and returns nil.
    mutating func insert(_ measure: Int32, _ area: Int32, _ period: Int32, _ breakdown: Int32, position: Int) -> Int? {
        if (count + 1) * 4 > entries.count { grow() }
        let first = UInt64(UInt32(bitPattern: measure)) << 32 | UInt64(UInt32(bitPattern: area))
        let second = UInt64(UInt32(bitPattern: period)) << 32 | UInt64(UInt32(bitPattern: breakdown))
        var slot = Self.slot(first, second, mask: mask)
        while entries[slot].position >= 0 {
            if entries[slot].first == first && entries[slot].second == second { return entries[slot].position }
            slot = (slot + 1) & mask
        }
        entries[slot] = Entry(first: first, second: second, position: position)
        count += 1
        return nil
    }

    /// A place from the measure, period and breakdown (MurmurHash3's 64-bit finaliser), plus the area.
    private static func slot(_ first: UInt64, _ second: UInt64, mask: Int) -> Int {
        func mix(_ value: UInt64) -> UInt64 {
            var x = value
            x ^= x >> 33
            x &*= 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            x &*= 0xC4CE_B9FE_1A85_EC53
            x ^= x >> 33
            return x
        }
        let group = mix((first >> 32) ^ mix(second))
        return Int(truncatingIfNeeded: group &+ (first & 0xFFFF_FFFF)) & mask
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(first: 0, second: 0, position: -1), count: old.count * 2)
        mask = entries.count - 1
        for entry in old where entry.position >= 0 {
            var slot = Self.slot(entry.first, entry.second, mask: mask)
            while entries[slot].position >= 0 { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }
}
