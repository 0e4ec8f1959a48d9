package io.kaskad.common;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Sets a connection's user variables ({@code @name}), the way the database takes them: MySQL and MariaDB set
 * several in one {@code SET @a = ?, @b = ?}, H2 knows only one per {@code SET}. A value set once and named in a
 * statement is not bound again for every row of a batch (see the message package's {@code RowInserts}).
 */
@Component
public class SqlVariables {

    private final boolean severalPerStatement;

    public SqlVariables(DataSource dataSource) {
        this.severalPerStatement = DatabaseProduct.isMySqlOrMariaDb(DatabaseProduct.name(dataSource));
    }

    /** A {@code SET} statement, and the positions (in the names asked for) of the variables its parameters set, in order. */
    public record SetStatement(String sql, List<Integer> variables) {
    }

    /** The statements that, run in order, set all the variables named (plain identifiers, without their {@code @}). */
    public List<SetStatement> setStatements(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        if (severalPerStatement) {
            StringBuilder set = new StringBuilder("SET ");
            List<Integer> variables = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                set.append(i == 0 ? "" : ", ").append('@').append(names.get(i)).append(" = ?");
                variables.add(i);
            }
            return List.of(new SetStatement(set.toString(), variables));
        }
        List<SetStatement> sets = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            sets.add(new SetStatement("SET @" + names.get(i) + " = ?", List.of(i)));
        }
        return sets;
    }
}
