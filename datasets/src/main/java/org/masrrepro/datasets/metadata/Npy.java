package org.masrrepro.datasets.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads NumPy {@code .npy} arrays (little-endian float32/float64 and fixed-width unicode) and {@code .npz} archives. */
public final class Npy {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** An array: its dtype descriptor, shape, and data as floats or strings. */
    public record Array(String descr, int[] shape, float[] floats, String[] strings) {
        public int size() {
            int n = 1;
            for (int s : shape) {
                n *= s;
            }
            return n;
        }
    }

    private Npy() {}

    /** Every array of an {@code .npz} archive, by name without {@code .npy}. */
    public static Map<String, Array> readNpz(java.nio.file.Path file) throws IOException {
        Map<String, Array> out = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().endsWith(".npy")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        out.put(e.getName().substring(0, e.getName().length() - 4),
                                parse(in.readAllBytes(), file + ":" + e.getName()));
                    }
                }
            }
        }
        return out;
    }

    public static Array parse(byte[] b, String source) throws IOException {
        if (b.length < 10 || (b[0] & 0xff) != 0x93 || b[1] != 'N' || b[2] != 'U' || b[3] != 'M' || b[4] != 'P' || b[5] != 'Y') {
            throw new IOException(source + ": not a .npy array");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        int dataStart = start + headerLen;
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IOException(source + ": unreadable .npy header " + header.trim());
        }
        if (f.group(1).equals("True")) {
            throw new IOException(source + ": Fortran-ordered arrays are not supported");
        }
        String[] dims = s.group(1).split(",");
        int count = 0;
        for (String dim : dims) {
            if (!dim.isBlank()) {
                count++;
            }
        }
        int[] shape = new int[count];
        int k = 0;
        for (String dim : dims) {
            if (!dim.isBlank()) {
                shape[k++] = Integer.parseInt(dim.trim());
            }
        }
        String descr = d.group(1);
        int n = 1;
        for (int v : shape) {
            n *= v;
        }
        ByteBuffer data = ByteBuffer.wrap(b, dataStart, b.length - dataStart).slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (descr) {
            case "<f4": {
                float[] out = new float[n];
                data.asFloatBuffer().get(out);
                return new Array(descr, shape, out, null);
            }
            case "<f8": {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) data.getDouble(i * 8);
                }
                return new Array(descr, shape, out, null);
            }
            default:
                if (descr.startsWith("<U")) {
                    int width = Integer.parseInt(descr.substring(2));
                    String[] out = new String[n];
                    for (int i = 0; i < n; i++) {
                        StringBuilder sb = new StringBuilder();
                        for (int c = 0; c < width; c++) {
                            int cp = data.getInt((i * width + c) * 4);
                            if (cp == 0) {
                                break;
                            }
                            sb.appendCodePoint(cp);
                        }
                        out[i] = sb.toString();
                    }
                    return new Array(descr, shape, null, out);
                }
                throw new IOException(source + ": unsupported dtype " + descr);
        }
    }
}
