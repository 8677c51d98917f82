import ScrutineerCore

/// `scrutineer stats round`: DfE round-five-up of named columns, in place (METHODS.md §11, §13.6).
public enum RoundBatch {
    /// Rounds every number in `columns` to `decimalPlaces` (negative rounds to tens, hundreds…),
    /// written with exactly that many decimals. Blank cells and EES/LAIT symbols (c, z, x, u, k,
    /// low, -, ..) are kept as they are.
    public static func run(_ csv: CSVTable, columns names: [String], decimalPlaces: Int) throws(BatchInputErrors) -> BatchOutput {
        var input = BatchTable(csv)
        let columns = input.requireColumns(names)
        if !DfERounding.decimalPlacesRange.contains(decimalPlaces) {
            input.errors.append(BatchInputError(
                file: csv.fileName, row: csv.headerLine, column: names.first ?? "",
                message: "--dp \(decimalPlaces) is out of range (expected \(DfERounding.decimalPlacesRange.lowerBound) to \(DfERounding.decimalPlacesRange.upperBound))"
            ))
        }
        input.checkRecordWidths()
        try input.throwIfRejected()
        var rows: [[String]] = []
        rows.reserveCapacity(csv.records.count)
        for record in csv.records {
            var fields = record.fields
            for name in names {
                let index = columns[name]!
                let text = input.text(record, index)
                if StatusSymbol(publishedText: text) != nil { continue }
                guard let value = input.number(record, name, at: index) else { continue }
                fields[index] = (try? DfERounding.formatted(value, decimalPlaces: decimalPlaces)) ?? fields[index]
            }
            rows.append(fields)
        }
        try input.throwIfRejected()
        return BatchOutput(header: csv.header, rows: rows)
    }
}
