#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

// The new mount API and pidfds through syscall(): older C libraries have no wrappers for them.
// These numbers are the same on every architecture since Linux 5.1.
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

#define SANDBOX_OPEN_TREE_CLONE 1
#define SANDBOX_AT_RECURSIVE 0x8000
#define SANDBOX_AT_EMPTY_PATH 0x1000
#define SANDBOX_MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#define SANDBOX_MOUNT_ATTR_RDONLY 0x00000001
#define SANDBOX_MOUNT_ATTR_NOSUID 0x00000002
#define SANDBOX_MOUNT_ATTR_NODEV 0x00000004
#define SANDBOX_CLOSE_RANGE_CLOEXEC (1U << 2)

struct sandbox_mount_attr {
  uint64_t attr_set;
  uint64_t attr_clr;
  uint64_t propagation;
  uint64_t userns_fd;
};
#endif

// The most keeps honoured (the interpreter and its installation need two or three).
#define MAX_KEEPS 8

// What the child tells the parent through the report pipe before exec: kind 0 "about to exec"
// with the isolation reached, kind 1 "failed at step, errno".
struct report {
  int kind;
  int step;
  int error;
  int isolation;
};

static void send_report(int fd, int kind, int step, int error, int isolation) {
  struct report record = {kind, step, error, isolation};
  ssize_t written;
  do {
    written = write(fd, &record, sizeof record);
  } while (written < 0 && errno == EINTR);
}

static void fail(int fd, int step, int isolation) {
  send_report(fd, 1, step, errno, isolation);
  _exit(127);
}

#ifdef __linux__
// Writes `text` to the file at `path` (a /proc file); 0 or -1.
static int write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  size_t length = strlen(text);
  ssize_t written = write(fd, text, length);
  int saved = errno;
  close(fd);
  errno = saved;
  return written == (ssize_t)length ? 0 : -1;
}

