package io.strata.server.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A plain-text table: a header row and columns padded to their widest cell; some columns right-aligned. */
final class Table {
    private final List<String> headers;
    private final Set<Integer> rightAligned = new HashSet<>();
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Right-aligns the given columns (numbers and sizes). */
    Table right(int... columns) {
        for (int c : columns) {
            rightAligned.add(c);
        }
        return this;
    }

    Table add(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table " + headers.size());
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<String> lines() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(headers, width));
        for (List<String> row : rows) {
            out.add(line(row, width));
        }
        return out;
    }

    private String line(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean last = c == cells.size() - 1;
            String pad = " ".repeat(width[c] - cell.length());
            if (rightAligned.contains(c)) {
                sb.append(pad).append(cell);
            } else {
                sb.append(cell).append(last ? "" : pad);
            }
            if (!last) {
                sb.append("  ");
            }
        }
        return sb.toString().stripTrailing();
    }
}
