package org.vigie.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A moderator account; HTTP Basic checks passwords against the bcrypt hash stored here. */
@Entity
@Table(name = "moderator")
@UserDefinition
public class Moderator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false, updatable = false)
    public String username;

    @Password
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Roles
    @Column(nullable = false)
    public String role;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    static Moderator create(String username, String password, String role, Instant createdAt, int bcryptCost) {
        Moderator moderator = new Moderator();
        moderator.username = username;
        moderator.passwordHash = BcryptUtil.bcryptHash(password, bcryptCost);
        moderator.role = role;
        moderator.createdAt = createdAt;
        return moderator;
    }

    static Moderator findByUsername(String username) {
        return find("username", username).firstResult();
    }
}
