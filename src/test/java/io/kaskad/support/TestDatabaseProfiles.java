package io.kaskad.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * {@code testh2,test} by default; {@code mysql,test} when Maven's {@code -Pmysql} sets
 * {@code kaskad.test.database=mysql}, so that the server named by DB_URL/DB_USER/DB_PASSWORD is used.
 * {@code test} comes last so that its settings win over those of the database profile.
 */
public class TestDatabaseProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return "mysql".equals(System.getProperty("kaskad.test.database"))
                ? new String[] { "mysql", "test" }
                : new String[] { "testh2", "test" };
    }
}
