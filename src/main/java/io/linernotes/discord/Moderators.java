package io.linernotes.discord;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Who may manage essays in a server: members with Manage Server, or with one of the configured moderator
 * roles (by id or by name, case-insensitive). Checked on every essay action, beside the default member
 * permissions Discord enforces, because a server can override those per command.
 */
public final class Moderators {
    private final Set<String> roles;

    public Moderators(List<String> roles) {
        this.roles = roles.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public boolean mayManage(Member member) {
        if (member == null) {
            return false;
        }
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return true;
        }
        if (roles.isEmpty()) {
            return false;
        }
        List<Role> memberRoles;
        try {
            memberRoles = member.getRoles();
        } catch (RuntimeException detached) {
            // A member of a server the bot has no cache of (detached): Discord gave us its permissions, not its roles.
            return false;
        }
        for (Role role : memberRoles) {
            if (roles.contains(role.getId()) || roles.contains(role.getName().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
