#ifndef CSANDBOX_LINUX_H
#define CSANDBOX_LINUX_H

// The Linux side of the sandbox: namespaces, the file system view and the seccomp filter. For
// csandbox.c only (a private header: Swift does not see it).

#ifdef __linux__
#include "csandbox.h"

#include <sys/syscall.h>

// The new mount API, pidfds and close_range through syscall(): older C libraries have no
// wrappers for them. These numbers are the same on every architecture since Linux 5.1.
#ifndef SYS_open_tree
#define SYS_open_tree 428
#endif
#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442
#endif

#define SANDBOX_CLOSE_RANGE_CLOEXEC (1U << 2)

#if defined(__x86_64__) || defined(__aarch64__)
#define CSANDBOX_HAS_FILTER 1
#endif

/// Maps `uid` and `gid` to themselves in the user namespace just made; 0 or -1.
int csandbox_map_user(uid_t uid, gid_t gid);

/// Builds the child's view of the file system in its new mount namespace; 0 or -1.
int csandbox_build_view(const csandbox_spec *spec, uid_t uid, gid_t gid);

#ifdef CSANDBOX_HAS_FILTER
/// Installs the seccomp filter (no_new_privs must be set); 0 or -1.
int csandbox_filter_calls(void);
#endif
#endif

#endif
