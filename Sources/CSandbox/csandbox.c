#define _GNU_SOURCE
#include "csandbox.h"
#include "csandbox_linux.h"

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
#include <sched.h>
#include <sys/prctl.h>
#endif

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
#ifdef CSANDBOX_HAS_FILTER
  if (csandbox_filter_calls() < 0) fail(report_fd, CSANDBOX_STEP_LIMITS, isolation);
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
      if (csandbox_build_view(spec, spec->uid, spec->gid) < 0)
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
      if (csandbox_map_user(uid, gid) < 0 || csandbox_build_view(spec, uid, gid) < 0)
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
