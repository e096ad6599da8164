/// Lets one SQLite write transaction of this process run at a time.
///
/// SQLiteNIO runs each statement on a shared thread pool, and a connection waiting for the
/// write lock (`BEGIN IMMEDIATE` with a busy timeout) sleeps on one of those threads. Two
/// writers of one process could then starve each other: the waiting one holds the thread the
/// lock holder needs for its next statement, until the busy timeout fails it with "database is
/// locked". Queueing writers here, before they touch SQLite, avoids that; writers of other
/// processes still meet SQLite's own lock and busy timeout.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
