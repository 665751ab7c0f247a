// GNU readline needs stdio.h (FILE) declared before its own headers.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Helpers for the REPL console (Sources/eflowsh/ReadlineConsole.swift). Swift 6 refuses to touch
// C global variables (they are shared mutable state), so readline's variables are set and read
// through these functions. They are called on the main thread only.

/// Configures readline for eflowsh: no signal handling of its own (the console handles SIGINT),
/// window-size changes followed, our completion function and word boundaries, history written
/// with timestamps so that multi-line entries read back as one entry.
static inline void eflowsh_rl_configure(rl_completion_func_t *complete, const char *word_breaks) {
  rl_readline_name = "eflowsh";
  rl_catch_signals = 0;
  rl_catch_sigwinch = 1;
  rl_attempted_completion_function = complete;
  rl_completer_word_break_characters = word_breaks;
  history_write_timestamps = 1;
  history_multiline_entries = 1;
  // add_history stamps entries with this character + the time; with the default '\0' the
  // stamps are empty and never written.
  history_comment_char = '#';
}

/// The newest history entry's text, or NULL.
static inline const char *eflowsh_history_last(void) {
  if (history_length <= 0) return NULL;
  HIST_ENTRY *e = history_get(history_base + history_length - 1);
  return e ? e->line : NULL;
}

/// Empties the line being edited.
static inline void eflowsh_rl_clear_line(void) {
  rl_replace_line("", 0);
  rl_point = 0;
  rl_end = 0;
}

/// The line being edited and the cursor (a byte offset), for the completion function.
static inline const char *eflowsh_rl_line_buffer(void) { return rl_line_buffer; }
static inline int eflowsh_rl_point(void) { return rl_point; }

/// Tells readline not to fall back to file-name completion, and whether to add a space after
/// a single match.
static inline void eflowsh_rl_completion_done(int suppress_append) {
  rl_attempted_completion_over = 1;
  rl_completion_suppress_append = suppress_append;
}
