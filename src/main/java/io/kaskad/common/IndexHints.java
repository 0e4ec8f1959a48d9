package io.kaskad.common;

import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Index hints, written the way the database reads them: {@code FORCE INDEX} on MySQL and MariaDB (the optimizer
 * may not prefer a scan of the table either), {@code USE INDEX} on H2 (which knows only that form). The big tables'
 * filters name the index that answers them, so that their plans do not hang on the optimizer's estimates: with
 * statistics sampled from millions of rows it once read only {@code company_id} of an index and took 2.4 s.
 */
@Component
public class IndexHints {

    /** MySQL's and MariaDB's form, the one that names an index by its constraint's name. */
    private static final String FORCE = "FORCE INDEX";

    private final String form;

    public IndexHints(DataSource dataSource) {
        this.form = formFor(DatabaseProduct.name(dataSource));
    }

    /** What to write after a table's name (and alias) so that it is read through {@code index}; empty on another database. */
    public String use(String index) {
        return form == null ? "" : " " + form + " (" + index + ")";
    }

    /**
     * Like {@link #use}, for an index made by a unique constraint: MySQL and MariaDB name it after the constraint, H2
     * names it itself, so on H2 (whose plans do not swing with sampled statistics) this is empty.
     */
    public String useConstraintIndex(String constraint) {
        return FORCE.equals(form) ? use(constraint) : "";
    }

    static String formFor(String productName) {
        if (DatabaseProduct.isMySqlOrMariaDb(productName)) {
            return FORCE;
        }
        return productName != null && productName.toLowerCase(Locale.ROOT).contains("h2") ? "USE INDEX" : null;
    }
}
