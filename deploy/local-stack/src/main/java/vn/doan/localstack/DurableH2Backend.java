package vn.doan.localstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with every write on disk before it is acknowledged. H2's MVStore keeps changes in
 * memory and writes them to its file in the background about once a second, so a write the server had already
 * answered would be lost if the process were killed. Here a write command is answered only after the store has been
 * committed and the file forced to the device ({@code fsync}).
 *
 * <p>Group commit: a write that finds no flush under way starts one, covering every write applied so far; the writes
 * that arrive while it runs wait and are covered together by the next one. Under load one {@code fsync} serves many
 * writes, and an idle server pays one per write.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "createindexes", "drop",
            "dropindexes", "dropdatabase", "renamecollection");

    private final GroupCommit commits;

    DurableH2Backend(String fileName) {
        super(fileName);
        MVStore store = getMvStore();
        this.commits = new GroupCommit(() -> {
            store.commit();
            store.sync();
        });
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        boolean write = isWrite(command, query);
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // also after a failed write: an ordered bulk insert that stops at a duplicate key has applied what came before it
            if (write) {
                commits.awaitDurable();
            }
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name)) {
            return true;
        }
        if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
            return stages.stream().anyMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return false;
    }

    /** Waits until a flush that began after the caller's change has finished; the first waiter to find none under way runs it. */
    static final class GroupCommit {

        private final Runnable flush;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition flushed = lock.newCondition();
        /** The number of changes that have asked to be durable. */
        private long requested;
        /** Every change numbered up to this is on disk. */
        private long durable;
        private boolean flushing;

        GroupCommit(Runnable flush) {
            this.flush = flush;
        }

        void awaitDurable() {
            lock.lock();
            try {
                long ticket = ++requested;
                while (durable < ticket) {
                    if (flushing) {
                        flushed.awaitUninterruptibly();
                        continue;
                    }
                    flushing = true;
                    long covered = requested;
                    boolean done = false;
                    lock.unlock();
                    try {
                        flush.run();
                        done = true;
                    } finally {
                        lock.lock();
                        flushing = false;
                        if (done) {
                            durable = Math.max(durable, covered);
                        }
                        flushed.signalAll();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
