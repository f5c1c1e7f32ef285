package io.linernotes.discord;

import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Who may manage essays in a server: members with Manage Server, or with one of the configured moderator
 * roles, by id only: a role's name is no proof, since anyone with Manage Roles in any server can give any role
 * any name. Checked on every essay action, beside the default member permissions Discord enforces, because a
 * server can override those per command.
 */
public final class Moderators {
    private final Set<String> roleIds;

    public Moderators(List<String> roleIds) {
        this.roleIds = Set.copyOf(roleIds.stream().map(String::strip).toList());
    }

    public boolean mayManage(Member member) {
        if (member == null) {
            return false;
        }
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return true;
        }
        if (roleIds.isEmpty()) {
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
            if (roleIds.contains(role.getId())) {
                return true;
            }
        }
        return false;
    }
}
