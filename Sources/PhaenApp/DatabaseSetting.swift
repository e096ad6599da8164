/// The database is chosen by flag, else the PHAEN_DB environment variable, else the
/// embedded SQLite file in the working directory.
public enum DatabaseSetting {
    public static let defaultURL = "sqlite:phaen.sqlite"

    public static func resolve(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["PHAEN_DB"], !env.isEmpty { return env }
        return defaultURL
    }
}
