// GNU readline needs stdio.h (FILE) declared before its own headers.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
