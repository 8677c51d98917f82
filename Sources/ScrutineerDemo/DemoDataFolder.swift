import Foundation

/// Where the demo's files are: the `DemoData` folder copied into the module's resource bundle.
public enum DemoDataFolder {
    /// The folder's URL.
    public static var url: URL { Bundle.module.url(forResource: "DemoData", withExtension: nil)! }
}
