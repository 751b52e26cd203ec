package org.mcsgov.web;

/**
 * Who acted, as people read it (issue 15: login ids as inviter and approver): the person's name from the register
 * for a login id column, the column's own value where no person has that id ("system", a migration).
 */
final class PersonName {

    private PersonName() {
    }

    /** A select expression naming the person of the login id in {@code column}, labelled {@code alias}. */
    static String of(String column, String alias) {
        return "COALESCE((SELECT n.name FROM staff n WHERE n.user_id = " + column + "), " + column + ") AS " + alias;
    }
}
