import Foundation

/// The progress bar an import shows on a terminal (standard error), and nothing otherwise, so
/// scripts and logs get only the summary.
struct ImportProgress {
    enum Stage {
        case reading
        case validating
        case writing(Int)

        var step: Int {
            switch self {
            case .reading: 1
            case .validating: 2
            case .writing: 3
            }
        }

        var words: String {
            switch self {
            case .reading: "reading files"
            case .validating: "checking every cell"
            case let .writing(rows): "writing \(rows) rows in one transaction"
            }
        }
    }

    let files: [String]
    let enabled = isatty(FileHandle.standardError.fileDescriptor) != 0
    private let steps = 4

    /// Redraws the bar at `stage`.
    func show(_ stage: Stage) {
        draw(filledFraction: Double(stage.step) / Double(steps), stage: stage, detail: "")
    }

    /// Redraws the bar while writing, after each chunk: `written` of the `toWrite` new or changed
    /// observations are written; the bar fills from the writing stage's mark to the end.
    func showWriting(_ written: Int, of toWrite: Int, rows: Int) {
        guard toWrite > 0 else { return }
        let done = Double(min(written, toWrite)) / Double(toWrite)
        let stage = Stage.writing(rows)
        let start = Double(stage.step) / Double(steps)
        draw(filledFraction: start + (1 - start) * done, stage: stage, detail: " (\(written) of \(toWrite) new or changed)")
    }

    private func draw(filledFraction: Double, stage: Stage, detail: String) {
        guard enabled else { return }
        let width = 30
        let filled = min(width, max(0, Int((Double(width) * filledFraction).rounded(.down))))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        StandardError.write("\r\u{1B}[2K\(bar) \(stage.step)/\(steps - 1) \(stage.words)\(detail)")
    }

    /// Completes the bar and moves to a new line.
    func finish() {
        guard enabled else { return }
        let bar = String(repeating: "█", count: 30)
        StandardError.write("\r\u{1B}[2K\(bar) done\n")
    }
}
