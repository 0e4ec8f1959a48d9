package io.kaskad.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files an attacker uploads: hand-made XLSX packages whose sheet expands far beyond their size. Built
 * in memory part by part, streaming, so that making a 600 MB cell costs the test no 600 MB.
 */
public final class HostileFiles {

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            </Types>""";
    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>""";
    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            </Relationships>""";
    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Телефон</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Текст сообщения</t></is></c></row>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    private HostileFiles() {
    }

    /** An XLSX whose one cell (B2) holds {@code cellMegabytes} MB of the letter A: about 1 KB of zip per MB. */
    public static byte[] bombCell(int cellMegabytes) throws IOException {
        return xlsx(sheet -> {
            write(sheet, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>79001234567</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>");
            byte[] megabyte = new byte[1 << 20];
            Arrays.fill(megabyte, (byte) 'A');
            for (int i = 0; i < cellMegabytes; i++) {
                sheet.write(megabyte);
            }
            write(sheet, "</t></is></c></row>");
        });
    }

    /** An XLSX of a header and {@code rows} empty rows ({@code <row r="n"/>}), the way a few MB hold millions of rows. */
    public static byte[] emptyRows(int rows) throws IOException {
        return xlsx(sheet -> {
            StringBuilder chunk = new StringBuilder();
            for (int r = 2; r <= rows + 1; r++) {
                chunk.append("<row r=\"").append(r).append("\"/>");
                if (chunk.length() > 64 * 1024) {
                    write(sheet, chunk.toString());
                    chunk.setLength(0);
                }
            }
            write(sheet, chunk.toString());
        });
    }

    private interface SheetBody {
        void write(OutputStream sheet) throws IOException;
    }

    private static byte[] xlsx(SheetBody body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            part(zip, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, "_rels/.rels", RELS);
            part(zip, "xl/workbook.xml", WORKBOOK);
            part(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            write(zip, SHEET_START);
            body.write(zip);
            write(zip, SHEET_END);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, content);
        zip.closeEntry();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
