import Foundation
import PhaenCore

/// The demo dataset shipped in the package (`Demo/*.json`, transcribed from the documents in
/// shared/seeds; format in docs/dataset-format.md).
public enum DemoDataset {
    /// The data files, sorted by name.
    public static func files() throws -> [URL] {
        guard let directory = Bundle.module.url(forResource: "Demo", withExtension: nil) else {
            throw ImportError(path: "Demo", message: "the demo dataset is missing from the package resources")
        }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Decodes and merges every file; an error names the file and the JSON path.
    public static func load() throws -> Dataset {
        var dataset = Dataset()
        for file in try files() {
            dataset.merge(try decode(file))
        }
        return dataset
    }

    public static func decode(_ file: URL) throws -> Dataset {
        do {
            return try JSONDecoder().decode(Dataset.self, from: Data(contentsOf: file))
        } catch {
            let e = ImportError(error)
            throw ImportError(path: file.lastPathComponent + " " + e.path, message: e.message)
        }
    }
}
