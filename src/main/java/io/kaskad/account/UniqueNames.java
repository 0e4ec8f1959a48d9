package io.kaskad.account;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

import io.kaskad.common.ConflictException;

/**
 * Turns a unique-constraint violation into the same answer as the check made before the insert:
 * two requests racing for one name must not make the loser see a 500.
 */
final class UniqueNames {

    private UniqueNames() {
    }

    static <T> T insert(Supplier<T> insert) {
        try {
            return insert.get();
        }
        catch (DuplicateKeyException duplicate) {
            String message = String.valueOf(duplicate.getMostSpecificCause().getMessage()).toLowerCase();
            if (message.contains("uq_app_user_username")) {
                throw new ConflictException("username", "user.username.taken");
            }
            if (message.contains("uq_company_name")) {
                throw new ConflictException("name", "company.name.taken");
            }
            throw duplicate;
        }
    }
}
