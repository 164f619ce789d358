package cn.yanxiu.importing;

import java.nio.file.Path;
import java.util.List;

/** Reads only the header row of a file (the first non-blank row), then stops. */
final class HeaderPeek {

    private static final class Found extends RuntimeException {
        final transient List<String> headers;

        Found(List<String> headers) {
            super(null, null, false, false);
            this.headers = headers;
        }
    }

    private HeaderPeek() {
    }

    /** The header cells, or null when the file holds no non-blank row. */
    static List<String> headers(TableReader reader, Path file) {
        try {
            reader.read(file, row -> {
                if (!row.isBlank()) {
                    throw new Found(row.cells().stream().map(c -> c == null ? "" : c.strip()).toList());
                }
            });
            return null;
        } catch (Found found) {
            return found.headers;
        }
    }
}
