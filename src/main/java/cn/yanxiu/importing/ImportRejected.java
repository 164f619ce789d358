package cn.yanxiu.importing;

/** A whole file refused before or while reading it: not a spreadsheet, too big, empty, unknown layout. */
public class ImportRejected extends RuntimeException {

    public ImportRejected(String message) {
        super(message);
    }

    public ImportRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
