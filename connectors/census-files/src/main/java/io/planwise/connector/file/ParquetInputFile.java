package io.planwise.connector.file;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

import java.io.IOException;

/**
 * A Parquet {@link InputFile} over a Flink stream, so Parquet files are read through whatever Flink
 * file system holds them (local, S3, HDFS...) rather than through Hadoop's.
 *
 * <p>There is one underlying stream: every stream handed out shares its position. Parquet seeks
 * before each read, so that is safe for a single reader.
 */
final class ParquetInputFile implements InputFile {

    private final FSDataInputStream stream;
    private final long length;

    ParquetInputFile(FSDataInputStream stream, long length) {
        this.stream = stream;
        this.length = length;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new DelegatingSeekableInputStream(stream) {
            @Override
            public long getPos() throws IOException {
                return stream.getPos();
            }

            @Override
            public void seek(long newPos) throws IOException {
                stream.seek(newPos);
            }

            @Override
            public void close() {
                // Flink's reader owns the file stream and closes it; Parquet closes the streams it opens.
            }
        };
    }
}
