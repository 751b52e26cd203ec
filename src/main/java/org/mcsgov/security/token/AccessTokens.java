package org.mcsgov.security.token;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.mcsgov.account.LastLogin;
import org.mcsgov.platform.EngineClock;
import org.mcsgov.platform.RecordMapper;
import org.mcsgov.platform.Rows;
import org.mcsgov.platform.UserError;
import org.mcsgov.security.Digests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal access tokens for programs on /engine-rest and /api (instead of a person's password, which the second
 * factor keeps out of scripts): created and revoked by their owner, read-only or read-write, expiring, shown once,
 * stored as SHA-256 only, listed with their last use. A token acts as its owner, with the owner's groups.
 */
@Service
public class AccessTokens {

    public enum Scope { READ, WRITE }

    /** A token as its owner's list shows it (never the token itself). */
    public record Token(long id, String name, String scope, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                        OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    /** What a presented token proved: whose it is and what it may do, or why it was refused. */
    public record Check(String userId, Scope scope, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private static final String PREFIX = "mcs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final LastLogin lastLogin;
    private final Duration maxValidity;

    public AccessTokens(JdbcClient jdbc, LastLogin lastLogin,
                        TokenProperties settings) {
        this.jdbc = jdbc;
        this.lastLogin = lastLogin;
        this.maxValidity = settings.maxValidity();
    }

    /** Creates a token and returns it: the only time it is ever seen. */
    public String create(String owner, String name, String scope, int days) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new UserError("トークンの名前を100文字以内で入力してください", "a name of at most 100 characters is required");
        }
        Scope parsed;
        try {
            parsed = Scope.valueOf(scope == null ? "" : scope);
        } catch (IllegalArgumentException e) {
            throw new UserError("範囲は READ（読み取りのみ）か WRITE（読み書き）です", "scope must be READ or WRITE");
        }
        if (days < 1 || days > maxValidity.toDays()) {
            throw new UserError("有効期間は1日から" + maxValidity.toDays() + "日までです",
                    "validity must be 1 to " + maxValidity.toDays() + " days");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("""
                INSERT INTO access_token (user_id, name, token_hash, scope, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(owner, name.strip(), Digests.sha256(token), parsed.name(),
                Rows.now(), Timestamp.from(EngineClock.now().plus(Duration.ofDays(days)))).update();
        return token;
    }

    public List<Token> of(String owner) {
        return jdbc.sql("""
                SELECT id, name, scope, created_at, expires_at, last_used_at, revoked_at FROM access_token
                WHERE user_id = ? ORDER BY id DESC""").param(owner).query(RecordMapper.of(Token.class)).list();
    }

    /** Revokes one of the owner's own tokens; another person's token is "not found" (no oracle). */
    public void revoke(String owner, long id) {
        if (jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                .params(Rows.now(), id, owner).update() == 0) {
            throw new UserError("取り消せるトークンが見つかりません: " + id, "no such active token of yours: " + id);
        }
    }

    /** Checks a presented token; an accepted one notes its use (and the owner's last login, AC-2(3)). */
    public Check check(String presented) {
        record Row(long id, String userId, String scope, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
        }
        Optional<Row> row = presented == null || !presented.startsWith(PREFIX) ? Optional.empty()
                : jdbc.sql("SELECT id, user_id, scope, expires_at, revoked_at FROM access_token WHERE token_hash = ?")
                        .param(Digests.sha256(presented)).query(RecordMapper.of(Row.class)).optional();
        if (row.isEmpty()) {
            return new Check(null, null, "unknown token");
        }
        Row token = row.get();
        if (token.revokedAt() != null) {
            return new Check(token.userId(), null, "token " + token.id() + " revoked");
        }
        if (!token.expiresAt().toInstant().isAfter(EngineClock.now())) {
            return new Check(token.userId(), null, "token " + token.id() + " expired");
        }
        jdbc.sql("UPDATE access_token SET last_used_at = ? WHERE id = ?").params(Rows.now(), token.id()).update();
        lastLogin.record(token.userId());
        return new Check(token.userId(), Scope.valueOf(token.scope()), null);
    }
}
