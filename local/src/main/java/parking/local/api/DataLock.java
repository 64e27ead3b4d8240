package parking.local.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds the data folder for one local API at a time: dynalite's LevelDB files cannot be shared,
 * and a second engine on them fails in ways that say nothing useful.
 */
final class DataLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another process (or this one) already holds the folder */
    static DataLock acquire(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            FileChannel channel = FileChannel.open(dataDirectory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException held) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another local API is using " + dataDirectory
                        + "; stop it, or give this one --data-dir DIR or --in-memory");
            }
            return new DataLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + dataDirectory, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
