#ifndef CREADLINE_H
#define CREADLINE_H

// A small C face on GNU readline for Swift 6: readline's mutable globals and function-like macros
// are out of Swift's reach, so they are wrapped here. Only the LineInput module includes this.

/// Sets the application name (for ~/.inputrc conditionals), turns off readline's own signal
/// handling (the caller handles SIGINT and SIGTERM) and turns on completion of `words` for a
/// word at the start of the line. `words` is copied.
void creadline_configure(const char *name, const char *const *words, int count);

/// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT that only record the signal, without
/// SA_RESTART so that a waiting poll() returns at once. Unblocks those signals, which a parent
/// process may have blocked. With `ending_process` set, a signal instead ends the process at once
/// with status 128 + its number, until creadline_record_signals() is called.
void creadline_install_signal_handlers(int ending_process);

/// From now on the handlers only record a signal (see creadline_install_signal_handlers).
void creadline_record_signals(void);

/// The signal recorded since the last call (0 when none), and forgets it.
int creadline_take_signal(void);

/// The signal recorded and not yet taken (0 when none).
int creadline_pending_signal(void);

/// Ends the current output line (after a read was cut short) and flushes standard output.
void creadline_end_line(void);

/// Starts reading a line with `prompt` through the callback interface; flushes standard output
/// first, so that text printed before appears above the prompt.
void creadline_begin(const char *prompt);

/// When Ctrl-Z was pressed during the read: gives the terminal back, stops the process, and on
/// `fg` takes the terminal again and redraws the line. Returns 1 when it suspended.
int creadline_suspend_if_requested(void);

/// Lets readline read the characters waiting on standard input.
void creadline_read_available(void);

/// 0 while the line is being typed, 1 when a line was entered, 2 at end of input (Ctrl-D on an
/// empty line, or the terminal gone).
int creadline_state(void);

/// The line entered, as a malloc'd string the caller frees; NULL when there is none. At end of
/// input it is what was typed on the line, if anything.
char *creadline_take_line(void);

/// 1 when standard input is a terminal that has gone away (hung up, or reading fails with EIO).
int creadline_input_hung_up(void);

/// A malloc'd copy of what is typed so far on the current line; the caller frees it.
char *creadline_copy_buffer(void);

/// Replaces the prompt and redraws the line.
void creadline_update_prompt(const char *prompt);

/// Stops reading the line (when it timed out or was interrupted) and restores the terminal.
void creadline_cancel(void);

/// Adds a line to the history.
void creadline_history_add(const char *line);

/// Reads the history file; returns 0 or an errno value.
int creadline_history_read(const char *path);

/// Writes the last `keep` lines of history to the file; returns 0 or an errno value.
int creadline_history_write(const char *path, int keep);

#endif
