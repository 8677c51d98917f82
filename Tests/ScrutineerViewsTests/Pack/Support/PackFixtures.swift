import Foundation
import ScrutineerCore
import ScrutineerFormats
import ScrutineerTestSupport
@testable import ScrutineerViews

/// A fixture that could not be loaded, with the file and what went wrong.
struct PackFixtureError: Error, Sendable, CustomStringConvertible {
    let description: String
}

/// The LAIT subset as the domain model, shared with the assessment tests (ScrutineerTestSupport).
typealias PackLAITData = LAITFixture
