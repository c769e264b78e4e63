#ifndef CSANDBOX_H
#define CSANDBOX_H

// Starts a program in a sandbox: its own session, and where the system allows, its own mount,
// network and IPC namespaces, as an unprivileged user. Swift cannot run code in a child between
// fork and exec, so the child's side is here. Only RehearseCore includes this.

#include <sys/types.h>

/// What a sandboxed program is and what it may see.
typedef struct csandbox_spec {
  /// The program, and its arguments and environment (NULL-terminated); nothing is inherited.
  const char *program;
  char *const *arguments;
  char *const *environment;
  /// The working folder. With namespaces, a fresh tmpfs of `work_bytes` owned by the running
  /// user is mounted on it; without, it is used as it is (the caller makes it the user's).
  const char *work;
  unsigned long work_bytes;
  /// Folders hidden under an empty read-only tmpfs (missing ones are skipped), in this order.
  const char *const *covers;
  int cover_count;
  /// Folders or files inside the covers shown again, read-only (such as the interpreter's
  /// installation inside a hidden home folder).
  const char *const *keeps;
  int keep_count;
  /// The descriptors that become the child's 0, 1, 2 and 3; every other one is closed.
  int fds[4];
  /// The user and group to run as when the caller is root.
  uid_t uid;
  gid_t gid;
} csandbox_spec;

/// Isolation the child reached, as bits of `csandbox_result.isolation`.
enum {
  /// Own mount, network and IPC namespaces: no network, the covers hidden, the file system
  /// read-only except the work folder.
  CSANDBOX_NAMESPACES = 1,
  /// Started by root and running as `uid`/`gid` with no supplementary groups.
  CSANDBOX_DROPPED_USER = 2,
  /// Namespaces through a user namespace (an unprivileged caller, or root where only those are
  /// allowed).
  CSANDBOX_USER_NAMESPACE = 4,
  /// A seccomp filter refuses sockets, signals to and tracing of other processes, and namespace
  /// and mount changes (x86-64 and arm64).
  CSANDBOX_SYSCALL_FILTER = 8,
};

/// Steps of the child's setup, named in `csandbox_result.failed_step`.
enum {
  CSANDBOX_STEP_NONE = 0,
  CSANDBOX_STEP_FORK,
  CSANDBOX_STEP_SESSION,
  CSANDBOX_STEP_MOUNTS,
  CSANDBOX_STEP_USER,
  CSANDBOX_STEP_LIMITS,
  CSANDBOX_STEP_FOLDER,
  CSANDBOX_STEP_DESCRIPTORS,
  CSANDBOX_STEP_EXEC,
};

typedef struct csandbox_result {
  /// The child, which leads its own session and process group (its pid is the group's id).
  pid_t pid;
  /// A descriptor that becomes readable when the child ends (a pidfd), or -1 where there is none.
  int exit_fd;
  int isolation;
  /// When the child could not start: the step and its errno; `pid` is then reaped already.
  int failed_step;
  int error;
} csandbox_result;

/// Starts `spec` and fills `result`; returns 0, or -1 when the child did not start (see
/// `result->failed_step`). Async-signal-safe calls only run in the child, so this may be called
/// from a process with many threads.
int csandbox_spawn(const csandbox_spec *spec, csandbox_result *result);

/// Whether the child `pid` has ended, without reaping it (for systems without pidfds): 1, 0,
/// or -1 with errno.
int csandbox_has_ended(pid_t pid);

/// A pipe whose two ends are close-on-exec; 0 or -1 with errno.
int csandbox_pipe(int fds[2]);

/// A connected pair of stream sockets, both close-on-exec: a child's standard input that the
/// parent writes without ever receiving SIGPIPE (see `csandbox_send`); 0 or -1 with errno.
int csandbox_socketpair(int fds[2]);

/// Writes what `fd` (one end of `csandbox_socketpair`) takes now of `count` bytes; the count
/// written, or -1 with errno (EAGAIN when full, EPIPE when the reader is gone, never SIGPIPE).
long csandbox_send(int fd, const void *bytes, unsigned long count);

#endif
