#include "creadline.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readline/history.h>
#include <readline/readline.h>

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t signals_end_process = 0;
static volatile sig_atomic_t suspend_requested = 0;

// What the callback handler saw: 0 typing, 1 a line, 2 end of input.
static int line_state = 0;
static char *entered_line = NULL;
static int handler_installed = 0;

static char **completion_words = NULL;
static int completion_count = 0;

static void record_signal(int signal_number) {
  // Before a session starts there is nothing to save: the process ends as the default action
  // would, with the status shells give it (130 for Ctrl-C). _exit is async-signal-safe.
  if (signals_end_process) _exit(128 + signal_number);
  pending_signal = signal_number;
}

static void record_suspend(int signal_number) {
  (void)signal_number;
  suspend_requested = 1;
}

// Ctrl-Z is caught only while a line is read, when the terminal is in readline's mode and must be
// put back before the process stops; otherwise the default (stop at once) is right.
static void catch_suspend(int catching) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = catching ? record_suspend : SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTSTP, &action, NULL);
}

void creadline_install_signal_handlers(int ending_process) {
  signals_end_process = ending_process ? 1 : 0;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: poll() returns EINTR at once
  sigaction(SIGINT, &action, NULL);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  // Ctrl-\ ends the session like SIGTERM, with what was typed saved, instead of a crash report.
  sigaction(SIGQUIT, &action, NULL);

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGQUIT);
  sigprocmask(SIG_UNBLOCK, &signals, NULL);
}

void creadline_record_signals(void) { signals_end_process = 0; }

int creadline_take_signal(void) {
  int signal_number = pending_signal;
  pending_signal = 0;
  return signal_number;
}

int creadline_pending_signal(void) { return pending_signal; }

static char *completion_generator(const char *text, int state) {
  static int index;
  static size_t length;
  if (state == 0) {
    index = 0;
    length = strlen(text);
  }
  while (index < completion_count) {
    const char *word = completion_words[index++];
    // `:` commands complete only `:` words; other words (competency names) only other words.
    if ((word[0] == ':') != (text[0] == ':')) continue;
    if (strncmp(word, text, length) == 0) return strdup(word);
  }
  return NULL;
}

static char **complete(const char *text, int start, int end) {
  (void)end;
  rl_attempted_completion_over = 1;  // never fall back to completing file names
  if (text[0] == ':' && start != 0) return NULL;  // a command is a whole line
  return rl_completion_matches(text, completion_generator);
}

/// Tab completes a `:` command, or a word when plain words are offered (competency names);
/// anywhere else it indents by four spaces, which is what Python code needs.
static int tab_key(int count, int key) {
  int plain_words = 0;
  for (int index = 0; index < completion_count; index++) {
    if (completion_words[index][0] != ':') plain_words = 1;
  }
  if (plain_words || (rl_line_buffer != NULL && rl_line_buffer[0] == ':')) {
    return rl_complete(count, key);
  }
  for (int index = 0; index < (count > 0 ? count : 1); index++) rl_insert_text("    ");
  return 0;
}

void creadline_configure(const char *name, const char *const *words, int count) {
  rl_readline_name = strdup(name);
  rl_catch_signals = 0;
  rl_catch_sigwinch = 1;
  rl_change_environment = 0;
  rl_attempted_completion_function = complete;
  rl_bind_key('\t', tab_key);
  // A paste arrives as typed lines, each at its own prompt, rather than as one line with
  // newlines inside it that the countdown's redraw would scramble.
  rl_variable_bind("enable-bracketed-paste", "off");
  for (int index = 0; index < completion_count; index++) free(completion_words[index]);
  free(completion_words);
  completion_words = calloc((size_t)(count > 0 ? count : 1), sizeof(char *));
  completion_count = 0;
  if (completion_words == NULL) return;
  for (int index = 0; index < count; index++) {
    completion_words[index] = strdup(words[index]);
    if (completion_words[index] != NULL) completion_count = index + 1;
  }
  using_history();
}

// What was typed on the line as of the last character read: when the terminal goes away,
// readline ends the line as at Ctrl-D and may clear its buffer first, so the text is taken from
// here.
static char *typed_so_far = NULL;

static void line_handler(char *line) {
  if (line == NULL) {
    line_state = 2;
    free(entered_line);
    entered_line = NULL;
    if (rl_line_buffer != NULL && rl_line_buffer[0] != '\0') {
      entered_line = strdup(rl_line_buffer);
    } else if (typed_so_far != NULL && typed_so_far[0] != '\0') {
      entered_line = strdup(typed_so_far);
    }
  } else {
    free(entered_line);
    entered_line = line;
    line_state = 1;
  }
  rl_callback_handler_remove();
  handler_installed = 0;
}

void creadline_end_line(void) {
  fputs("\n", stdout);
  fflush(stdout);
}

void creadline_begin(const char *prompt) {
  fflush(stdout);
  line_state = 0;
  free(entered_line);
  entered_line = NULL;
  free(typed_so_far);
  typed_so_far = NULL;
  suspend_requested = 0;
  catch_suspend(1);
  rl_callback_handler_install(prompt, line_handler);
  handler_installed = 1;
}

int creadline_suspend_if_requested(void) {
  if (!suspend_requested) return 0;
  suspend_requested = 0;
  if (handler_installed) (*rl_deprep_term_function)();
  catch_suspend(0);
  raise(SIGTSTP);
  // Continued (fg): take the terminal back and draw the line again on the shell's fresh line.
  catch_suspend(1);
  if (handler_installed) {
    (*rl_prep_term_function)(1);
    rl_forced_update_display();
  }
  return 1;
}

void creadline_read_available(void) {
  if (!handler_installed) return;
  rl_callback_read_char();
  if (handler_installed && rl_line_buffer != NULL) {
    free(typed_so_far);
    typed_so_far = strdup(rl_line_buffer);
  }
}

int creadline_input_hung_up(void) {
  struct pollfd descriptor = {.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
  if (poll(&descriptor, 1, 0) > 0 && (descriptor.revents & (POLLHUP | POLLERR | POLLNVAL))) {
    return 1;
  }
  // A terminal that is gone reads as an error (EIO) rather than as the end of input.
  char byte;
  errno = 0;
  return read(STDIN_FILENO, &byte, 0) < 0 && errno == EIO;
}

int creadline_state(void) { return line_state; }

char *creadline_take_line(void) {
  char *line = entered_line;
  entered_line = NULL;
  return line;
}

char *creadline_copy_buffer(void) {
  return strdup(rl_line_buffer != NULL ? rl_line_buffer : "");
}

void creadline_update_prompt(const char *prompt) {
  if (!handler_installed) return;
  rl_set_prompt(prompt);
  rl_redisplay();
}

void creadline_cancel(void) {
  if (!handler_installed) return;
  rl_callback_sigcleanup();
  rl_callback_handler_remove();
  handler_installed = 0;
  catch_suspend(0);
}

void creadline_history_add(const char *line) {
  if (line != NULL && line[0] != '\0') add_history(line);
}

int creadline_history_read(const char *path) { return read_history(path); }

int creadline_history_write(const char *path, int keep) {
  stifle_history(keep);
  int result = write_history(path);
  if (result == 0) history_truncate_file(path, keep);
  return result;
}
