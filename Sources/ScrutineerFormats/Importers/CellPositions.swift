/// Where each cell of an import first appeared: an open-addressing hash table from a cell's four
/// numbers to a position, for `ObservationCollector`. Swift's `Dictionary` hashes each key with
/// SipHash, which for the 56,100-row LAIT table cost a third of reading it; the keys here are
/// small numbers the importer gave, so a few multiplications spread them well enough.
struct CellPositions {
    private var firstHalves: [UInt64]
    private var secondHalves: [UInt64]
    /// The position stored in each slot; −1 for an empty slot.
    private var positions: [Int]
    private var mask: Int
    private(set) var count = 0

    /// A table that holds `expectedCount` cells without growing.
    init(expectedCount: Int = 0) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity *= 2 }
        firstHalves = [UInt64](repeating: 0, count: capacity)
        secondHalves = [UInt64](repeating: 0, count: capacity)
        positions = [Int](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    /// The position of the cell `(a, b, c, d)` if seen; otherwise stores `position` for it and returns nil.
    mutating func insert(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32, position: Int) -> Int? {
        if (count + 1) * 2 > positions.count { grow() }
        let first = UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        let second = UInt64(UInt32(bitPattern: c)) << 32 | UInt64(UInt32(bitPattern: d))
        var slot = Self.slot(first, second, mask: mask)
        while positions[slot] >= 0 {
            if firstHalves[slot] == first && secondHalves[slot] == second { return positions[slot] }
            slot = (slot + 1) & mask
        }
        firstHalves[slot] = first
        secondHalves[slot] = second
        positions[slot] = position
        count += 1
        return nil
    }

    /// MurmurHash3's 64-bit finaliser over both halves: every input bit reaches the low bits the mask keeps.
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
        return Int(truncatingIfNeeded: mix(first ^ mix(second))) & mask
    }

    private mutating func grow() {
        let old = (firstHalves, secondHalves, positions)
        let capacity = positions.count * 2
        firstHalves = [UInt64](repeating: 0, count: capacity)
        secondHalves = [UInt64](repeating: 0, count: capacity)
        positions = [Int](repeating: -1, count: capacity)
        mask = capacity - 1
        for index in old.2.indices where old.2[index] >= 0 {
            var slot = Self.slot(old.0[index], old.1[index], mask: mask)
            while positions[slot] >= 0 { slot = (slot + 1) & mask }
            firstHalves[slot] = old.0[index]
            secondHalves[slot] = old.1[index]
            positions[slot] = old.2[index]
        }
    }
}
