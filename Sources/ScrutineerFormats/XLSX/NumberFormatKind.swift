/// What a cell's number format says its number is: a plain number, a date, or a percentage.
enum NumberFormatKind: Sendable, Hashable {
    case number, date, percentage

    /// The kind of a built-in format (ids 0–163 that a workbook need not spell out): 14–22 and
    /// 45–47 are dates and times, 9 and 10 percentages.
    init(builtInID id: Int) {
        switch id {
        case 9, 10: self = .percentage
        case 14...22, 45...47: self = .date
        default: self = .number
        }
    }

    /// The kind of a custom format code: a date if it has a d, m, y or h token outside quoted
    /// text, escaped characters and [brackets] (an elapsed `[h]` counts); a percentage if it has
    /// a `%` there; otherwise a number.
    init(formatCode: String) {
        var sawDate = false
        var sawPercent = false
        var characters = formatCode.lowercased().makeIterator()
        while let character = characters.next() {
            switch character {
            case "\"":
                while let inner = characters.next(), inner != "\"" {}
            case "\\", "_", "*":
                _ = characters.next()
            case "[":
                var inside = ""
                while let inner = characters.next(), inner != "]" { inside.append(inner) }
                if !inside.isEmpty, inside.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { sawDate = true }
            case "d", "m", "y", "h":
                sawDate = true
            case "%":
                sawPercent = true
            default:
                break
            }
        }
        self = sawDate ? .date : sawPercent ? .percentage : .number
    }
}
