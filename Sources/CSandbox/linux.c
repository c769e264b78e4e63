// The sandbox's Linux side: the user namespace's mapping, the file system view, the seccomp
// filter. Each runs in the child between fork and exec: system calls only, no allocation.
#define _GNU_SOURCE
#include "csandbox_linux.h"

#ifdef __linux__
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

// The new mount API's constants and structure, which older C libraries do not declare.
#define SANDBOX_OPEN_TREE_CLONE 1
#define SANDBOX_AT_RECURSIVE 0x8000
#define SANDBOX_AT_EMPTY_PATH 0x1000
#define SANDBOX_MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#define SANDBOX_MOUNT_ATTR_RDONLY 0x00000001
#define SANDBOX_MOUNT_ATTR_NOSUID 0x00000002
#define SANDBOX_MOUNT_ATTR_NODEV 0x00000004

struct sandbox_mount_attr {
  uint64_t attr_set;
  uint64_t attr_clr;
  uint64_t propagation;
  uint64_t userns_fd;
};

// The most keeps honoured (the interpreter and its installation need two or three).
#define MAX_KEEPS 8

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

int csandbox_map_user(uid_t uid, gid_t gid) {
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

#ifdef CSANDBOX_HAS_FILTER
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
int csandbox_filter_calls(void) {
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
int csandbox_build_view(const csandbox_spec *spec, uid_t uid, gid_t gid) {
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
