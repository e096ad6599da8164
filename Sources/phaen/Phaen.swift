import ArgumentParser

@main
struct Phaen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phaen",
        abstract: "Phaen (แผน) — ระบบแผนและการประเมินผลการปฏิบัติราชการของกรุงเทพมหานคร",
        discussion: """
        The database is chosen with --db or PHAEN_DB: sqlite:PATH (default sqlite:phaen.sqlite) \
        or a postgres://user@host:port/db URL.
        """,
        subcommands: [Migrate.self, Seed.self, Units.self, Validate.self, Score.self, Bench.self, BenchHTTP.self, Serve.self, User.self, Token.self, Export.self])
}

/// `--db`, shared by the commands that use the database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "sqlite:PATH or postgres://… (default: $PHAEN_DB, else sqlite:phaen.sqlite)")
    var db: String?
}
