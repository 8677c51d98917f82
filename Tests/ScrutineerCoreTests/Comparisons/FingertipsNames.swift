import ScrutineerCore

/// Fingertips polarity names as the vector files spell them (METHODS.md §6.1 polarity ids).
/// "NotApplicable" maps to nil: Fingertips compares nothing for it.
func polarity(fingertipsName name: String) -> Polarity?? {
    switch name {
    case "RagLowIsGood": .some(.lowIsGood)
    case "RagHighIsGood": .some(.highIsGood)
    case "BlueOrangeBlue": .some(.noJudgement)
    case "NotApplicable": .some(nil)
    default: nil
    }
}