// Appends the decimal digits of `value` to `buffer` at `*at`.
static void append_number(char *buffer, size_t *at, unsigned long value) {
  char digits[24];
  int count = 0;
  do {
    digits[count++] = (char)('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) buffer[(*at)++] = digits[--count];
}

// "id id 1\n": the user (or group) maps to itself, so after exec it holds no capability.
static void identity_map(char *buffer, unsigned long id) {
  size_t at = 0;
  append_number(buffer, &at, id);
  buffer[at++] = ' ';
  append_number(buffer, &at, id);
  buffer[at++] = ' ';
  buffer[at++] = '1';
  buffer[at++] = '\n';
  buffer[at] = '\0';
}

static int map_user(uid_t uid, gid_t gid) {
  char line[64];
  if (write_file("/proc/self/setgroups", "deny") < 0) return -1;
  identity_map(line, uid);
  if (write_file("/proc/self/uid_map", line) < 0) return -1;
  identity_map(line, gid);
  return write_file("/proc/self/gid_map", line);
}

// Makes every folder of `path` that is missing (inside a cover's tmpfs), and the last component
// as a folder or as an empty file.
static int make_path(const char *path, int folder) {
  char buffer[PATH_MAX];
  size_t length = strlen(path);
  if (length == 0 || length >= sizeof buffer) {
    errno = ENAMETOOLONG;
    return -1;
  }
  memcpy(buffer, path, length + 1);
  for (size_t index = 1; index < length; index++) {
    if (buffer[index] != '/') continue;
    buffer[index] = '\0';
    if (mkdir(buffer, 0755) < 0 && errno != EEXIST) return -1;
    buffer[index] = '/';
  }
  struct stat status;
  if (stat(buffer, &status) == 0) return 0;
  if (folder) return mkdir(buffer, 0755) < 0 && errno != EEXIST ? -1 : 0;
  int fd = open(buffer, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return -1;
  close(fd);
  return 0;
}

static int set_attributes(int dfd, const char *path, unsigned flags, uint64_t attributes) {
  struct sandbox_mount_attr attr = {attributes, 0, 0, 0};
  return (int)syscall(SYS_mount_setattr, dfd, path, flags, &attr, sizeof attr);
}

#if defined(__x86_64__)
#define SANDBOX_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define SANDBOX_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#ifdef SANDBOX_AUDIT_ARCH
// The system calls the program may not make (EPERM): sockets of any kind (so no network, nor a
// Unix socket on the file system, even where namespaces are not available), reaching into or
// signalling other processes, and changing namespaces or mounts.
static const int denied_calls[] = {
    SYS_socket, SYS_socketpair, SYS_ptrace, SYS_process_vm_readv, SYS_process_vm_writev,
    SYS_kill, SYS_tkill, SYS_tgkill, SYS_rt_sigqueueinfo, SYS_rt_tgsigqueueinfo,
    SYS_pidfd_open, SYS_unshare, SYS_setns, SYS_mount, SYS_umount2, SYS_pivot_root,
    SYS_open_tree, SYS_move_mount, SYS_mount_setattr, SYS_keyctl, SYS_add_key, SYS_request_key,
    SYS_bpf, SYS_perf_event_open, SYS_userfaultfd,
#ifdef SYS_pidfd_send_signal
    SYS_pidfd_send_signal,
#endif
#ifdef SYS_pidfd_getfd
    SYS_pidfd_getfd,
#endif
#ifdef SYS_io_uring_setup
    SYS_io_uring_setup,
#endif
#ifdef SYS_fsopen
    SYS_fsopen, SYS_fsmount, SYS_fspick,
#endif
};

#define DENIED_COUNT (sizeof denied_calls / sizeof denied_calls[0])

// Installs the filter (no_new_privs must be set); 0 or -1.
static int filter_calls(void) {
  struct sock_filter program[DENIED_COUNT + 8];
  unsigned count = 0;
  program[count++] = (struct sock_filter)BPF_STMT(
      BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  program[count++] =
      (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SANDBOX_AUDIT_ARCH, 1, 0);
  program[count++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
  program[count++] =
      (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
#if defined(__x86_64__)
  // The x32 calls, numbered from 0x40000000, by another name.
  program[count++] =
      (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, DENIED_COUNT + 1, 0);
#endif
  for (unsigned index = 0; index < DENIED_COUNT; index++) {
    program[count++] = (struct sock_filter)BPF_JUMP(
        BPF_JMP | BPF_JEQ | BPF_K, (unsigned)denied_calls[index], (DENIED_COUNT - index), 0);
  }
  program[count++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  program[count++] =
      (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA));
  struct sock_fprog filter = {(unsigned short)count, program};
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &filter, 0, 0);
}
#endif

// The child's view of the file system, in its own mount namespace: everything read-only and
// nosuid, the covers empty, the keeps shown again read-only, and a fresh tmpfs on the work
// folder owned by `uid`/`gid`.
static int build_view(const csandbox_spec *spec, uid_t uid, gid_t gid) {
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) return -1;
  int keep_fds[MAX_KEEPS];
  int keep_folder[MAX_KEEPS];
  int keeps = spec->keep_count < MAX_KEEPS ? spec->keep_count : MAX_KEEPS;
  for (int index = 0; index < keeps; index++) {
    struct stat status;
    keep_fds[index] = -1;
    if (stat(spec->keeps[index], &status) < 0) continue;
    keep_folder[index] = S_ISDIR(status.st_mode);
    keep_fds[index] = (int)syscall(
        SYS_open_tree, AT_FDCWD, spec->keeps[index], SANDBOX_OPEN_TREE_CLONE | O_CLOEXEC);
    if (keep_fds[index] < 0) return -1;
    if (set_attributes(
            keep_fds[index], "", SANDBOX_AT_EMPTY_PATH,
            SANDBOX_MOUNT_ATTR_RDONLY | SANDBOX_MOUNT_ATTR_NOSUID | SANDBOX_MOUNT_ATTR_NODEV) < 0)
      return -1;
  }
  // Read-only from here on, before anything writable is mounted.
  if (set_attributes(
          AT_FDCWD, "/", SANDBOX_AT_RECURSIVE,
          SANDBOX_MOUNT_ATTR_RDONLY | SANDBOX_MOUNT_ATTR_NOSUID) < 0)
    return -1;
  for (int index = 0; index < spec->cover_count; index++) {
    if (mount("tmpfs", spec->covers[index], "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              "mode=0755,size=64k,nr_inodes=64") < 0) {
      // Missing, or inside a cover mounted before it: hidden already.
      if (errno == ENOENT || errno == ENOTDIR) continue;
      return -1;
    }
  }
  for (int index = 0; index < keeps; index++) {
    if (keep_fds[index] < 0) continue;
    if (make_path(spec->keeps[index], keep_folder[index]) < 0) return -1;
    if (syscall(SYS_move_mount, keep_fds[index], "", AT_FDCWD, spec->keeps[index],
                SANDBOX_MOVE_MOUNT_F_EMPTY_PATH) < 0)
      return -1;
    close(keep_fds[index]);
  }
  if (make_path(spec->work, 1) < 0) return -1;
  char options[128] = "mode=0700,size=";
  size_t at = strlen(options);
  append_number(options, &at, spec->work_bytes);
  memcpy(options + at, ",uid=", 5);
  at += 5;
  append_number(options, &at, uid);
  memcpy(options + at, ",gid=", 5);
  at += 5;
  append_number(options, &at, gid);
  options[at] = '\0';
  if (mount("tmpfs", spec->work, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, options) < 0)
    return -1;
  for (int index = 0; index < spec->cover_count; index++) {
    if (set_attributes(AT_FDCWD, spec->covers[index], 0, SANDBOX_MOUNT_ATTR_RDONLY) < 0 &&
        errno != ENOENT && errno != ENOTDIR && errno != EINVAL)
      return -1;
  }
  return 0;
}
#endif

// The program's own process: its folder and descriptors, then exec.
static void start_program(const csandbox_spec *spec, int report_fd, int isolation) {
#ifdef __linux__
  // Its parent is the waiter, which dies with Rehearse.
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) fail(report_fd, CSANDBOX_STEP_LIMITS, isolation);
#endif
  if (chdir(spec->work) < 0) fail(report_fd, CSANDBOX_STEP_FOLDER, isolation);
  int moved[4];
  for (int index = 0; index < 4; index++) {
    moved[index] = spec->fds[index] < 0 ? -1 : fcntl(spec->fds[index], F_DUPFD_CLOEXEC, 10);
    if (spec->fds[index] >= 0 && moved[index] < 0)
      fail(report_fd, CSANDBOX_STEP_DESCRIPTORS, isolation);
  }
  for (int index = 0; index < 4; index++) {
    if (moved[index] < 0) {
      close(index);
    } else if (dup2(moved[index], index) < 0) {
      fail(report_fd, CSANDBOX_STEP_DESCRIPTORS, isolation);
    }
  }
  // Every other descriptor closes at exec, whoever opened it (the report pipe too).
#ifdef __linux__
  if (syscall(SYS_close_range, 4U, ~0U, SANDBOX_CLOSE_RANGE_CLOEXEC) < 0)
#endif
  {
    long highest = sysconf(_SC_OPEN_MAX);
    if (highest < 0 || highest > 65536) highest = 65536;
    for (int fd = 4; fd < highest; fd++) fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
#if defined(__linux__) && defined(SANDBOX_AUDIT_ARCH)
  if (filter_calls() < 0) fail(report_fd, CSANDBOX_STEP_LIMITS, isolation);
  isolation |= CSANDBOX_SYSCALL_FILTER;
#endif
  send_report(report_fd, 0, CSANDBOX_STEP_NONE, 0, isolation);
  execve(spec->program, spec->arguments, spec->environment);
  fail(report_fd, CSANDBOX_STEP_EXEC, isolation);
}

// Waits for the program and ends as it ended, so the caller sees its exit status or signal.
static void mirror(pid_t program) {
  // Holds nothing open: the pipes reach their end when the program's side closes.
  for (int fd = 0; fd < 3; fd++) close(fd);
#ifdef __linux__
  if (syscall(SYS_close_range, 3U, ~0U, 0) < 0)
#endif
  {
    for (int fd = 3; fd < 65536; fd++) close(fd);
  }
  int status = 0;
  while (waitpid(program, &status, 0) < 0) {
    if (errno != EINTR) _exit(127);
  }
  if (WIFEXITED(status)) _exit(WEXITSTATUS(status));
  int signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  signal(signal_number, SIG_DFL);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, signal_number);
  sigprocmask(SIG_UNBLOCK, &only, NULL);
  kill(getpid(), signal_number);
  _exit(128 + signal_number);
}

// The sandbox's first process: a session of its own, the namespaces and the user, then the
// program in a process of its own (the first of its PID namespace, whose end ends every process
// in it), which this one waits for.
static void child(const csandbox_spec *spec, int report_fd, pid_t parent) {
  struct sigaction standard;
  memset(&standard, 0, sizeof standard);
  standard.sa_handler = SIG_DFL;
  for (int signal_number = 1; signal_number < NSIG; signal_number++) {
    sigaction(signal_number, &standard, NULL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  // Above 3, so that placing the four descriptors cannot overwrite it.
  report_fd = fcntl(report_fd, F_DUPFD_CLOEXEC, 10);
  if (report_fd < 0) _exit(127);
  int isolation = 0;
  if (setsid() < 0) fail(report_fd, CSANDBOX_STEP_SESSION, isolation);
#ifdef __linux__
  const int spaces = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWPID;
#endif
  if (geteuid() == 0) {
#ifdef __linux__
    if (unshare(spaces) == 0) {
      if (build_view(spec, spec->uid, spec->gid) < 0)
        fail(report_fd, CSANDBOX_STEP_MOUNTS, isolation);
      isolation |= CSANDBOX_NAMESPACES;
    }
#endif
    if (setgroups(0, NULL) < 0) fail(report_fd, CSANDBOX_STEP_USER, isolation);
#ifdef __linux__
    if (setresgid(spec->gid, spec->gid, spec->gid) < 0 ||
        setresuid(spec->uid, spec->uid, spec->uid) < 0)
      fail(report_fd, CSANDBOX_STEP_USER, isolation);
#else
    if (setgid(spec->gid) < 0 || setuid(spec->uid) < 0)
      fail(report_fd, CSANDBOX_STEP_USER, isolation);
#endif
    isolation |= CSANDBOX_DROPPED_USER;
  }
#ifdef __linux__
  if (!(isolation & CSANDBOX_NAMESPACES)) {
    uid_t uid = geteuid();
    gid_t gid = getegid();
    if (unshare(CLONE_NEWUSER | spaces) == 0) {
      if (map_user(uid, gid) < 0 || build_view(spec, uid, gid) < 0)
        fail(report_fd, CSANDBOX_STEP_MOUNTS, isolation);
      isolation |= CSANDBOX_NAMESPACES | CSANDBOX_USER_NAMESPACE;
    }
  }
  // No set-user-ID program can give back what was dropped; the sandbox dies with its parent;
  // and this process, the program's parent, is not dumpable, so that even without namespaces
  // its /proc/<pid>/environ (Rehearse's environment, copied by fork) cannot be read.
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 ||
      prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
    fail(report_fd, CSANDBOX_STEP_LIMITS, isolation);
  if (getppid() != parent) _exit(127);
#endif
  pid_t program = fork();
  if (program < 0) fail(report_fd, CSANDBOX_STEP_FORK, isolation);
  if (program == 0) start_program(spec, report_fd, isolation);
  mirror(program);
}

int csandbox_pipe(int fds[2]) {
#ifdef __linux__
  return pipe2(fds, O_CLOEXEC);
#else
  if (pipe(fds) < 0) return -1;
  fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  return 0;
#endif
}

int csandbox_has_ended(pid_t pid) {
  siginfo_t info;
  memset(&info, 0, sizeof info);
  if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) < 0) return -1;
  return info.si_pid == pid ? 1 : 0;
}

int csandbox_socketpair(int fds[2]) {
#ifdef __linux__
  return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
#else
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) < 0) return -1;
  int on = 1;
  for (int index = 0; index < 2; index++) {
    fcntl(fds[index], F_SETFD, FD_CLOEXEC);
    setsockopt(fds[index], SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
  }
  return 0;
#endif
}

long csandbox_send(int fd, const void *bytes, unsigned long count) {
#ifdef __linux__
  return (long)send(fd, bytes, count, MSG_NOSIGNAL | MSG_DONTWAIT);
#else
  return (long)send(fd, bytes, count, MSG_DONTWAIT);
#endif
}

int csandbox_spawn(const csandbox_spec *spec, csandbox_result *result) {
  memset(result, 0, sizeof *result);
  result->exit_fd = -1;
  int report[2];
  if (csandbox_pipe(report) < 0) {
    result->failed_step = CSANDBOX_STEP_FORK;
    result->error = errno;
    return -1;
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    result->failed_step = CSANDBOX_STEP_FORK;
    result->error = errno;
    close(report[0]);
    close(report[1]);
    return -1;
  }
  if (pid == 0) {
    close(report[0]);
    child(spec, report[1], parent);
    _exit(127);
  }
  close(report[1]);
  result->pid = pid;
#ifdef __linux__
  // Before anything can reap the child, so the descriptor names this child.
  result->exit_fd = (int)syscall(SYS_pidfd_open, pid, 0);
  if (result->exit_fd >= 0) fcntl(result->exit_fd, F_SETFD, FD_CLOEXEC);
#endif
  struct report record;
  struct report last = {1, CSANDBOX_STEP_FORK, ECHILD, 0};
  size_t filled = 0;
  for (;;) {
    ssize_t count = read(report[0], (char *)&record + filled, sizeof record - filled);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) break;
    filled += (size_t)count;
    if (filled == sizeof record) {
      last = record;
      filled = 0;
    }
  }
  close(report[0]);
  result->isolation = last.isolation;
  if (last.kind != 0) {
    result->failed_step = last.step;
    result->error = last.error;
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
    }
    if (result->exit_fd >= 0) close(result->exit_fd);
    result->exit_fd = -1;
    return -1;
  }
  return 0;
}
