package org.webcare.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user, as the security context holds them. */
public record WebcareUser(long id, String email, String displayName, Role role, String passwordHash) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return switch (role) {
            case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_LEAD"),
                    new SimpleGrantedAuthority("ROLE_AGENT"));
            case TEAM_LEAD -> List.of(new SimpleGrantedAuthority("ROLE_LEAD"), new SimpleGrantedAuthority("ROLE_AGENT"));
            case AGENT -> List.of(new SimpleGrantedAuthority("ROLE_AGENT"));
        };
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** Initials for signing replies the Dutch webcare way ({@code ^JD}). */
    public String initials() {
        StringBuilder initials = new StringBuilder();
        for (String part : displayName.trim().split("\\s+")) {
            if (!part.isEmpty() && Character.isUpperCase(part.codePointAt(0))) {
                initials.appendCodePoint(part.codePointAt(0));
            }
        }
        if (initials.isEmpty() && !displayName.isBlank()) {
            initials.appendCodePoint(Character.toUpperCase(displayName.trim().codePointAt(0)));
        }
        return initials.length() > 3 ? initials.substring(0, 1) + initials.substring(initials.length() - 1) : initials.toString();
    }

    @Override
    public String toString() {
        return "WebcareUser[" + id + ", " + email + ", " + role + "]";
    }
}
