import ArgumentParser
import ScrutineerCore

/// `--polarity high|low|none`, as analysts say it.
enum PolarityArgument: String, ExpressibleByArgument, CaseIterable {
    case high, low, none

    var polarity: Polarity {
        switch self {
        case .high: .highIsGood
        case .low: .lowIsGood
        case .none: .noJudgement
        }
    }
}
