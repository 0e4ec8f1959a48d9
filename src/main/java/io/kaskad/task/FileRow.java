package io.kaskad.task;

import java.util.List;

/** A row of an uploaded file: its number as the spreadsheet shows it (the header is row 1) and its cells as text. */
record FileRow(int number, List<String> cells) {

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
