package org.webcare.identity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts. Passwords are kept only as bcrypt hashes. */
@Service
public class Users implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Users(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public List<WebcareUser> all() {
        return jdbc.sql("select * from app_user order by display_name").query(Users::map).list();
    }

    public Optional<WebcareUser> findByEmail(String email) {
        return jdbc.sql("select * from app_user where lower(email) = lower(?)").param(email == null ? "" : email.strip())
                .query(Users::map).optional();
    }

    Optional<WebcareUser> find(long id) {
        return jdbc.sql("select * from app_user where id = ?").param(id).query(Users::map).optional();
    }

    @Transactional
    public WebcareUser create(String email, String displayName, String password, Role role) {
        String cleanEmail = email == null ? "" : email.strip();
        if (!EMAIL.matcher(cleanEmail).matches()) {
            throw new IllegalArgumentException("email: '" + cleanEmail + "' is not an e-mail address");
        }
        if (findByEmail(cleanEmail).isPresent()) {
            throw new IllegalArgumentException("email: a user with " + cleanEmail + " already exists");
        }
        String name = displayName == null || displayName.isBlank() ? cleanEmail.substring(0, cleanEmail.indexOf('@')) : displayName.strip();
        if (name.length() > 120) {
            throw new IllegalArgumentException("displayName: is longer than 120 characters");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        long id = jdbc.sql("insert into app_user (email, display_name, password_hash, role) values (?, ?, ?, ?) returning id")
                .params(cleanEmail, name, passwords.encode(password), role.name())
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    @Override
    public WebcareUser loadUserByUsername(String email) {
        return findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    static WebcareUser map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new WebcareUser(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("password_hash"));
    }
}
