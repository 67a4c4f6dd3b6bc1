package org.masrrepro.datasets.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a GNU gettext {@code .mo} catalogue (either byte order) into msgid -> translation; plural and context entries are skipped. */
public final class MoCatalog {

    private static final int MAGIC = 0x950412de;
    private static final Pattern CHARSET = Pattern.compile("charset=([A-Za-z0-9_-]+)");

    private MoCatalog() {}

    public static Map<String, String> read(Path mo) throws IOException {
        return parse(Files.readAllBytes(mo), mo.toString());
    }

    public static Map<String, String> parse(byte[] bytes, String source) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 28) {
            throw new IOException(source + ": too short for a .mo file");
        }
        int magic = b.getInt(0);
        if (magic != MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != MAGIC) {
                throw new IOException(source + ": not a gettext .mo file (bad magic)");
            }
        }
        int n = b.getInt(8);
        int origTable = b.getInt(12);
        int transTable = b.getInt(16);
        if (n < 0 || origTable < 0 || transTable < 0 || origTable + 8L * n > bytes.length || transTable + 8L * n > bytes.length) {
            throw new IOException(source + ": corrupt .mo header");
        }
        Charset charset = StandardCharsets.UTF_8;
        Map<String, String> out = new LinkedHashMap<>();
        byte[][] origs = new byte[n][];
        byte[][] trans = new byte[n][];
        for (int i = 0; i < n; i++) {
            origs[i] = slice(b, bytes, origTable + 8 * i, source);
            trans[i] = slice(b, bytes, transTable + 8 * i, source);
            if (origs[i].length == 0) {
                Matcher m = CHARSET.matcher(new String(trans[i], StandardCharsets.US_ASCII));
                if (m.find() && Charset.isSupported(m.group(1))) {
                    charset = Charset.forName(m.group(1));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (origs[i].length == 0) {
                continue; // header entry
            }
            String id = new String(origs[i], charset);
            if (id.indexOf('\0') >= 0 || id.indexOf('\u0004') >= 0) {
                continue; // plural forms or message context
            }
            String t = new String(trans[i], charset);
            if (!t.isEmpty() && t.indexOf('\0') < 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    private static byte[] slice(ByteBuffer b, byte[] bytes, int entry, String source) throws IOException {
        int len = b.getInt(entry);
        int off = b.getInt(entry + 4);
        if (len < 0 || off < 0 || (long) off + len > bytes.length) {
            throw new IOException(source + ": string table entry out of range");
        }
        byte[] s = new byte[len];
        System.arraycopy(bytes, off, s, 0, len);
        return s;
    }
}
